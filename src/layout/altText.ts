// Alternative text for figures, generated from their data: what kind of chart, its title, the
// axes, and each series with its first and last value and its peak; the trapp lists its trinn.
import type { ChartSpec, Trapp } from '../model/types.js';
import { label, type Labels } from './labels.js';
import { formatNumber } from './numbers.js';

/** A sentence-by-sentence description of a chart, in the plan's language form. */
export function chartAlt(spec: ChartSpec, l: Labels): string {
  const parts = [`${label(l, spec.type === 'bar' ? 'alt_bar_chart' : 'alt_line_chart')}: ${spec.title}.`];
  if (spec.xLabel) parts.push(`${label(l, 'alt_x_axis')}: ${spec.xLabel}.`);
  if (spec.yLabel) parts.push(`${label(l, 'alt_y_axis')}: ${spec.yLabel}.`);
  for (const s of spec.series) {
    const points = s.values.flatMap((v, i) => (v === null ? [] : [{ v, at: spec.labels[i] ?? '' }]));
    if (points.length === 0) continue;
    const first = points[0]!;
    const last = points[points.length - 1]!;
    const peak = points.reduce((a, b) => (b.v > a.v ? b : a));
    parts.push(
      `${s.name}: ${label(l, 'alt_from')} ${formatNumber(first.v)} (${first.at}) ${label(l, 'alt_to')} ${formatNumber(last.v)} (${last.at}), ${label(l, 'alt_peak')} ${formatNumber(peak.v)} (${peak.at}).`,
    );
  }
  if (spec.illustrative) parts.push(`${label(l, 'illustrative')}.`);
  return parts.join(' ');
}

/** The staircase described as its list of trinn, from the lowest. */
export function trappAlt(trapp: Trapp, l: Labels): string {
  const kategori = new Map(trapp.kategoriar.map((k) => [k.id, k]));
  return `${label(l, 'alt_trapp')}: ${trapp.trinn.map((t) => `${label(l, 'trapp_trinn')} ${t.nummer}: ${t.name} (${label(l, 'trapp_kategori')} ${kategori.get(t.kategori)?.nummer ?? ''})`).join('; ')}.`;
}
