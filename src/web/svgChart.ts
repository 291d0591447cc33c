// A chart spec → inline SVG for the web edition, drawn from the same data as the PDF's chart, with
// real text (title, axes, ticks, legend, values) in the page's own font, so it zooms, is found by the
// browser's search and can be copied. Same colours as the PDF (charts/chartConfig.ts PALETTE).
// The SVG is one image for assistive technology (role img, its description from layout/altText.ts);
// the numbers themselves are in the table beside it. Pure: same spec, same bytes.
import { PALETTE, showsValueLabels } from '../charts/chartConfig.js';
import { DARK_TEXT, textColourOn } from '../charts/contrast.js';
import { formatNumber, formatPercent } from '../core/numberFormat.js';
import type { ChartSpec } from '../model/types.js';
import { esc } from './html.js';

const W = 680;
const H = 360;
const colourOf = (i: number): string => PALETTE[i % PALETTE.length]!;
/** Two decimals at most: stable, short coordinates. */
const n = (v: number): string => String(Math.round(v * 100) / 100);
const text = (x: number, y: number, s: string, attrs = ''): string => `<text x="${n(x)}" y="${n(y)}"${attrs ? ` ${attrs}` : ''}>${esc(s)}</text>`;

/** Round axis steps: 1, 2 or 5 times a power of ten, about five of them. */
function ticks(min: number, max: number): number[] {
  if (max === min) max = min + 1;
  const raw = (max - min) / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  if (out[out.length - 1]! < max) out.push(out[out.length - 1]! + step);
  return out;
}

const isHorizontal = (s: ChartSpec): boolean => s.type === 'horizontal-bar' || s.type === 'stacked-horizontal-bar' || s.type === 'pyramid';

/** The legend: one swatch and name per series (or slice), wrapped into rows. */
function legend(names: readonly string[], y: number, dashed: readonly boolean[] = []): { svg: string; height: number } {
  let x = 16;
  let row = 0;
  const parts: string[] = [];
  names.forEach((name, i) => {
    const width = 36 + name.length * 7.2;
    if (x + width > W - 16 && x > 16) {
      x = 16;
      row++;
    }
    const yy = y + row * 20;
    parts.push(dashed[i]
      ? `<line x1="${x}" y1="${yy - 4}" x2="${x + 16}" y2="${yy - 4}" stroke="${colourOf(i)}" stroke-width="3" stroke-dasharray="5 3"/>`
      : `<rect x="${x}" y="${yy - 10}" width="14" height="12" fill="${colourOf(i)}"/>`);
    parts.push(text(x + 20, yy, name, 'class="legend"'));
    x += width;
  });
  return { svg: parts.join(''), height: (row + 1) * 20 };
}

/** The chart as an SVG element; `labelId` names the element holding its text alternative. */
export function chartSvg(spec: ChartSpec, note: string | undefined, descId: string, titleId: string): string {
  // The title is the SVG's accessible name only: the figure caption prints it, once (as in the PDF).
  const head: string[] = [];
  let top = 12;
  if (note) {
    head.push(text(W / 2, 20, note, 'class="note" text-anchor="middle"'));
    top = 30;
  }
  const body = spec.type === 'pie' || spec.type === 'doughnut' ? pie(spec, top) : isHorizontal(spec) ? horizontal(spec, top) : vertical(spec, top);
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${titleId}" aria-describedby="${descId}" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="${titleId}">${esc(spec.title)}</title>${head.join('')}${body}</svg>`;
}

/** The series legend, as in the PDF: none for a single series (the caption names it). */
const seriesLegend = (spec: ChartSpec, y: number): { svg: string; height: number } =>
  spec.series.length > 1 ? legend(spec.series.map((s) => s.name), y, spec.series.map((s) => s.dashed && spec.type === 'line')) : { svg: '', height: 0 };

/** A value written on its bar: past its end on the white ground, or inside a stacked segment when it fits. */
function valueText(cx: number, cy: number, value: string, anchor: 'middle' | 'start' | 'end', ground?: string): string {
  const fill = ground ? ` fill="${textColourOn(ground)}"` : '';
  return text(cx, cy, value, `text-anchor="${anchor}" class="value"${fill}`);
}

/** Room for a value past the longest bar. */
const LABEL_ROOM = 1.1;

/** Line, bar and stacked bar charts: categories along, values up. */
function vertical(spec: ChartSpec, top0: number): string {
  const lg = seriesLegend(spec, top0 + 14);
  const labelled = spec.type !== 'line' && showsValueLabels(spec);
  const top = top0 + lg.height + 10;
  const left = 70;
  const right = W - 16;
  const bottom = H - (spec.xLabel ? 48 : 30);
  const k = spec.labels.length;
  const stackTotals = spec.labels.map((_, i) => spec.series.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0));
  const all = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(0, ...(spec.stacked ? stackTotals : all)) * (labelled && !spec.stacked ? LABEL_ROOM : 1);
  const min = Math.min(0, ...all);
  const t = ticks(min, max);
  const lo = t[0]!;
  const hi = t[t.length - 1]!;
  const y = (v: number): number => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const band = (right - left) / Math.max(1, k);
  const parts: string[] = [];
  for (const v of t) {
    parts.push(`<line x1="${left}" y1="${n(y(v))}" x2="${right}" y2="${n(y(v))}" class="grid"/>`);
    parts.push(text(left - 6, y(v) + 4, formatNumber(v), 'text-anchor="end" class="tick"'));
  }
  const every = Math.max(1, Math.ceil(k / 14));
  spec.labels.forEach((l, i) => {
    if (i % every === 0) parts.push(text(left + band * (i + 0.5), bottom + 16, l, 'text-anchor="middle" class="tick"'));
  });
  if (spec.xLabel) parts.push(text((left + right) / 2, H - 12, spec.xLabel, 'text-anchor="middle" class="axis"'));
  if (spec.yLabel) parts.push(text(14, (top + bottom) / 2, spec.yLabel, `text-anchor="middle" class="axis" transform="rotate(-90 14 ${n((top + bottom) / 2)})"`));
  if (spec.type === 'line') {
    spec.series.forEach((s, si) => {
      const pts = s.values.flatMap((v, i) => (v === null ? [] : [`${n(left + band * (i + 0.5))},${n(y(v))}`]));
      parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${colourOf(si)}" stroke-width="2.5"${s.dashed ? ' stroke-dasharray="7 5"' : ''}/>`);
      for (const p of pts) {
        const [cx, cy] = p.split(',');
        parts.push(`<circle cx="${cx}" cy="${cy}" r="3.5" fill="${colourOf(si)}"/>`);
      }
    });
  } else {
    const groups = spec.stacked ? 1 : spec.series.length;
    const bw = (band * 0.8) / groups;
    spec.labels.forEach((_, i) => {
      let base = 0;
      spec.series.forEach((s, si) => {
        const v = s.values[i];
        if (v === null || v === undefined) return;
        const x = left + band * i + band * 0.1 + (spec.stacked ? 0 : si * bw);
        const from = spec.stacked ? base : 0;
        const to = from + v;
        if (spec.stacked) base = to;
        parts.push(`<rect x="${n(x)}" y="${n(y(Math.max(from, to)))}" width="${n(bw)}" height="${n(Math.abs(y(from) - y(to)))}" fill="${colourOf(si)}"/>`);
        if (!labelled) return;
        const tall = Math.abs(y(from) - y(to));
        const value = formatNumber(v);
        if (!spec.stacked) parts.push(valueText(x + bw / 2, y(Math.max(from, to)) - 4, value, 'middle'));
        else if (tall >= 16 && bw >= value.length * 7) parts.push(valueText(x + bw / 2, y(Math.max(from, to)) + tall / 2 + 4, value, 'middle', colourOf(si)));
      });
    });
  }
  parts.push(`<line x1="${left}" y1="${n(y(0))}" x2="${right}" y2="${n(y(0))}" class="zero"/>`);
  return lg.svg + parts.join('');
}

/** Horizontal, stacked horizontal bars and the pyramid (its first series to the left). */
function horizontal(spec: ChartSpec, top0: number): string {
  const lg = seriesLegend(spec, top0 + 14);
  const labelled = showsValueLabels(spec);
  const top = top0 + lg.height + 8;
  const left = Math.min(220, 16 + Math.max(...spec.labels.map((l) => l.length)) * 6.5);
  const right = W - 20;
  const bottom = H - 26;
  const pyramid = spec.type === 'pyramid';
  const k = spec.labels.length;
  const band = (bottom - top) / Math.max(1, k);
  const sums = spec.labels.map((_, i) => spec.series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const all = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = (pyramid ? Math.max(...all, 1) : Math.max(0, ...(spec.stacked ? sums : all))) * (labelled && !spec.stacked ? LABEL_ROOM + 0.05 : 1);
  const t = pyramid ? ticks(0, max) : ticks(Math.min(0, ...all), max);
  const hi = t[t.length - 1]!;
  const lo = pyramid ? -hi : t[0]!;
  const x = (v: number): number => left + ((v - lo) / (hi - lo)) * (right - left);
  const parts: string[] = [];
  const tickValues = pyramid ? [...t.slice(1).reverse().map((v) => -v), ...t] : t;
  for (const v of tickValues) {
    parts.push(`<line x1="${n(x(v))}" y1="${n(top)}" x2="${n(x(v))}" y2="${n(bottom)}" class="grid"/>`);
    parts.push(text(x(v), bottom + 16, formatNumber(Math.abs(v)), 'text-anchor="middle" class="tick"'));
  }
  const every = Math.max(1, Math.ceil((k * 14) / (bottom - top)));
  spec.labels.forEach((l, i) => {
    const cy = top + band * (i + 0.5);
    if (i % every === 0) parts.push(text(left - 6, cy + 4, l, 'text-anchor="end" class="tick"'));
    let base = 0;
    const groups = spec.stacked || pyramid ? 1 : spec.series.length;
    const bh = (band * 0.8) / groups;
    spec.series.forEach((s, si) => {
      const raw = s.values[i];
      if (raw === null || raw === undefined) return;
      const v = pyramid && si === 0 ? -raw : raw;
      const from = spec.stacked ? base : 0;
      const to = from + v;
      if (spec.stacked) base = to;
      const yy = top + band * i + band * 0.1 + (groups > 1 ? si * bh : 0);
      parts.push(`<rect x="${n(x(Math.min(from, to)))}" y="${n(yy)}" width="${n(Math.abs(x(to) - x(from)))}" height="${n(bh)}" fill="${colourOf(si)}"/>`);
      if (!labelled || bh < 10) return;
      const wide = Math.abs(x(to) - x(from));
      const value = formatNumber(raw);
      if (!spec.stacked) parts.push(valueText(to < 0 ? x(to) - 4 : x(to) + 4, yy + bh / 2 + 4, value, to < 0 ? 'end' : 'start'));
      else if (wide >= value.length * 7 + 6) parts.push(valueText(x(Math.min(from, to)) + wide / 2, yy + bh / 2 + 4, value, 'middle', colourOf(si)));
    });
  });
  parts.push(`<line x1="${n(x(0))}" y1="${n(top)}" x2="${n(x(0))}" y2="${n(bottom)}" class="zero"/>`);
  return lg.svg + parts.join('');
}

/** Pie and doughnut: one series, the labels are the slices; the legend holds each value and share. */
function pie(spec: ChartSpec, top: number): string {
  const s = spec.series[0];
  if (!s) return '';
  const values = s.values.map((v) => Math.max(0, v ?? 0));
  const whole = values.reduce((a, v) => a + v, 0) || 1;
  const cx = 200;
  const cy = (top + H) / 2;
  const r = Math.min(150, (H - top) / 2 - 10);
  const inner = spec.type === 'doughnut' ? r * 0.55 : 0;
  const parts: string[] = [];
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    const a = (v / whole) * 2 * Math.PI;
    if (a <= 0) return;
    const end = angle + a;
    const large = a > Math.PI ? 1 : 0;
    const p = (rad: number, ang: number): string => `${n(cx + rad * Math.cos(ang))} ${n(cy + rad * Math.sin(ang))}`;
    const d = a >= 2 * Math.PI - 1e-9
      ? `M ${p(r, 0)} A ${n(r)} ${n(r)} 0 1 1 ${p(r, Math.PI)} A ${n(r)} ${n(r)} 0 1 1 ${p(r, 0)} Z`
      : inner > 0
        ? `M ${p(r, angle)} A ${n(r)} ${n(r)} 0 ${large} 1 ${p(r, end)} L ${p(inner, end)} A ${n(inner)} ${n(inner)} 0 ${large} 0 ${p(inner, angle)} Z`
        : `M ${n(cx)} ${n(cy)} L ${p(r, angle)} A ${n(r)} ${n(r)} 0 ${large} 1 ${p(r, end)} Z`;
    parts.push(`<path d="${d}" fill="${colourOf(i)}" stroke="#ffffff" stroke-width="1.5"/>`);
    if (a > 0.35) {
      const mid = angle + a / 2;
      const lr = inner > 0 ? (r + inner) / 2 : r * 0.62;
      parts.push(text(cx + lr * Math.cos(mid), cy + lr * Math.sin(mid) + 4, formatPercent(v, whole), `text-anchor="middle" class="value" fill="${textColourOn(colourOf(i))}"`));
    }
    angle = end;
  });
  spec.labels.forEach((l, i) => {
    const yy = top + 24 + i * 22;
    parts.push(`<rect x="400" y="${n(yy - 11)}" width="14" height="14" fill="${colourOf(i)}"/>`);
    parts.push(text(420, yy, `${l}: ${formatNumber(values[i] ?? 0)} (${formatPercent(values[i] ?? 0, whole)})`, `class="legend" fill="${DARK_TEXT}"`));
  });
  return parts.join('');
}
