// charts/: charts are vector SVG drawn from the data; every kind draws its bars or slices, writes
// its values where there are few bars (in the house number format, readable on its ground), and the
// same spec gives the same bytes.
import { beforeEach, describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/renderChart.js';
import { PALETTE, showsValueLabels, symmetric, VALUE_LABEL_MAX_BARS } from '../../src/charts/chartConfig.js';
import { contrastRatio, DARK_TEXT, textColourOn } from '../../src/charts/contrast.js';
import { MAX_SLICES } from '../../src/check/blockRules.js';
import type { ChartSeries, ChartSpec, ChartType } from '../../src/model/types.js';

const series = (id: string, values: (number | null)[], name = id.toUpperCase()): ChartSeries => ({ id, name, dashed: false, values });
const chart = (type: ChartType, labels: string[], s: ChartSeries[], more: Partial<ChartSpec> = {}): ChartSpec => ({
  type, title: 'T', stacked: type.startsWith('stacked-'), illustrative: false, labels, series: s, ...more,
});

/** The fill colour of a palette entry as cairo writes it in the SVG. */
const cairoFill = (hex: string): string =>
  `fill:rgb(${[0, 1, 2].map((i) => { const p = (parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255) * 100; return Number.isInteger(p) ? String(p) : p.toFixed(6); }).join('%,')}%)`;
/** How many filled shapes of colour `hex` the SVG holds (bars or slices, plus one legend box). */
/** The texts of the SVG's <text> elements, in order. */
const svgTexts = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
const shapes = (svg: string, hex: string): number => (svg.match(/<path[^>]*>/g) ?? []).filter((p) => p.includes(cairoFill(hex) + ';')).length;

describe('renderChartSvg', () => {
  const spec = chart('line', ['2020', '2030'], [series('a', [1, 2])]);

  it('draws vector SVG, with no embedded raster image', () => {
    const svg = renderChartSvg(spec);
    expect(svg).toMatch(/^<\?xml[\s\S]*<svg/);
    expect(svg).not.toContain('<image');
    expect(svg.match(/<path/g)?.length).toBeGreaterThan(10);
  });

  it('writes its texts as SVG text in the document font, not as letter outlines', () => {
    const svg = renderChartSvg(spec);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['2020', '2030', '0']));
    expect(svg.match(/<text [^>]*font-family="Roboto"/g)?.length).toBe(svgTexts(svg).length);
    // The title is the caption's, not drawn in the chart a second time.
    expect(svgTexts(svg)).not.toContain('T');
  });

  it('is deterministic and depends on the data', () => {
    expect(renderChartSvg(spec)).toBe(renderChartSvg(spec));
    expect(renderChartSvg({ ...spec, series: [{ ...spec.series[0]!, values: [1, 5] }] })).not.toBe(renderChartSvg(spec));
  });
});

describe('every chart kind', () => {
  // The chart's texts are <text> elements of the SVG, in the order chart.js drew them.
  let drawn: string[] = [];
  beforeEach(() => {
    drawn = [];
  });
  const render = (s: ChartSpec): string => {
    const svg = renderChartSvg(s);
    drawn.push(...svgTexts(svg));
    return svg;
  };

  const age = ['0–19 år', '20–66 år', '67 år og eldre'];
  const kinds: [ChartType, ChartSpec, { bars: number[]; values: string[] }][] = [
    ['bar', chart('bar', ['2020', '2050'], [series('d', [528, 1412])]), { bars: [2], values: ['528', '1\u00a0412'] }],
    ['stacked-bar', chart('stacked-bar', ['2020', '2025', '2030'], [series('a', [1200, 1350, 1500]), series('b', [300, 320, 410])]), { bars: [3, 3], values: ['1\u00a0200', '1\u00a0350', '1\u00a0500', '300', '320', '410'] }],
    ['horizontal-bar', chart('horizontal-bar', ['Nord', 'Sør', 'Vest', 'Aust'], [series('a', [120.5, 240, 45, 60])]), { bars: [4], values: ['120,5', '240', '45', '60'] }],
    ['stacked-horizontal-bar', chart('stacked-horizontal-bar', ['Nord', 'Sør'], [series('a', [10, 20]), series('b', [15, 25])]), { bars: [2, 2], values: ['10', '20', '15', '25'] }],
    ['pie', chart('pie', ['Løn', 'Drift', 'Husleige', 'Anna'], [series('kr', [400000, 350000, 200000, 50000])]), { bars: [1, 1, 1, 1], values: ['40\u00a0%', '35\u00a0%', '20\u00a0%', '5\u00a0%'] }],
    ['doughnut', chart('doughnut', ['Ja', 'Nei', 'Veit ikkje'], [series('svar', [62, 30, 8])]), { bars: [1, 1, 1], values: ['62\u00a0%', '30\u00a0%', '8\u00a0%'] }],
    ['pyramid', chart('pyramid', age, [series('menn', [3000, 9000, 2000], 'Menn'), series('kvinner', [2900, 8800, 2500], 'Kvinner')]), { bars: [3, 3], values: ['3\u00a0000', '9\u00a0000', '2\u00a0000', '2\u00a0900', '8\u00a0800', '2\u00a0500'] }],
  ];

  for (const [type, spec, want] of kinds) {
    it(`${type}: draws each bar or slice and writes its values`, () => {
      const svg = render(spec);
      // Pie and doughnut colour by slice; bars by series. A legend box adds one shape per colour.
      const legend = spec.series.length > 1 || type === 'pie' || type === 'doughnut' ? 1 : 0;
      want.bars.forEach((n, i) => expect(shapes(svg, PALETTE[i]!), `colour ${i}`).toBe(n + legend));
      for (const v of want.values) expect(drawn, v).toContain(v);
      expect(render(spec)).toBe(svg);
    });
  }

  it('pie and doughnut: the legend gives each slice its value and share', () => {
    render(kinds[4]![1]);
    expect(drawn).toContain('Løn: 400\u00a0000 (40\u00a0%)');
    expect(drawn).toContain('Anna: 50\u00a0000 (5\u00a0%)');
  });

  it('pyramid: the first series to the left, yet ticks and labels show positive numbers', () => {
    render(kinds[6]![1]);
    expect(drawn.filter((t) => t.startsWith('\u2212') || t.startsWith('-'))).toEqual([]);
    // Each tick is written once on each side of zero.
    // The chart's title is not drawn (the figure caption says it). The ticks come after the legend
    // and before the age groups: round ends (9 000 and room for its label: 12 000) and round steps,
    // each written as a positive number on both sides of zero.
    expect(drawn).not.toContain('T');
    const ticks = drawn.slice(drawn.indexOf('Kvinner') + 1, drawn.indexOf(age[0]!));
    expect(ticks).toEqual(['12\u00a0000', '9\u00a0000', '6\u00a0000', '3\u00a0000', '0', '3\u00a0000', '6\u00a0000', '9\u00a0000', '12\u00a0000']);
    expect(symmetric(10350)).toEqual({ min: -12000, max: 12000, step: 3000 });
    expect(symmetric(0.7)).toEqual({ min: -0.8, max: 0.8, step: 0.2 });
    expect(drawn).toContain('Menn');
    expect(drawn).toContain('Kvinner');
  });

  it('writes no values where there are many bars, unless the file asks for them', () => {
    const many = chart('bar', Array.from({ length: 13 }, (_v, i) => String(2000 + i)), [series('a', Array.from({ length: 13 }, (_v, i) => 1001 + i))]);
    expect(13).toBeGreaterThan(VALUE_LABEL_MAX_BARS);
    render(many);
    expect(drawn).not.toContain('1\u00a0001');
    drawn = [];
    render({ ...many, valueLabels: true });
    expect(drawn).toContain('1\u00a0001');
    expect(drawn).toContain('1\u00a0013');
  });

  it('leaves out a value label its slice has no room for; the legend still gives the share', () => {
    render(chart('pie', ['Stor', 'Liten'], [series('a', [995, 5])]));
    expect(drawn).toContain('99,5\u00a0%');
    expect(drawn).not.toContain('0,5\u00a0%');
    expect(drawn).toContain('Liten: 5 (0,5\u00a0%)');
  });

  it('a line chart writes its values only when the file asks for them', () => {
    const line = chart('line', ['2020', '2030'], [series('a', [1234, 5678])]);
    render(line);
    expect(drawn).not.toContain('1\u00a0234');
    drawn = [];
    render({ ...line, valueLabels: true });
    expect(drawn).toContain('1\u00a0234');
    expect(drawn).toContain('5\u00a0678');
  });

  it('a plain bar chart drawn without value labels is the same as before the new kinds', () => {
    const plain = chart('bar', ['2020', '2050'], [series('d', [528, 1412])], { valueLabels: false });
    render(plain);
    expect(drawn).not.toContain('528');
    expect(showsValueLabels(plain)).toBe(false);
    expect(showsValueLabels(chart('line', ['a'], [series('a', [1])]))).toBe(false);
  });
});

describe('value label colours', () => {
  it('reach 4.5:1 against every series colour, and dark text on the white ground', () => {
    for (const c of PALETTE) expect(contrastRatio(textColourOn(c), c), c).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(DARK_TEXT, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('give each pie slice the check allows a colour of its own', () => {
    expect(new Set(PALETTE).size).toBeGreaterThanOrEqual(MAX_SLICES);
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });
});
