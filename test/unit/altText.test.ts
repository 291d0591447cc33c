// layout/altText: every chart kind's alternative text says what kind it is and what its data say,
// in the plan's language form.
import { describe, expect, it } from 'vitest';
import { chartAlt } from '../../src/layout/altText.js';
import { labelsFor } from '../../src/layout/labels.js';
import type { ChartSeries, ChartSpec, ChartType } from '../../src/model/types.js';

const series = (id: string, values: (number | null)[], name = id): ChartSeries => ({ id, name, dashed: false, values });
const chart = (type: ChartType, title: string, labels: string[], s: ChartSeries[], more: Partial<ChartSpec> = {}): ChartSpec => ({
  type, title, stacked: type.startsWith('stacked-'), illustrative: false, labels, series: s, ...more,
});
const nn = labelsFor('nn');
const nb = labelsFor('nb');
/** Write the house format's no-break spaces (thousands, before %) as plain spaces in the expectations. */
const sp = (t: string): string => t.replace(/(\d) (?=\d{3}\b)/g, '$1\u00a0').replace(/ %/g, '\u00a0%');

describe('chartAlt', () => {
  const pie = chart('pie', 'Fordeling av utgifter', ['Drift', 'Løn', 'Anna'], [series('kr', [350000, 400000, 250000])]);
  it('pie: the slices from the largest share down, with share and value', () => {
    expect(chartAlt(pie, nn)).toBe(sp('Kakediagram: Fordeling av utgifter. Løn 40 % (400 000), Drift 35 % (350 000), Anna 25 % (250 000).'));
    expect(chartAlt(pie, nb)).toBe(sp('Kakediagram: Fordeling av utgifter. Løn 40 % (400 000), Drift 35 % (350 000), Anna 25 % (250 000).'));
  });

  it('doughnut', () => {
    const d = chart('doughnut', 'Svar', ['Ja', 'Nei'], [series('s', [2, 1])]);
    expect(chartAlt(d, nn)).toBe('Smultringdiagram: Svar. Ja 66,7\u00a0% (2), Nei 33,3\u00a0% (1).');
  });

  const pyramid = chart('pyramid', 'Folketal 2024', ['0–19', '20–39', '40–66', '67–79', '80+'], [
    series('menn', [3000, 4200, 5100, 1800, 600], 'Menn'),
    series('kvinner', [2900, 4000, 5000, 2000, 900], 'Kvinner'),
  ]);
  it('pyramid: the age groups, and per side its total and largest groups', () => {
    expect(chartAlt(pyramid, nn)).toBe(sp(
      'Befolkningspyramide: Folketal 2024. Aldersgrupper frå 0–19 til 80+. Menn til venstre, 14 700 til saman; størst: 40–66 (5 100), 20–39 (4 200), 0–19 (3 000). '
      + 'Kvinner til høgre, 14 800 til saman; størst: 40–66 (5 000), 20–39 (4 000), 0–19 (2 900).'));
    expect(chartAlt(pyramid, nb)).toBe(sp(
      'Befolkningspyramide: Folketal 2024. Aldersgrupper fra 0–19 til 80+. Menn til venstre, 14 700 til sammen; størst: 40–66 (5 100), 20–39 (4 200), 0–19 (3 000). '
      + 'Kvinner til høyre, 14 800 til sammen; størst: 40–66 (5 000), 20–39 (4 000), 0–19 (2 900).'));
  });

  const horizontal = chart('horizontal-bar', 'Årsverk', ['Heimeteneste', 'Sjukeheim'], [series('a', [120.5, 240], 'Årsverk 2024')], { xLabel: 'Eining', yLabel: 'Årsverk' });
  it('horizontal bars: each category with its value; the category axis stands upright', () => {
    expect(chartAlt(horizontal, nn)).toBe('Liggjande stolpediagram: Årsverk. Loddrett akse: Eining. Vassrett akse: Årsverk. Årsverk 2024: Heimeteneste 120,5, Sjukeheim 240.');
    expect(chartAlt(horizontal, nb)).toBe('Liggende stolpediagram: Årsverk. Loddrett akse: Eining. Vannrett akse: Årsverk. Årsverk 2024: Heimeteneste 120,5, Sjukeheim 240.');
  });

  it('stacked horizontal bars with many categories: only the largest are read out', () => {
    const labels = Array.from({ length: 14 }, (_v, i) => `K${i + 1}`);
    const many = chart('stacked-horizontal-bar', 'Mange', labels, [series('a', labels.map((_l, i) => i + 1), 'A'), series('b', labels.map(() => 1), 'B')]);
    const alt = chartAlt(many, nn);
    expect(alt.startsWith('Stabla liggjande stolpediagram: Mange. A, størst: K14 14, K13 13,')).toBe(true);
    expect(alt).not.toContain('K2 2,');
    expect(chartAlt(many, nb).startsWith('Stablet liggende stolpediagram: Mange.')).toBe(true);
  });

  const stacked = chart('stacked-bar', 'Tenester', ['2020', '2030'], [series('h', [1200, 1500], 'Heime'), series('i', [300, 410], 'Institusjon')], { illustrative: true });
  it('stacked bars: each series along the categories, and the illustrative mark', () => {
    expect(chartAlt(stacked, nn)).toBe(sp(
      `Stabla søylediagram: Tenester. Heime: frå 1 200 (2020) til 1 500 (2030), høgast 1 500 (2030). Institusjon: frå 300 (2020) til 410 (2030), høgast 410 (2030). ${nn.illustrative}.`));
    expect(chartAlt(stacked, nb)).toContain(sp('Stablet søylediagram: Tenester. Heime: fra 1 200 (2020) til 1 500 (2030), høyest 1 500 (2030).'));
  });

  it('line and bar: as before the new kinds', () => {
    const bar = chart('bar', 'Personar med demens', ['2020', '2050'], [series('d', [528, 1412], 'Personar med demens')], { xLabel: 'År', yLabel: 'Tal personar' });
    expect(chartAlt(bar, nn)).toBe('Søylediagram: Personar med demens. Vassrett akse: År. Loddrett akse: Tal personar. Personar med demens: frå 528 (2020) til 1\u00a0412 (2050), høgast 1\u00a0412 (2050).');
    expect(chartAlt({ ...bar, type: 'line' }, nb)).toBe('Linjediagram: Personar med demens. Vannrett akse: År. Loddrett akse: Tal personar. Personar med demens: fra 528 (2020) til 1\u00a0412 (2050), høyest 1\u00a0412 (2050).');
  });
});
