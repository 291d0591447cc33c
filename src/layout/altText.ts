// Alternative text for figures, generated from their data: what kind of chart, its title, the
// axes, and what the data say — each series' first, last and highest value along a line or bars;
// each category's value for horizontal bars; each slice's share for pie and doughnut; the largest
// age groups on each side of a pyramid. The trapp lists its trinn.
import { formatPercent } from '../core/numberFormat.js';
import type { ChartSeries, ChartSpec, ChartType, Trapp } from '../model/types.js';
import { label, type Labels } from './labels.js';
import { formatNumber } from './numbers.js';

/** The label naming each kind of chart. */
const KIND_LABEL: Record<ChartType, string> = {
  line: 'alt_line_chart',
  bar: 'alt_bar_chart',
  'stacked-bar': 'alt_stacked_bar_chart',
  'horizontal-bar': 'alt_horizontal_bar_chart',
  'stacked-horizontal-bar': 'alt_stacked_horizontal_bar_chart',
  pie: 'alt_pie_chart',
  doughnut: 'alt_doughnut_chart',
  pyramid: 'alt_pyramid_chart',
};

/** At most this many categories are read out one by one; past it, only the largest. */
const LIST_MAX = 12;
/** How many of the largest groups a pyramid's alt text names per side. */
const PYRAMID_LARGEST = 3;

interface Point { readonly v: number; readonly at: string }

const pointsOf = (spec: ChartSpec, s: ChartSeries): Point[] => s.values.flatMap((v, i) => (v === null ? [] : [{ v, at: spec.labels[i] ?? '' }]));
const largest = (points: readonly Point[], n: number): Point[] => [...points].sort((a, b) => b.v - a.v).slice(0, n);

/** A sentence-by-sentence description of a chart, in the plan's language form. */
export function chartAlt(spec: ChartSpec, l: Labels): string {
  const parts = [`${label(l, KIND_LABEL[spec.type])}: ${spec.title}.`];
  if (spec.type === 'pie' || spec.type === 'doughnut') parts.push(...sliceParts(spec));
  else if (spec.type === 'pyramid') parts.push(...pyramidParts(spec, l));
  else {
    // The category axis (x in the file) stands upright when the bars lie down.
    const horizontal = spec.type === 'horizontal-bar' || spec.type === 'stacked-horizontal-bar';
    if (spec.xLabel) parts.push(`${label(l, horizontal ? 'alt_y_axis' : 'alt_x_axis')}: ${spec.xLabel}.`);
    if (spec.yLabel) parts.push(`${label(l, horizontal ? 'alt_x_axis' : 'alt_y_axis')}: ${spec.yLabel}.`);
    for (const s of spec.series) {
      const points = pointsOf(spec, s);
      if (points.length === 0) continue;
      parts.push(horizontal ? categoryPart(s.name, points, l) : trendPart(s.name, points, l));
    }
  }
  if (spec.illustrative) parts.push(`${label(l, 'illustrative')}.`);
  return parts.join(' ');
}

/** Along a line or vertical bars: first and last value, and the peak. */
function trendPart(name: string, points: readonly Point[], l: Labels): string {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const peak = points.reduce((a, b) => (b.v > a.v ? b : a));
  return `${name}: ${label(l, 'alt_from')} ${formatNumber(first.v)} (${first.at}) ${label(l, 'alt_to')} ${formatNumber(last.v)} (${last.at}), ${label(l, 'alt_peak')} ${formatNumber(peak.v)} (${peak.at}).`;
}

/** Categories side by side: each with its value, or only the largest when there are many. */
function categoryPart(name: string, points: readonly Point[], l: Labels): string {
  const shown = points.length <= LIST_MAX ? points : largest(points, LIST_MAX);
  const lead = points.length <= LIST_MAX ? name : `${name}, ${label(l, 'alt_largest')}`;
  return `${lead}: ${shown.map((p) => `${p.at} ${formatNumber(p.v)}`).join(', ')}.`;
}

/** Slices from the largest share down, each with its share and value. */
function sliceParts(spec: ChartSpec): string[] {
  const s = spec.series[0];
  if (!s) return [];
  const points = pointsOf(spec, s);
  const whole = points.reduce((a, p) => a + p.v, 0);
  return [`${largest(points, points.length).map((p) => `${p.at} ${formatPercent(p.v, whole)} (${formatNumber(p.v)})`).join(', ')}.`];
}

/** The age groups' range, then per side its total and largest groups. */
function pyramidParts(spec: ChartSpec, l: Labels): string[] {
  const parts: string[] = [];
  const first = spec.labels[0];
  const last = spec.labels[spec.labels.length - 1];
  if (first !== undefined && last !== undefined) parts.push(`${label(l, 'alt_age_groups')} ${label(l, 'alt_from')} ${first} ${label(l, 'alt_to')} ${last}.`);
  spec.series.forEach((s, side) => {
    const points = pointsOf(spec, s);
    if (points.length === 0) return;
    const sum = points.reduce((a, p) => a + p.v, 0);
    const top = largest(points, PYRAMID_LARGEST).map((p) => `${p.at} (${formatNumber(p.v)})`).join(', ');
    parts.push(`${s.name} ${label(l, side === 0 ? 'alt_left' : 'alt_right')}, ${formatNumber(sum)} ${label(l, 'alt_total')}; ${label(l, 'alt_largest')}: ${top}.`);
  });
  return parts;
}

/** The staircase described as its list of trinn, from the lowest. */
export function trappAlt(trapp: Trapp, l: Labels): string {
  const kategori = new Map(trapp.kategoriar.map((k) => [k.id, k]));
  return `${label(l, 'alt_trapp')}: ${trapp.trinn.map((t) => `${label(l, 'trapp_trinn')} ${t.nummer}: ${t.name} (${label(l, 'trapp_kategori')} ${kategori.get(t.kategori)?.nummer ?? ''})`).join('; ')}.`;
}
