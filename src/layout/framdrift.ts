// Framdrift: the Gantt chart (activities × months, grouped in phases, milestones marked) and the
// milepælsplan table, both drawn from the same data so they cannot disagree.
import type { Framdrift, Milestone } from '../model/types.js';
import type { LayoutContext } from './context.js';
import { formatDate, label, type Labels } from './labels.js';
import { PORTRAIT_TEXT_WIDTH } from './styles.js';
import { tag } from './tags.js';
import { withUnbrokenRanges } from './inlines.js';

/** Every month from `from` to `to` (YYYY-MM), inclusive. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 600; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

const NAME_WIDTH = 150;
const MILESTONE_RED = '#b3261e';
const PERIOD_FILL = '#f0c3bd';

/** Side of the milestone diamond in points: as tall as a row's text, never wider than its month. */
const DIAMOND = 9;

/** A filled diamond, the milestone mark of a Gantt chart: decoration (the milepælsplan says the dates). */
function diamond(width: number): object {
  const s = Math.min(DIAMOND, width + 1);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M5 0 L10 5 L5 10 L0 5 Z" fill="${MILESTONE_RED}"/></svg>`;
  // The cell holds the mark: the cell is tagged as a table cell, the mark inside it as an artifact.
  return { stack: [tag({ svg, width: s, height: s, alignment: 'center', margin: [0, 0.5, 0, 0] }, { type: 'Artifact' })] };
}

/** One month cell of a milestone row: a diamond for a point; for a period a bar with dark end cells. */
function milestoneCell(ms: Milestone, month: string, width: number): object {
  const from = ms.from.slice(0, 7);
  const to = ms.to.slice(0, 7);
  if (ms.when === 'point') return month === from ? diamond(width) : { text: '' };
  if (month < from || month > to) return { text: '' };
  return { text: '', fillColor: month === from || month === to ? MILESTONE_RED : PERIOD_FILL };
}

/** The Gantt chart as a table: phase rows, activity rows with filled month cells, a milestone row. */
export function ganttNodes(f: Framdrift, ctx: LayoutContext): object[] {
  const l = ctx.labels;
  const months = monthsOf(f.from, f.to);
  const cellWidth = Math.max(6, (PORTRAIT_TEXT_WIDTH - NAME_WIDTH - 4 - months.length * 2.5) / months.length);
  const monthNames = l.months as unknown as readonly string[];
  const n = months.length + 1;
  const empty = (): object => ({});
  const yearRow: object[] = [{ text: '', border: [false, false, false, false] }];
  for (let i = 0; i < months.length; ) {
    const year = months[i]!.slice(0, 4);
    let span = 0;
    while (i + span < months.length && months[i + span]!.startsWith(year)) span++;
    yearRow.push({ text: year, colSpan: span, alignment: 'center', bold: true, fontSize: 8 }, ...Array.from({ length: span - 1 }, empty));
    i += span;
  }
  const monthRow = [
    { text: label(l, 'framdrift_activity'), bold: true, fontSize: 8 },
    ...months.map((m) => ({ text: (monthNames[Number(m.slice(5, 7)) - 1] ?? '').slice(0, 1).toUpperCase(), alignment: 'center', fontSize: 7 })),
  ];
  const body: object[][] = [yearRow, monthRow];
  for (const p of f.phases) {
    body.push([{ text: p.name, colSpan: n, bold: true, fontSize: 8.5, fillColor: '#e8eef2' }, ...Array.from({ length: n - 1 }, empty)]);
    for (const a of p.activities) {
      body.push([
        { text: withUnbrokenRanges(a.name), fontSize: 8 },
        ...months.map((m) => (m >= a.from && m <= a.to ? { text: '', fillColor: ctx.accent } : { text: '' })),
      ]);
    }
  }
  if (f.milestones.length > 0) {
    body.push([{ text: label(l, 'framdrift_milestones'), colSpan: n, bold: true, fontSize: 8.5, fillColor: '#e8eef2' }, ...Array.from({ length: n - 1 }, empty)]);
    for (const ms of f.milestones) body.push([{ text: ms.name, fontSize: 8 }, ...months.map((m) => milestoneCell(ms, m, cellWidth))]);
  }
  return [{
    table: { headerRows: 2, dontBreakRows: true, widths: [NAME_WIDTH, ...months.map(() => cellWidth)], body },
    layout: {
      hLineWidth: () => 0.4, vLineWidth: () => 0.4, hLineColor: () => '#b8c4cc', vLineColor: () => '#d5dde2',
      paddingLeft: (i: number) => (i === 0 ? 3 : 1), paddingRight: (i: number) => (i === 0 ? 3 : 1), paddingTop: () => 1.5, paddingBottom: () => 1.5,
    },
  }];
}

/** «oktober 2020» for a month, «5. oktober 2020» for a date. */
export function formatMonthOrDate(labels: Labels, d: string): string {
  if (d.length === 10) return formatDate(labels, d);
  const months = labels.months as unknown as readonly string[];
  return `${months[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

/** «august 2024 – mai 2025», «juni – august 2025», «22. mars – 3. mai 2024»: the year once when both ends share it. */
export function formatPeriod(labels: Labels, from: string, to: string): string {
  const dash = label(labels, 'framdrift_period_dash');
  const start = formatMonthOrDate(labels, from);
  const end = formatMonthOrDate(labels, to);
  const year = from.slice(0, 4);
  const shared = year === to.slice(0, 4) && from.length === to.length;
  return `${shared ? start.slice(0, -(year.length + 1)) : start}${dash}${end}`;
}

/** The milepælsplan: milestone → time (one month or day, or a period), in the order of the data. */
export function milestoneRows(f: Framdrift, ctx: LayoutContext): object[][] {
  return f.milestones.map((m) => [
    { text: m.name },
    { text: m.when === 'period' ? formatPeriod(ctx.labels, m.from, m.to) : formatMonthOrDate(ctx.labels, m.from), noWrap: true },
  ]);
}
