// The web edition's HTML pieces (src/web/): escaping, inline runs, and the inline SVG charts.
import { describe, expect, it } from 'vitest';
import { esc, FootnoteMarks, inlineHtml } from '../../src/web/html.js';
import { chartSvg } from '../../src/web/svgChart.js';
import { CHART_TYPES, type ChartSpec, type Inline } from '../../src/model/types.js';

const t = (text: string, extra: Partial<Extract<Inline, { kind: 'text' }>> = {}): Inline => ({ kind: 'text', text, bold: false, italics: false, ...extra });

describe('inline text as HTML', () => {
  it('escapes every character that could start markup, in text and in attributes', () => {
    expect(esc(`<b a="1" b='2'>&</b>`)).toBe('&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;&lt;/b&gt;');
    expect(inlineHtml([t('{{x}} <script>')], undefined, 'Fotnote')).toBe('{{x}} &lt;script&gt;');
  });

  it('writes emphasis and web or e-mail links, nothing else as a link', () => {
    expect(inlineHtml([t('a', { bold: true }), t('b', { italics: true }), t('c', { link: 'https://x.no/?a=1&b=2' })], undefined, 'Fotnote')).toBe(
      '<strong>a</strong><em>b</em><a href="https://x.no/?a=1&amp;b=2">c</a>',
    );
    expect(inlineHtml([t('d', { link: 'javascript:alert(1)' })], undefined, 'Fotnote')).toBe('d');
  });

  it('links footnote marks to their note, each mark with an id of its own for the way back', () => {
    const marks = new FootnoteMarks();
    const html = inlineHtml([t('a'), { kind: 'footnote', number: 3 }, t('b'), { kind: 'footnote', number: 3 }, { kind: 'footnote', number: 1 }], marks, 'Fotnote');
    expect([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1])).toEqual(['fnref-3', 'fnref-3-2', 'fnref-1']);
    expect(html).toContain('<a href="#fn-3" id="fnref-3" class="fnref" aria-label="Fotnote 3">3</a>');
    expect(marks.order).toEqual([3, 1]);
  });
});

describe('charts as inline SVG with real text', () => {
  const spec = (type: ChartSpec['type']): ChartSpec => ({
    type,
    title: 'Folketal <2024>',
    xLabel: 'År',
    yLabel: 'Tal',
    stacked: type.startsWith('stacked'),
    illustrative: false,
    labels: ['2020', '2025', '2030'],
    series: (type === 'pie' || type === 'doughnut' ? [0] : [0, 1]).map((i) => ({ id: `s${i}`, name: `Serie ${i + 1}`, dashed: i === 1, values: [1200 + i * 300, null, 1800] })),
  });

  it('draws every chart type with its labels and legend as text, its title as the accessible name only (the caption prints it), the same bytes every time', () => {
    for (const type of CHART_TYPES) {
      const svg = chartSvg(spec(type), 'Illustrative tal', 'd', 't');
      expect(svg, type).toContain('<title id="t">Folketal &lt;2024&gt;</title>');
      expect(svg, type).not.toContain('>Folketal &lt;2024&gt;</text>');
      expect(svg, type).toContain('>Illustrative tal</text>');
      // The legend names the series; a pie's names its slices (the labels), each with its value.
      expect(svg, type).toContain(type === 'pie' || type === 'doughnut' ? '>2020: 1\u00a0200' : '>Serie 1');
      expect(svg, type).toMatch(/>2020(<|:)/);
      expect(svg, type).not.toMatch(/NaN|Infinity|undefined/);
      expect(svg, type).toContain('role="img" aria-labelledby="t" aria-describedby="d"');
      expect(chartSvg(spec(type), 'Illustrative tal', 'd', 't')).toBe(svg);
    }
  });

  it('writes the values on few bars, as the PDF does, and leaves out the legend of a single series', () => {
    const one = { ...spec('bar'), series: [{ id: 'a', name: 'Personar', dashed: false, values: [528, 1412, 900] }] };
    const svg = chartSvg(one, undefined, 'd', 't');
    expect(svg).toContain('class="value">1\u00a0412</text>');
    expect(svg).toContain('class="value">528</text>');
    expect(svg).not.toContain('class="legend"');
    const many = { ...one, labels: Array.from({ length: 30 }, (_, i) => String(2000 + i)), series: [{ ...one.series[0]!, values: Array.from({ length: 30 }, (_, i) => 100 + i) }] };
    expect(chartSvg(many, undefined, 'd', 't')).not.toContain('class="value"');
    expect(chartSvg({ ...one, valueLabels: false }, undefined, 'd', 't')).not.toContain('class="value"');
    expect(chartSvg({ ...spec('bar') }, undefined, 'd', 't')).toContain('class="legend"');
  });

  it('writes numbers the Norwegian way on the value axis', () => {
    const svg = chartSvg({ ...spec('bar'), series: [{ id: 'a', name: 'A', dashed: false, values: [12000, 15000, 18000] }] }, undefined, 'd', 't');
    expect(svg).toContain('>15\u00a0000</text>');
  });
});
