// The målskjema as real tables, shaped by the plan's configuration (model/malskjemaShape.ts): the
// hovudmål first, then one table per title entry (or one table), its header rows on every page it
// runs over; each row (with its status) is one outer row holding a nested table of its lines and columns,
// so pdfmake never splits a row by itself (dontBreakRows). The engine lays each table out in parts,
// one per page (layout/nodes.ts PartedTable, emit/tableParts.ts): it chooses where a page's part
// ends — between rows, or between the lines of a row too tall to move on whole — and this module
// builds each part, a table with the same header rows (read as one table with the parts before it),
// whose row that goes on from the page before repeats the row's text, its status and the entry its
// first line goes on with, the texts with the continuation mark. A row's nested table is at least as tall as the row's own text, so its column
// lines run the full height of the row. The adopted plan leaves out rows whose status the vocabulary
// marks so. Amount columns end in a sum row per year and a total row.
import type { MalskjemaColumn, MalskjemaConfig, MalskjemaEntry, MalskjemaLevel, MalskjemaStatus } from '../model/malskjemaTypes.js';
import { allEntries, shapeOf } from '../model/malskjemaShape.js';
import type { Inline, Malskjema } from '../model/types.js';
import type { LayoutContext } from './context.js';
import { inlineText } from './inlines.js';
import { label, type Labels } from './labels.js';
import { formatNumber } from './numbers.js';
import { COLOURS, LANDSCAPE_TEXT_WIDTH } from './styles.js';
import { tag, tagTable } from './tags.js';
import type { LayoutNode, PdfTag, TableCut } from './nodes.js';

// Which rows a variant shows is decided in the model (the checks and the fact references read it too).
export { shownTables, tablesOf, visibleRows } from '../model/malskjemaRows.js';
import { shownTables } from '../model/malskjemaRows.js';

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
  return groupedLines(row, hasLineLevel).map((x) => x.line);
}

/** The lines of a row, each with the text of the group it belongs to (the group's text stands on its first line only). */
function groupedLines(row: MalskjemaEntry, hasLineLevel: boolean): { line: Line; groupText?: readonly Inline[] }[] {
  if (!hasLineLevel) return [{ line: { entry: row } }];
  const lines: { line: Line; groupText?: readonly Inline[] }[] = [];
  for (const g of row.groups) {
    const groupText = g.tekst ? { groupText: g.tekst } : {};
    if (g.entries.length === 0 && g.tekst) lines.push({ line: { group: g.tekst }, ...groupText });
    g.entries.forEach((e, i) => lines.push({ line: { ...(i === 0 && g.tekst ? { group: g.tekst } : {}), entry: e }, ...groupText }));
  }
  return lines.length > 0 ? lines : [{ line: {} }];
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

/** A line's estimated height; `groupMark` is the mark its group cell adds where it goes on from the page before. */
function lineHeight(line: Line, g: Geometry, groupMark = ''): number {
  return Math.max(...g.columns.flatMap((c, i) => {
    if (c.role === 'group') return [estimateHeight(plain(line.group) + groupMark, g.inner[i]!)];
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
  const tables = shownTables(m, ctx.variant);
  const shownLines = tables.flatMap((t) => t.rows.flatMap((r) => linesOf(r, shape.line !== undefined).flatMap((x) => (x.entry ? [x.entry] : []))));
  const hasAmounts = m.config.columns.some((c) => c.kind === 'amount');
  const perYearCount = m.config.columns.filter((c) => c.kind !== 'text').length;
  tables.forEach((t, ti) => {
    // The header rows of a part; a further part repeats the title without its footnotes (they are printed once).
    const head = (goesOn: boolean): object[][] => {
      const body: object[][] = [];
      if (t.title && shape.title) {
        const nummer = t.title.nummer !== undefined ? ` ${t.title.nummer}` : '';
        body.push([
          {
            text: [{ text: `${levelLabel(l, shape.title)}${nummer}: ` }, ...(goesOn ? inlineText(withoutFootnotes(t.title.tekst)) : clone(titleText!))],
            style: 'malTitle', colSpan: columns, fillColor: ctx.accent, margin: [PAD, 3, PAD, 3],
          },
          ...Array.from({ length: columns - 1 }, () => ({})),
        ]);
      }
      body.push(headers.map((text, i) => ({
        // The kommune's colour, as every table's header (styles.ts gives the text on it its contrast).
        text, style: 'malskjemaHeader', fillColor: ctx.accent,
        margin: i < g.innerStart ? [0, 2, 0, 2] : [PAD, 2, PAD, 2],
        ...(i >= g.innerStart && g.columns[i - g.innerStart]!.role === 'year' ? { alignment: 'center' } : {}),
      })));
      return body;
    };
    // The title's text once (its footnotes counted once); each part prints a copy.
    const titleText = t.title && shape.title ? inlineText(t.title.tekst, ctx.seenFootnotes) : undefined;
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
    const headerRows = t.title && shape.title ? 2 : 1;
    const rows: RowSource[] = t.rows.map((row) => rowSource(row, m, g, ctx));
    if (hasAmounts && ti === tables.length - 1) {
      const sums = sumsOf(shownLines);
      rows.push(...[0, 1].map((k) => ({ lines: 1, cells: () => sumRows(sums, g, ctx)[k]! })));
    }
    // Where each row's lines begin, counted over the table: a run of lines is read as the row numbered by its first line.
    const lineStarts = rows.reduce<number[]>((a, r) => [...a, a[a.length - 1]! + r.lines], [0]);
    // A part: the header rows and the body from `from` up to `to`, a table node of its own (pdfmake
    // rewrites a table's widths in place, so each gets its own copies).
    const part = (from: TableCut, to: TableCut): LayoutNode => {
      const goesOn = from.row > 0 || from.line > 0;
      const body = head(goesOn);
      const keys: number[] = [];
      for (let r = from.row; r < rows.length && (r < to.row || (r === to.row && to.line > 0)); r++) {
        const first = r === from.row ? from.line : 0;
        const last = r === to.row ? to.line : rows[r]!.lines;
        if (last <= first) continue;
        body.push(rows[r]!.cells(first, last));
        keys.push(headerRows + lineStarts[r]! + first);
      }
      // Read aloud row by row: row → status (as text) → lines with their columns.
      const node = tagTable({
        table: { headerRows, dontBreakRows: true, keepWithHeaderRows: 1, widths: [...g.widths], body },
        layout: outerLayout(g.innerStart, headerRows === 2),
        style: 'malskjema',
        margin: [0, 0, 0, 12],
      }, { caption: t.title !== undefined }) as LayoutNode;
      // The parts are read as one table (nodes.ts PartedTable): a further part's caption and header rows
      // repeat those read already, and its rows are numbered after the rows before them.
      body.forEach((row, i) => row.forEach((cell) => {
        const c = cell as { pdfTag?: PdfTag };
        if (!c.pdfTag) return;
        if (i < headerRows) {
          if (goesOn) c.pdfTag = { type: 'Artifact' };
        } else if (c.pdfTag.row !== undefined) c.pdfTag = { ...c.pdfTag, row: keys[i - headerRows]! };
      }));
      return node;
    };
    const whole = part({ row: 0, line: 0 }, { row: rows.length, line: 0 });
    out.push({ ...whole, parts: { lines: rows.map((r) => r.lines), part } });
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
    { table: { widths: [...g.inner], body: [line], dontBreakRows: true }, layout: innerLayout, colSpan: g.widths.length - g.innerStart },
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

/** The printed lines of one body row and its outer row for any run of them (layout/nodes.ts PartedTable). */
interface RowSource {
  readonly lines: number;
  /** A fresh outer row holding lines `from` up to `to`. */
  cells(from: number, to: number): object[];
}

/** A copy of inline nodes, so each part the engine asks for is a node of its own. */
const clone = (nodes: readonly object[]): object[] => structuredClone(nodes as object[]);

/** A row's content without its footnote references: a part that goes on repeats the text, not the notes. */
const withoutFootnotes = (content: readonly Inline[]): Inline[] => content.filter((r) => r.kind !== 'footnote');

/**
 * One row: its text, status and lines, laid out once (so footnotes are counted once), and the outer
 * row for any run of its lines. A run that begins after the first line goes on from the page before:
 * the row's text says so, and so does the group text of its first line when that line goes on with a
 * group begun above it.
 */
function rowSource(row: MalskjemaEntry, m: Malskjema, g: Geometry, ctx: LayoutContext): RowSource {
  const l = ctx.labels;
  const shape = shapeOf(m.config);
  const status = row.status ? m.config.status.find((s) => s.id === row.status!.value) : undefined;
  const mark = label(l, 'malskjema_continued');
  const markNode = (): object => ({ text: ` ${mark}`, italics: true, color: COLOURS.muted });
  const lines = groupedLines(row, shape.line !== undefined);
  const number = row.nummer !== undefined ? [{ text: numberPrefix(row) }] : [];
  const rowText = [...number, ...inlineText(row.tekst, ctx.seenFootnotes)];
  const continuedText = [...number, ...inlineText(withoutFootnotes(row.tekst))];
  // Every line's cells, laid out once; a part copies those it holds.
  const cells = lines.map(({ line }) => g.columns.map((c) => (c.role === 'group'
    ? { text: line.group ? inlineText(line.group, ctx.seenFootnotes) : '' }
    : cellNode(line, c, ctx))));
  const heights = lines.map(({ line }) => lineHeight(line, g));
  return {
    lines: lines.length,
    cells(from, to) {
      const goesOn = from > 0;
      // The first line goes on with a group begun above it: its group cell repeats the group's text, marked.
      const groupGoesOn = goesOn && lines[from]!.line.group === undefined && lines[from]!.groupText !== undefined;
      const inner = lines.slice(from, to).map(({ line }, i) => {
        // Further entries of the same group: no line across the group column, so it reads as one cell.
        const continues = i > 0 && line.group === undefined;
        const next = lines[from + i + 1];
        const nextContinues = from + i + 1 < to && next !== undefined && next.line.group === undefined;
        return g.columns.map((c, ci) => {
          const cell = structuredClone(cells[from + i]![ci]!) as Record<string, unknown>;
          if (c.role !== 'group') return cell;
          const text = i === 0 && groupGoesOn ? [...inlineText(withoutFootnotes(lines[from]!.groupText!)), markNode()] : cell.text;
          return { ...cell, text, border: [false, !continues, false, !nextContinues] };
        });
      });
      const partHeights = heights.slice(from, to);
      if (groupGoesOn) partHeights[0] = lineHeight(lines[from]!.line, g, `${plain(lines[from]!.groupText)} ${mark}`);
      // The nested table is made at least as tall as the row's own text and status, so its column lines
      // reach the row's foot: its last line gets what the estimate of those cells exceeds its lines by.
      const own = Math.max(
        estimateHeight(`${numberPrefix(row)}${plain(row.tekst)}${goesOn ? ` ${mark}` : ''}`, g.widths[0]! - 2 * PAD),
        g.innerStart === 2 && status ? estimateHeight(`● ${status.label}`, g.widths[1]! - 2 * PAD) : 0,
      ) * OWN_TEXT_SAFETY;
      const lastMin = own - partHeights.slice(0, -1).reduce((a, b) => a + b, 0);
      const last = inner.length - 1;
      return [
        { text: goesOn ? [...clone(continuedText), markNode()] : clone(rowText), margin: [0, 2, 0, 2] },
        ...(g.innerStart === 2 ? [statusCell(status)] : []),
        { table: { widths: [...g.inner], body: inner, dontBreakRows: true, heights: (i: number) => (i === last && lastMin > partHeights[last]! ? lastMin : undefined) }, layout: innerLayout, colSpan: g.widths.length - g.innerStart },
        ...Array.from({ length: g.widths.length - g.innerStart - 1 }, () => ({})),
      ];
    },
  };
}
