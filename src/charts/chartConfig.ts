// A chart spec → the chart.js configuration that draws it, per kind: line and vertical bars, stacked
// and horizontal bars, pie and doughnut (one series, the labels are the slices, a legend with each
// value and share), and the population pyramid (two series drawn to either side of a zero line, the
// first to the left; ticks and labels show the numbers as positive). Pure: same spec, same config.
import type { ChartConfiguration, Plugin } from 'chart.js';
import { FONT_FAMILY } from '../core/fonts.js';
import { formatNumber, formatPercent } from '../core/numberFormat.js';
import type { ChartSpec, ChartType } from '../model/types.js';
import { valueLabelPlugin } from './valueLabels.js';

/** Colours chosen to differ in lightness too, so series stay apart in greyscale print. */
export const PALETTE = ['#1b5e87', '#d9822b', '#2e8540', '#7b3f98', '#c8102e', '#5c6f7b', '#e0b000', '#00838f'] as const;

/** At most this many bars (segments, for stacked bars) get their value written on them by default. */
export const VALUE_LABEL_MAX_BARS = 12;

/** Text the chart itself shows that comes from labels, not data (e.g. the illustrative mark). */
export interface ChartTexts {
  readonly note?: string;
}

const isPie = (t: ChartType): boolean => t === 'pie' || t === 'doughnut';
const isHorizontal = (t: ChartType): boolean => t === 'horizontal-bar' || t === 'stacked-horizontal-bar' || t === 'pyramid';

/** Whether the chart writes its values: as the file says, else on for slices and for few bars. */
export function showsValueLabels(spec: ChartSpec): boolean {
  if (spec.valueLabels !== undefined) return spec.valueLabels;
  if (spec.type === 'line') return false;
  if (isPie(spec.type)) return true;
  return spec.labels.length * spec.series.length <= VALUE_LABEL_MAX_BARS;
}

const colourOf = (i: number): string => PALETTE[i % PALETTE.length]!;
const font = (size: number): { family: string; size: number } => ({ family: FONT_FAMILY, size });
const tickNumber = (v: number | string): string => formatNumber(Math.abs(Number(v)));
const total = (values: readonly (number | null)[]): number => values.reduce<number>((a, v) => a + (v ?? 0), 0);

/** The chart.js configuration for `spec`. */
export function chartConfig(spec: ChartSpec, texts: ChartTexts): ChartConfiguration {
  if (spec.type === 'line' || (spec.type === 'bar' && !showsValueLabels(spec))) return lineOrBar(spec, texts);
  if (isPie(spec.type)) return pie(spec, texts);
  return bars(spec, texts);
}

/**
 * The common options and the chart's note. The title is not drawn in the chart: the figure's caption
 * under it says it (printing both repeats the same words), and the alt text carries it.
 */
function frame(spec: ChartSpec, texts: ChartTexts, legend: object) {
  return {
    locale: 'nb-NO',
    animation: false as const,
    responsive: false,
    devicePixelRatio: 1,
    font: font(13),
    color: '#222222',
    layout: { padding: 8 },
    plugins: {
      legend,
      title: { display: false, text: spec.title, font: { family: FONT_FAMILY, size: 15, weight: 'bold' as const }, color: '#1a1a1a' },
      subtitle: { display: !!texts.note, text: texts.note ?? '', font: { family: FONT_FAMILY, size: 12, style: 'italic' as const }, color: '#8a1c1c' },
    },
  };
}

/** Line and plain bar charts without value labels, drawn exactly as before the other kinds came. */
function lineOrBar(spec: ChartSpec, texts: ChartTexts): ChartConfiguration {
  return {
    type: spec.type as 'line' | 'bar',
    data: {
      labels: [...spec.labels],
      datasets: spec.series.map((s, i) => {
        const colour = colourOf(i);
        return {
          label: s.name,
          data: [...s.values],
          borderColor: colour,
          backgroundColor: spec.type === 'bar' ? colour : `${colour}33`,
          borderWidth: spec.type === 'line' ? 2.5 : 0,
          borderDash: s.dashed ? [7, 5] : [],
          pointRadius: spec.type === 'line' ? 3.5 : 0,
          pointBackgroundColor: colour,
          spanGaps: true,
        };
      }),
    },
    options: {
      locale: 'nb-NO',
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      font: { family: FONT_FAMILY, size: 13 },
      color: '#222222',
      layout: { padding: 8 },
      scales: {
        x: { stacked: spec.stacked, title: { display: !!spec.xLabel, text: spec.xLabel ?? '', font: { family: FONT_FAMILY, size: 13 } }, grid: { display: false }, ticks: { font: { family: FONT_FAMILY, size: 12 } } },
        y: {
          stacked: spec.stacked,
          beginAtZero: true,
          title: { display: !!spec.yLabel, text: spec.yLabel ?? '', font: { family: FONT_FAMILY, size: 13 } },
          ticks: { font: { family: FONT_FAMILY, size: 12 } },
          grid: { color: '#dddddd' },
        },
      },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom', labels: { font: { family: FONT_FAMILY, size: 12 }, boxWidth: 28 } },
        title: { display: false, text: spec.title, font: { family: FONT_FAMILY, size: 15, weight: 'bold' }, color: '#1a1a1a' },
        subtitle: { display: !!texts.note, text: texts.note ?? '', font: { family: FONT_FAMILY, size: 12, style: 'italic' }, color: '#8a1c1c' },
      },
    },
    ...(spec.type === 'line' && showsValueLabels(spec) ? { plugins: [labels(spec, false, (v) => formatNumber(v))] } : {}),
  };
}

function labels(spec: ChartSpec, inside: boolean, text: (v: number, d: number, i: number) => string | undefined): Plugin {
  return valueLabelPlugin({
    text,
    inside,
    ground: (d, i) => (isPie(spec.type) ? colourOf(i) : colourOf(d)),
    font: `11px "${FONT_FAMILY}"`,
  });
}

/** Bars: vertical or horizontal, stacked or side by side, and the pyramid. */
function bars(spec: ChartSpec, texts: ChartTexts): ChartConfiguration<'bar'> {
  const horizontal = isHorizontal(spec.type);
  const pyramid = spec.type === 'pyramid';
  const stacked = spec.stacked || pyramid;
  const values = spec.series.map((s, d) => s.values.map((v) => (v === null ? null : pyramid && d === 0 ? -Math.abs(v) : v)));
  // Room past the longest bar for its label; the pyramid's axis is symmetric about zero.
  const most = Math.max(0, ...spec.series.flatMap((s) => s.values.map((v) => Math.abs(v ?? 0))));
  const withLabels = showsValueLabels(spec);
  const ends = pyramid ? symmetric(most * (withLabels ? 1.15 : 1.02)) : undefined;
  const valueAxis = {
    stacked,
    beginAtZero: true,
    ...(ends ? { min: ends.min, max: ends.max } : withLabels && !stacked ? { grace: '12%' } : {}),
    title: { display: !!spec.yLabel, text: spec.yLabel ?? '', font: font(13) },
    ticks: { font: font(12), callback: tickNumber, ...(ends ? { stepSize: ends.step } : {}) },
    grid: { color: '#dddddd' },
  };
  const categoryAxis = {
    stacked,
    ...(pyramid ? { reverse: true } : {}),
    title: { display: !!spec.xLabel, text: spec.xLabel ?? '', font: font(13) },
    grid: { display: false },
    ticks: { font: font(12) },
  };
  return {
    type: 'bar',
    data: {
      labels: [...spec.labels],
      datasets: spec.series.map((s, d) => ({
        label: s.name,
        data: values[d]!,
        backgroundColor: colourOf(d),
        borderColor: colourOf(d),
        borderWidth: 0,
        ...(pyramid ? { barPercentage: 1, categoryPercentage: 0.9 } : {}),
      })),
    },
    options: {
      ...frame(spec, texts, { display: spec.series.length > 1, position: 'bottom', labels: { font: font(12), boxWidth: 28 } }),
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
    ...(withLabels ? { plugins: [labels(spec, stacked && !pyramid, (v) => (v === 0 ? undefined : formatNumber(Math.abs(v))))] } : {}),
  };
}

/** Round ends for the pyramid's axis, each with the ticks per side that give round steps. */
const ROUND_ENDS: readonly (readonly [number, number])[] = [[1, 4], [1.2, 4], [1.5, 3], [2, 4], [2.5, 5], [3, 3], [4, 4], [5, 5], [6, 3], [8, 4], [10, 5]];

/** A value axis from −m to m, m the first round number at or past `most`, ticks at round steps. */
export function symmetric(most: number): { min: number; max: number; step: number } {
  const power = most > 0 ? 10 ** Math.floor(Math.log10(most)) : 1;
  const [f, n] = ROUND_ENDS.find(([e]) => e * power >= most) ?? [10, 5];
  const m = f * power;
  return { min: -m, max: m, step: m / n };
}

/** Pie and doughnut: one series, one slice per label, a legend with each value and its share. */
function pie(spec: ChartSpec, texts: ChartTexts): ChartConfiguration<'pie' | 'doughnut'> {
  const series = spec.series[0];
  const values = series ? series.values : [];
  const whole = total(values);
  const colours = spec.labels.map((_l, i) => colourOf(i));
  const legendText = (i: number): string => {
    const v = values[i] ?? 0;
    return `${spec.labels[i]}: ${formatNumber(v)} (${formatPercent(v, whole)})`;
  };
  return {
    type: spec.type as 'pie' | 'doughnut',
    data: {
      labels: [...spec.labels],
      datasets: [{ label: series?.name ?? '', data: values.map((v) => v ?? 0), backgroundColor: colours, borderColor: '#ffffff', borderWidth: 1.5 }],
    },
    options: {
      ...frame(spec, texts, {
        display: true,
        position: 'right',
        labels: {
          font: font(12),
          boxWidth: 16,
          generateLabels: () => spec.labels.map((_l, i) => ({ text: legendText(i), fillStyle: colours[i], strokeStyle: colours[i], lineWidth: 0, hidden: false, index: i, fontColor: '#222222' })),
        },
      }),
      ...(spec.type === 'doughnut' ? { cutout: '50%' } : {}),
    },
    ...(showsValueLabels(spec) ? { plugins: [labels(spec, true, (v) => (v > 0 ? formatPercent(v, whole) : undefined))] } : {}),
  };
}
