// The målskjema as real tables, shaped by the plan's configuration (model/malskjemaShape.ts): the
// hovudmål first, then one table per title entry (or one table), its header rows repeated on every
// page; each row (with its status) is one outer row holding a nested table of its lines and columns,
// so a row is never split over two pages (pdfmake's dontBreakRows); one too tall for a page is split
// into parts, each repeating the row with a continuation mark, and each further part starts a page of
// its own (the table goes on in a new table with the same header rows), so the mark only ever stands
// where the row goes on over a page break. A row's nested table is at least as tall as the row's own
// text, so its column lines run the full height of the row. The adopted plan leaves out rows whose
// status the vocabulary marks so. Amount columns end in a sum row per year and a total row.
import type { MalskjemaColumn, MalskjemaConfig, MalskjemaEntry, MalskjemaLevel, MalskjemaStatus } from '../model/malskjemaTypes.js';
import { allEntries, shapeOf } from '../model/malskjemaShape.js';
import type { Inline, Malskjema } from '../model/types.js';
import type { LayoutContext } from './context.js';
import { inlineText } from './inlines.js';
import { label, type Labels } from './labels.js';
import { formatNumber } from './numbers.js';
import { COLOURS, LANDSCAPE_TEXT_WIDTH, PAGE_MARGIN } from './styles.js';
import { tag, tagTable } from './tags.js';
import { KEEP_WHOLE_TABLE_ROWS } from './nodes.js';

/** The short side of A4 in points: the height of a landscape page. */
const A4_WIDTH = 595.28;

// Which rows a variant shows is decided in the model (the checks and the fact references read it too).
export { tablesOf, visibleRows } from '../model/malskjemaRows.js';
import { tablesOf, visibleRows } from '../model/malskjemaRows.js';

/** A level's word: the configuration's, else the label file's. */
export function levelLabel(l: Labels, level: MalskjemaLevel): string {
  return level.label ?? label(l, `malskjema_level_${level.id}`);
}

/**
 * A level's word inside a sentence («Bidreg til delmål 2.1»): its first letter in lower case, unless
 * the word begins with an abbreviation («KDP-mål»), which keeps its capitals.
 */
export function levelInSentence(l: Labels, level: MalskjemaLevel): string {
  const word = levelLabel(l, level);
  const [first, second] = [...word];
  if (first === undefined || (second !== undefined && second !== second.toLocaleLowerCase('nb'))) return word;
  return first.toLocaleLowerCase('nb') + word.slice(first.length);
}

/**
 * What an entry of a row or line prints before its text in its cell: its number («1.2.1») and a
 * no-break space, so the number never stands alone at the end of a line; nothing without a number.
 * The title and hovudmål lines print theirs after the level's word («KDP-mål 1.1: …»).
 */
export function numberPrefix(e: MalskjemaEntry): string {
  return e.nummer !== undefined ? `${e.nummer}\u00a0` : '';
}

const PAD = 3;
const LINE = 0.5;
const FONT_SIZE = 8;
/** Room the table's header rows (title and column heads) take at the top of each page, roughly. */
const HEADER_ROOM = 40;
/** Estimated heights may be short of the drawn ones by this much: a part is kept below this share of a page. */
const ESTIMATE_MARGIN = 0.85;
/** The body height of a landscape page. */
const LANDSCAPE_BODY_HEIGHT = A4_WIDTH - PAGE_MARGIN.top - PAGE_MARGIN.bottom;
/** Estimated heights run short of the drawn ones; a keep decision takes them this much taller. */
const KEEP_ESTIMATE_SAFETY = 1.15;
/** Height a row may take before it is split into parts: what a landscape page holds under the header rows. */
const MAX_GROUP_HEIGHT = ESTIMATE_MARGIN * (A4_WIDTH - PAGE_MARGIN.top - PAGE_MARGIN.bottom - HEADER_ROOM);
const ROW_WIDTH = 128;
const STATUS_WIDTH = 62;
const TEXT_WIDTH = 78;
const YEAR_WIDTH = 38;
/** Roboto's digits (regular and bold) are 1150/2048 em wide, its no-break space 507/2048 em. */
const DIGIT_WIDTH = (FONT_SIZE * 1150) / 2048;
const SPACE_WIDTH = (FONT_SIZE * 507) / 2048;

/**
 * A year column of `column`: wide enough for its widest amount and its year's sum in the house format
 * (kommunar write millions: «1 200 000» does not fit the width a mark or a six-digit amount needs).
 */
function yearWidth(m: Malskjema, column: MalskjemaColumn): number {
  if (column.kind !== 'amount' && column.kind !== 'mark-or-amount') return YEAR_WIDTH;
  const cells = allEntries(m.entries).flatMap((e) => e.cells).filter((c) => c.column === column.id && c.amount !== undefined);
  const sums = new Map<string, number>();
  for (const c of cells) sums.set(c.year ?? '', (sums.get(c.year ?? '') ?? 0) + c.amount!);
  const widest = Math.max(0, ...[...cells.map((c) => c.amount!), ...(column.kind === 'amount' ? sums.values() : [])].map((n) => {
    const text = formatNumber(n);
    const digits = text.replace(/[^0-9−-]/g, '').length;
    return digits * DIGIT_WIDTH + (text.length - digits) * SPACE_WIDTH;
  }));
  return Math.max(YEAR_WIDTH, Math.ceil(widest + 2 * PAD + 2));
}

/** The inner (nested) columns of a row, left to right. */
type InnerColumn =
  | { readonly role: 'group' | 'line' }
  | { readonly role: 'text'; readonly column: MalskjemaColumn }
  | { readonly role: 'year'; readonly column: MalskjemaColumn; readonly year: number };

interface Geometry {
  /** Outer column widths: row, status?, inner columns… */
  readonly widths: number[];
  /** Inner (nested) column widths. */
  readonly inner: number[];
  /** The first outer column the nested table spans. */
  readonly innerStart: number;
  readonly columns: readonly InnerColumn[];
}

function innerColumns(m: Malskjema): InnerColumn[] {
  const { line } = shapeOf(m.config);
  const perYear = m.config.columns.filter((c) => c.kind !== 'text');
  return [
    ...(line?.group !== undefined ? [{ role: 'group' as const }] : []),
    ...(line ? [{ role: 'line' as const }] : []),
    ...m.config.columns.filter((c) => c.kind === 'text').map((column) => ({ role: 'text' as const, column })),
    ...perYear.flatMap((column) => m.years.map((year) => ({ role: 'year' as const, column, year }))),
  ];
}

/** Fixed widths so the nested tables line up exactly with the header columns. */
function geometry(m: Malskjema): Geometry {
  const columns = innerColumns(m);
  const innerStart = m.config.status.length > 0 ? 2 : 1;
  const n = innerStart + columns.length;
  // Outer: the row and status columns padded, the rest unpadded (the nested table pads them); n+1 lines.
  const available = LANDSCAPE_TEXT_WIDTH - innerStart * 2 * PAD - (n + 1) * LINE;
  const fixed = [ROW_WIDTH, ...(innerStart === 2 ? [STATUS_WIDTH] : []), ...columns.map((c) => (c.role === 'text' ? TEXT_WIDTH : c.role === 'year' ? yearWidth(m, c.column) : 0))];
  const flexibleAt = fixed.flatMap((w, i) => (i >= innerStart && w === 0 ? [i] : []));
  if (flexibleAt.length === 0) flexibleAt.push(0);
  const rest = available - fixed.reduce((a, b) => a + b, 0) + (flexibleAt[0] === 0 ? ROW_WIDTH : 0);
  const widths = fixed.map((w, i) => (flexibleAt.includes(i) ? rest / flexibleAt.length : w));
  // Inner columns lose their padding; the spanning cell also holds the outer interior lines.
  const inner = widths.slice(innerStart).map((w) => w - 2 * PAD);
  const k = n - innerStart;
  inner[0]! += ((k - 1) * LINE) / k;
  return { widths, inner, innerStart, columns };
}

/** A table's outer layout; under a title row (in the kommune's colour, as the header row below it) a white line parts the two. */
const outerLayout = (innerStart: number, titled: boolean): object => ({
  hLineWidth: (i: number) => (titled && i === 1 ? 2 * LINE : LINE),
  vLineWidth: () => LINE,
  hLineColor: (i: number) => (titled && i === 1 ? '#ffffff' : '#8899a6'),
  vLineColor: () => '#8899a6',
  paddingLeft: (i: number) => (i < innerStart ? PAD : 0),
  paddingRight: (i: number) => (i < innerStart ? PAD : 0),
  paddingTop: () => 0,
  paddingBottom: () => 0,
});

const innerLayout = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0 : LINE),
  vLineWidth: (i: number, node: { table: { widths: unknown[] } }) => (i === 0 || i === node.table.widths.length ? 0 : LINE),
  hLineColor: () => '#b8c4cc',
  vLineColor: () => '#8899a6',
  paddingLeft: () => PAD,
  paddingRight: () => PAD,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** One line of a row (also the web edition's, src/web/malskjema.ts): a group text (first entry of its group only) and one entry of the line level. */
export interface Line {
  readonly group?: readonly Inline[];
  readonly entry?: MalskjemaEntry;
}

export function linesOf(row: MalskjemaEntry, hasLineLevel: boolean): Line[] {
  if (!hasLineLevel) return [{ entry: row }];
  const lines: Line[] = [];
  for (const g of row.groups) {
    if (g.entries.length === 0 && g.tekst) lines.push({ group: g.tekst });
    g.entries.forEach((e, i) => lines.push({ ...(i === 0 && g.tekst ? { group: g.tekst } : {}), entry: e }));
  }
  return lines.length > 0 ? lines : [{}];
}

/** The row's own text is estimated this much taller, so the nested table rather runs a little long than short. */
const OWN_TEXT_SAFETY = 1.08;

/** A rough height estimate (Roboto averages about half an em per character). */
function estimateHeight(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (FONT_SIZE * 0.5)));
  const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
  return lines * FONT_SIZE * 1.25 + 4;
}

const plain = (c: readonly Inline[] | undefined): string => (c ?? []).map((r) => (r.kind === 'text' ? r.text : '')).join('');

const textOf = (e: MalskjemaEntry | undefined, column: MalskjemaColumn): string => {
  const cell = e?.cells.find((c) => c.column === column.id && c.year === undefined);
  return cell ? String(cell.raw) : '';
};

function lineHeight(line: Line, g: Geometry): number {
  return Math.max(...g.columns.flatMap((c, i) => {
    if (c.role === 'group') return [estimateHeight(plain(line.group), g.inner[i]!)];
    if (c.role === 'line') {
      const e = line.entry;
      return [estimateHeight(e ? numberPrefix(e) + plain(e.tekst) + (e.plan ? `\n${e.plan.title}` : '') : '', g.inner[i]!)];
    }
    return c.role === 'text' ? [estimateHeight(textOf(line.entry, c.column), g.inner[i]!)] : [];
  }));
}

/** A column's header: the configuration's, else the label file's word for its id, else the id. */
export function columnHeader(l: Labels, c: MalskjemaColumn): string {
  return c.header ?? l[`malskjema_column_${c.id}`] ?? c.id;
}

/** Text colour on a status fill: dark fills get white text. */
function textOn(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16)) as [number, number, number];
  return (r * 299 + g * 587 + b * 114) / 1000 >= 150 ? '#1a1a1a' : '#ffffff';
}

function statusCell(s: MalskjemaStatus | undefined): object {
  if (!s) return { text: '', margin: [0, 2, 0, 2] };
  if (s.colour === undefined) return { text: s.label, fontSize: 7.5, bold: true, margin: [0, 2, 0, 2] };
  return { text: `● ${s.label}`, fillColor: s.colour, color: textOn(s.colour), fontSize: 7.5, bold: true, margin: [0, 2, 0, 2] };
}

/** Sums per amount column and year over the lines shown. */
function sumsOf(lines: readonly MalskjemaEntry[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const c of lines.flatMap((e) => e.cells)) {
    if (c.year !== undefined && c.amount !== undefined) sums.set(`${c.column}/${c.year}`, (sums.get(`${c.column}/${c.year}`) ?? 0) + c.amount);
  }
  return sums;
}

/** The lines printed above a målskjema's tables: that its content is example data, and the unit of its amounts. */
export function malskjemaNotes(m: Malskjema, l: Labels): string[] {
  return [
    ...(m.illustrativeSpan ? [label(l, 'malskjema_illustrative')] : []),
    ...(allEntries(m.entries).some((e) => e.cells.some((c) => c.amount !== undefined)) ? [label(l, 'malskjema_amount_unit')] : []),
  ];
}

/** pdfmake nodes for one målskjema: its hovudmål, its notes and its tables. */
export function malskjemaNodes(m: Malskjema, ctx: LayoutContext): object[] {
  const l = ctx.labels;
  const shape = shapeOf(m.config);
  const g = geometry(m);
  const columns = g.widths.length;
  const out: object[] = [];
  const hovudmalLevel = m.config.levels.find((x) => x.id === 'hovudmal');
  if (m.hovudmal && hovudmalLevel) {
    const prefix = `${levelLabel(l, hovudmalLevel)}${m.hovudmal.nummer !== undefined ? ` ${m.hovudmal.nummer}` : ''}: `;
    // Kept with the first table, so a hovudmål never stands alone at the foot of a page.
    out.push(tag({ text: [{ text: prefix }, ...inlineText(m.hovudmal.tekst, ctx.seenFootnotes)], style: 'malHovudmal', keepWithNext: true }, { type: 'P' }));
  }
  const notes = malskjemaNotes(m, l);
  if (notes.length > 0) out.push(tag({ text: notes.join(' '), style: 'malNote', keepWithNext: true }, { type: 'P' }));
  const tables = tablesOf(m).map((t) => ({ ...t, rows: visibleRows(t.rows, m.config, ctx.variant) })).filter((t) => t.rows.length > 0);
  const shownLines = tables.flatMap((t) => t.rows.flatMap((r) => linesOf(r, shape.line !== undefined).flatMap((x) => (x.entry ? [x.entry] : []))));
  const hasAmounts = m.config.columns.some((c) => c.kind === 'amount');
  const perYearCount = m.config.columns.filter((c) => c.kind !== 'text').length;
  tables.forEach((t, ti) => {
    const body: object[][] = [];
    if (t.title && shape.title) {
      const nummer = t.title.nummer !== undefined ? ` ${t.title.nummer}` : '';
      body.push([
        {
          text: [{ text: `${levelLabel(l, shape.title)}${nummer}: ` }, ...inlineText(t.title.tekst, ctx.seenFootnotes)],
          style: 'malTitle', colSpan: columns, fillColor: ctx.accent, margin: [PAD, 3, PAD, 3],
        },
        ...Array.from({ length: columns - 1 }, () => ({})),
      ]);
    }
    const headers = [
      shape.row ? levelLabel(l, shape.row) : '',
      ...(g.innerStart === 2 ? [label(l, 'malskjema_status')] : []),
      ...g.columns.map((c) => {
        if (c.role === 'text') return columnHeader(l, c.column);
        if (c.role !== 'year') return c.role === 'group' ? shape.line!.group! : levelLabel(l, shape.line!);
        // A per-year column shows its header with each year when it has one (or shares the years with others).
        return c.column.header !== undefined || perYearCount > 1 ? `${columnHeader(l, c.column)} ${c.year}` : String(c.year);
      }),
    ];
    body.push(headers.map((text, i) => ({
      // The kommune's colour, as every table's header (styles.ts gives the text on it its contrast).
      text, style: 'malskjemaHeader', fillColor: ctx.accent,
      margin: i < g.innerStart ? [0, 2, 0, 2] : [PAD, 2, PAD, 2],
      ...(i >= g.innerStart && g.columns[i - g.innerStart]!.role === 'year' ? { alignment: 'center' } : {}),
    })));
    const headerRows = body.length;
    // A row split into parts: each further part starts a new page, in a table of its own with the same header rows.
    const segments: { rows: object[][]; heights: number[] }[] = [{ rows: [], heights: [] }];
    for (const row of t.rows) {
      rowParts(row, m, g, ctx).forEach((part, p) => {
        if (p > 0) segments.push({ rows: [], heights: [] });
        segments[segments.length - 1]!.rows.push(part.cells);
        segments[segments.length - 1]!.heights.push(part.height);
      });
    }
    if (hasAmounts && ti === tables.length - 1) segments[segments.length - 1]!.rows.push(...sumRows(sumsOf(shownLines), g, ctx));
    segments.forEach(({ rows, heights }, si) => {
      // Estimated heights, so a hovudmål kept with the table moves on with it when its first row does, and
      // a short table that fits on a page is kept whole (nodes.ts split rule).
      const first = HEADER_ROOM + (heights[0] ?? 0) * KEEP_ESTIMATE_SAFETY;
      const whole = HEADER_ROOM + heights.reduce((a, b) => a + b, 0) * KEEP_ESTIMATE_SAFETY;
      const keepWhole = heights.length <= KEEP_WHOLE_TABLE_ROWS && whole <= LANDSCAPE_BODY_HEIGHT;
      const head = si === 0 ? body : JSON.parse(JSON.stringify(body)) as object[][];
      // Read aloud row by row: row → status (as text) → lines with their columns.
      out.push(tagTable({
        table: { headerRows, dontBreakRows: true, keepWithHeaderRows: 1, widths: g.widths, body: [...head, ...rows] },
        layout: outerLayout(g.innerStart, headerRows === 2),
        style: 'malskjema',
        margin: [0, 0, 0, 12],
        ...(si > 0 ? { pageBreak: 'before' } : {}),
        firstPartHeight: keepWhole ? whole : first,
        ...(keepWhole ? { keepWhole: true, estimatedHeight: whole } : {}),
      }, { caption: t.title !== undefined }));
    });
  });
  if (tables.length === 0) out.push(tag({ text: label(l, 'malskjema_empty'), italics: true, style: 'p' }, { type: 'P' }));
  return out;
}

/** The sum row (per year of each amount column) and the total row (all years of each). */
function sumRows(sums: ReadonlyMap<string, number>, g: Geometry, ctx: LayoutContext): object[][] {
  const l = ctx.labels;
  const amount = (n: number | undefined): object => ({ text: n === undefined ? '' : formatNumber(n), alignment: 'right', noWrap: true, bold: true });
  const sumLine = g.columns.map((c) => (c.role === 'year' && c.column.kind === 'amount' ? amount(sums.get(`${c.column.id}/${c.year}`) ?? 0) : { text: '' }));
  const totalLine: object[] = [];
  g.columns.forEach((c, i) => {
    if (c.role !== 'year' || c.column.kind !== 'amount') totalLine.push({ text: '' });
    else if (g.columns[i - 1]?.role === 'year' && (g.columns[i - 1] as { column: MalskjemaColumn }).column === c.column) totalLine.push({});
    else {
      const span = g.columns.filter((x) => x.role === 'year' && x.column === c.column).length;
      const total = [...sums].filter(([k]) => k.startsWith(`${c.column.id}/`)).reduce((n, [, v]) => n + v, 0);
      totalLine.push({ ...amount(total), colSpan: span });
    }
  });
  const outer = (text: string, line: object[]): object[] => [
    { text, bold: true, margin: [0, 2, 0, 2] },
    ...(g.innerStart === 2 ? [{ text: '' }] : []),
    { table: { widths: g.inner, body: [line], dontBreakRows: true }, layout: innerLayout, colSpan: g.widths.length - g.innerStart },
    ...Array.from({ length: g.widths.length - g.innerStart - 1 }, () => ({})),
  ];
  return [outer(label(l, 'malskjema_sum'), sumLine), outer(label(l, 'malskjema_total'), totalLine)];
}

function cellNode(line: Line, c: InnerColumn, ctx: LayoutContext): object {
  const e = line.entry;
  if (c.role === 'line') {
    return {
      text: e
        ? [
            ...(e.nummer !== undefined ? [{ text: numberPrefix(e) }] : []),
            ...inlineText(e.tekst, ctx.seenFootnotes),
            ...(e.plan ? [{ text: `\n${label(ctx.labels, 'malskjema_plan_prefix')}: ${e.plan.title}`, italics: true, color: '#2f4f63' }] : []),
          ]
        : '',
    };
  }
  if (c.role === 'text') return { text: textOf(e, c.column) };
  if (c.role !== 'year') return { text: '' };
  const cell = e?.cells.find((x) => x.column === c.column.id && x.year === String(c.year));
  if (!cell) return { text: '' };
  if (cell.raw === 'x') return { text: 'X', alignment: 'center', bold: true };
  return { text: cell.amount === undefined ? '' : formatNumber(cell.amount), alignment: 'right', noWrap: true };
}

/** Outer rows for one row: usually one; parts of a too-tall row each repeat it. */
function rowParts(row: MalskjemaEntry, m: Malskjema, g: Geometry, ctx: LayoutContext): { cells: object[]; height: number }[] {
  const l = ctx.labels;
  const shape = shapeOf(m.config);
  const status = row.status ? m.config.status.find((s) => s.id === row.status!.value) : undefined;
  const parts: Line[][] = [[]];
  let height = 0;
  for (const line of linesOf(row, shape.line !== undefined)) {
    const h = lineHeight(line, g);
    if (height + h > MAX_GROUP_HEIGHT && parts[parts.length - 1]!.length > 0) {
      parts.push([]);
      height = 0;
    }
    parts[parts.length - 1]!.push(line);
    height += h;
  }
  return parts.map((lines, p) => {
    const inner = lines.map((line, i) => {
      // Further entries of the same group: no line across the group column, so it reads as one cell.
      const continues = i > 0 && line.group === undefined;
      const nextContinues = lines[i + 1] !== undefined && lines[i + 1]!.group === undefined;
      return g.columns.map((c) => (c.role === 'group'
        ? { text: line.group ? inlineText(line.group, ctx.seenFootnotes) : '', border: [false, !continues, false, !nextContinues] }
        : cellNode(line, c, ctx)));
    });
    const rowText = [...(row.nummer !== undefined ? [{ text: numberPrefix(row) }] : []), ...inlineText(row.tekst, p === 0 ? ctx.seenFootnotes : undefined), ...(p > 0 ? [{ text: ` ${label(l, 'malskjema_continued')}`, italics: true, color: COLOURS.muted }] : [])];
    // The nested table is made at least as tall as the row's own text and status, so its column lines
    // reach the row's foot: its last line gets what the estimate of those cells exceeds its lines by.
    const own = Math.max(
      estimateHeight(`${numberPrefix(row)}${plain(row.tekst)}${p > 0 ? ` ${label(l, 'malskjema_continued')}` : ''}`, g.widths[0]! - 2 * PAD),
      g.innerStart === 2 && status ? estimateHeight(`● ${status.label}`, g.widths[1]! - 2 * PAD) : 0,
    ) * OWN_TEXT_SAFETY;
    const heights = lines.map((line) => lineHeight(line, g));
    const lastMin = own - heights.slice(0, -1).reduce((a, b) => a + b, 0);
    const last = inner.length - 1;
    const cells = [
      { text: rowText, margin: [0, 2, 0, 2] },
      ...(g.innerStart === 2 ? [statusCell(status)] : []),
      { table: { widths: g.inner, body: inner, dontBreakRows: true, heights: (i: number) => (i === last && lastMin > heights[last]! ? lastMin : undefined) }, layout: innerLayout, colSpan: g.widths.length - g.innerStart },
      ...Array.from({ length: g.widths.length - g.innerStart - 1 }, () => ({})),
    ];
    return { cells, height: Math.max(own, heights.reduce((a, b) => a + b, 0)) };
  });
}
