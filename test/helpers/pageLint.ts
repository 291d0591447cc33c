// A layout lint over real PDFs: reads each page with pdfjs — its text with the structure element
// each run belongs to (the PDFs are tagged, so a heading is an H1–H6, a table row a TR, a footnote
// a Note), the stroked lines of its decoration and its link annotations — and checks the page rules
// a kommune's communication adviser would check by eye (issue 11, point 4). Each rule is a function
// of the read pages; `lintPdf` runs them all. Page numbers in findings are 1-based.
import * as fs from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type RuleId =
  | 'heading-at-foot'
  | 'lead-in-at-foot'
  | 'sparse-page'
  | 'table-split'
  | 'continued-row'
  | 'cell-border'
  | 'figure-caption'
  | 'footnote-page'
  | 'url-break'
  | 'range-break';

export const RULES: readonly RuleId[] = ['heading-at-foot', 'lead-in-at-foot', 'sparse-page', 'table-split', 'continued-row', 'cell-border', 'figure-caption', 'footnote-page', 'url-break', 'range-break'];

export interface Finding {
  readonly rule: RuleId;
  readonly page: number;
  readonly message: string;
}

/** A structure element as it appears on one page (pdfjs gives each page its part of the tree). */
export interface Elem {
  readonly role: string;
  readonly parent: Elem | undefined;
  readonly children: Elem[];
}

/** One run of text as drawn: a pdfjs text item. */
export interface Run {
  readonly str: string;
  readonly x: number;
  /** Baseline, measured from the top of the page. */
  readonly y: number;
  readonly width: number;
  readonly size: number;
  readonly bold: boolean;
}

/** The runs of one structure element sharing a baseline. */
export interface Line {
  readonly elem: Elem;
  readonly runs: Run[];
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** A stroked straight line of the page's decoration (table rules), top-down coordinates. */
export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface Page {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly landscape: boolean;
  /** Body text (no artifacts), top to bottom. */
  readonly lines: Line[];
  readonly segments: Segment[];
  readonly links: string[];
  /** Elements of the page's structure tree that carry a role, in tree order. */
  readonly elems: Elem[];
}

/** What the lint needs to know that is not in the PDF: the continuation marks of the label files. */
export interface LintOptions {
  readonly continuedMarks: readonly string[];
  /** Leave out these rules (e.g. while a known defect is being fixed). */
  readonly skip?: readonly RuleId[];
}

interface RawStruct {
  role?: string;
  type?: string;
  id?: string;
  children?: RawStruct[];
}

const { OPS } = pdfjs;

/** Read every page of `file`. */
export async function readPdf(file: string): Promise<Page[]> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: Page[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(await doc.getPage(n), n));
    return pages;
  } finally {
    await doc.destroy();
  }
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>['getPage']>>;

async function readPage(page: PdfPage, number: number): Promise<Page> {
  const [, , width, height] = page.view as [number, number, number, number];
  // Structure: content ids (…_mc<N>) to the element holding them.
  const byMcid = new Map<string, Elem>();
  const elems: Elem[] = [];
  const build = (raw: RawStruct, parent: Elem | undefined): Elem | undefined => {
    if (raw.type === 'content' && raw.id && parent) {
      byMcid.set(raw.id, parent);
      return undefined;
    }
    if (!raw.role) return undefined;
    const el: Elem = { role: raw.role, parent, children: [] };
    parent?.children.push(el);
    elems.push(el);
    for (const c of raw.children ?? []) build(c, el);
    return el;
  };
  const tree = (await page.getStructTree()) as RawStruct | null;
  if (tree) build({ ...tree, role: tree.role ?? 'Root' }, undefined);

  const ops = await page.getOperatorList();
  const fontNames = new Map<string, string>();
  const fontName = (id: string): string => {
    let name = fontNames.get(id);
    if (name === undefined) {
      try {
        name = String((page.commonObjs.get(id) as { name?: string } | undefined)?.name ?? '');
      } catch {
        name = '';
      }
      fontNames.set(id, name);
    }
    return name;
  };

  const content = await page.getTextContent({ includeMarkedContent: true });
  const stack: { tag: string; id?: string }[] = [];
  const lines: Line[] = [];
  const open = new Map<string, { elem: Elem; runs: Run[] }>();
  for (const item of content.items as Record<string, unknown>[]) {
    const type = item.type as string | undefined;
    if (type === 'beginMarkedContent' || type === 'beginMarkedContentProps') {
      stack.push({ tag: String(item.tag), ...(typeof item.id === 'string' ? { id: item.id } : {}) });
      continue;
    }
    if (type === 'endMarkedContent') {
      stack.pop();
      continue;
    }
    const str = String(item.str ?? '');
    if (str === '' || stack.some((m) => m.tag === 'Artifact')) continue;
    const mc = [...stack].reverse().find((m) => m.id !== undefined);
    const elem = mc ? byMcid.get(mc.id!) : undefined;
    if (!elem) continue;
    const t = item.transform as number[];
    const run: Run = { str, x: t[4]!, y: height - t[5]!, width: Number(item.width), size: Math.hypot(t[0]!, t[1]!), bold: /Medium|Bold|Black/i.test(fontName(String(item.fontName))) };
    // A run belongs to the line of its element whose baseline is within a third of its size
    // (a superscript footnote mark sits a little above its line).
    let key = '';
    for (const [k, l] of open) {
      if (l.elem === elem && l.runs.some((r) => Math.abs(r.y - run.y) < Math.max(r.size, run.size) * 0.45)) key = k;
    }
    if (!key) {
      key = `${open.size}:${run.y}`;
      open.set(key, { elem, runs: [] });
    }
    open.get(key)!.runs.push(run);
  }
  for (const { elem, runs } of open.values()) {
    runs.sort((a, b) => a.x - b.x);
    // pdfjs gives the gap before a run as a run of its own (« »), placed where the text before it ends:
    // where a line starts and its baseline are its text's.
    const inked = runs.filter((r) => r.str.trim() !== '');
    const main = (inked.length > 0 ? inked : runs).reduce((a, b) => (b.size > a.size ? b : a));
    const start = inked[0] ?? runs[0]!;
    lines.push({ elem, runs, text: runs.map((r) => r.str).join('').replace(/\s+/g, ' ').trim(), x: start.x, y: main.y, size: main.size });
  }
  lines.sort((a, b) => a.y - b.y || a.x - b.x);

  const segments = strokedSegments(ops, height, byMcid);
  const links: string[] = [];
  for (const a of (await page.getAnnotations()) as { subtype?: string; url?: string }[]) if (a.subtype === 'Link' && a.url) links.push(a.url);
  return { number, width, height, landscape: width > height, lines: lines.filter((l) => l.text !== ''), segments, links, elems };
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Straight stroked lines drawn outside figures (charts draw their own lines), in page coordinates. */
function strokedSegments(ops: { fnArray: number[]; argsArray: unknown[][] }, height: number, byMcid: ReadonlyMap<string, Elem>): Segment[] {
  const out: Segment[] = [];
  const states: { ctm: Matrix; lineWidth: number }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineWidth = 1;
  const marks: boolean[] = [];
  const inFigure = (id: unknown): boolean => {
    for (let e = typeof id === 'string' ? byMcid.get(id) : undefined; e; e = e.parent) if (e.role === 'Figure') return true;
    return false;
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] ?? [];
    if (fn === OPS.save) states.push({ ctm, lineWidth });
    else if (fn === OPS.restore) ({ ctm, lineWidth } = states.pop() ?? { ctm, lineWidth });
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.setLineWidth) lineWidth = Number(args[0]);
    else if (fn === OPS.beginMarkedContent) marks.push(marks[marks.length - 1] ?? false);
    else if (fn === OPS.beginMarkedContentProps) {
      const props = args[1] as { mcid?: number } | number | null;
      const mcid = typeof props === 'number' ? props : props?.mcid;
      const id = [...byMcid.keys()].find((k) => mcid !== undefined && k.endsWith(`_mc${mcid}`));
      marks.push((marks[marks.length - 1] ?? false) || inFigure(id));
    } else if (fn === OPS.endMarkedContent) marks.pop();
    else if (fn === OPS.constructPath && (args[0] === OPS.stroke || args[0] === OPS.closeStroke)) {
      if (marks[marks.length - 1] || lineWidth <= 0) continue;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      let prev: [number, number] | undefined;
      const at = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], height - (ctm[1] * x + ctm[3] * y + ctm[5])];
      for (let k = 0; k < data.length;) {
        const op = data[k]!;
        if (op === 0) {
          prev = at(data[k + 1]!, data[k + 2]!);
          k += 3;
        } else if (op === 1) {
          const p = at(data[k + 1]!, data[k + 2]!);
          if (prev) out.push({ x1: prev[0], y1: prev[1], x2: p[0], y2: p[1] });
          prev = p;
          k += 3;
        } else if (op === 2) k += 7;
        else if (op === 3) k += 5;
        else k += 1;
      }
    }
  }
  return out;
}

// ——— helpers over the read pages ———

const ancestors = (e: Elem | undefined): Elem[] => {
  const out: Elem[] = [];
  for (let x = e; x; x = x.parent) out.push(x);
  return out;
};
const within = (e: Elem, role: string | RegExp): Elem | undefined => ancestors(e).find((a) => (typeof role === 'string' ? a.role === role : role.test(a.role)));

/** The top-level block an element belongs to: the child of Document (or of the root). */
export function blockOf(e: Elem): Elem {
  const chain = ancestors(e);
  const doc = chain.findIndex((a) => a.role === 'Document' || a.parent === undefined);
  return chain[Math.max(0, doc - 1)] ?? e;
}

/** Body blocks of a page in order from top to bottom, each with its lines. */
export function blocks(page: Page): { block: Elem; lines: Line[] }[] {
  const out: { block: Elem; lines: Line[] }[] = [];
  for (const l of page.lines) {
    const b = blockOf(l.elem);
    const entry = out.find((x) => x.block === b);
    if (entry) entry.lines.push(l);
    else out.push({ block: b, lines: [l] });
  }
  return out;
}

const isHeading = (e: Elem): boolean => /^H[1-6]?$/.test(e.role);
/** A run-in heading: a paragraph of one or two lines, all of it bold, no full stop at its end. */
const isRunIn = (b: { block: Elem; lines: Line[] }): boolean =>
  b.block.role === 'P' && b.lines.length <= 2 && b.lines.every((l) => l.runs.every((r) => r.bold || r.str.trim() === '')) && !/[.!?»]$/.test(b.lines[b.lines.length - 1]!.text);

/** The lowest body line of a page (the last in reading order at the foot). */
const lastLine = (page: Page): Line | undefined => page.lines[page.lines.length - 1];

/** The page where the body (chapters) begins: the first page with an H1. */
const firstBodyPage = (pages: readonly Page[]): number => pages.find((p) => p.elems.some((e) => e.role === 'H1'))?.number ?? 1;

// ——— the rules ———

/** Lines of lead-in after a heading at a page foot that still leave it apart from the table it introduces. */
const LEAD_IN_LINES = 4;

/**
 * No heading (numbered or run-in) as the last thing on a page; nor a heading with only a few lines of
 * lead-in after it when the table they introduce starts the next page (after at most a line or two
 * more of lead-in each, such as a målskjema's «Hovudmål 1: …» line).
 */
export function headingAtFoot(pages: readonly Page[]): Finding[] {
  const start = firstBodyPage(pages);
  return pages.slice(0, -1).flatMap((p, i) => {
    if (p.number < start) return [];
    const bs = blocks(p);
    const last = bs[bs.length - 1];
    if (!last) return [];
    const text = (b: { lines: readonly Line[] }): string => b.lines.map((l) => l.text).join(' ');
    if (isHeading(last.block) || isRunIn(last)) return [{ rule: 'heading-at-foot' as const, page: p.number, message: `the heading «${text(last)}» is the last thing on the page` }];
    const h = bs.findLastIndex((b) => isHeading(b.block));
    const after = bs.slice(h + 1);
    if (h < 0 || after.some((b) => b.block.role !== 'P') || after.reduce((n, b) => n + b.lines.length, 0) > LEAD_IN_LINES) return [];
    const next = blocks(pages[i + 1]!);
    // Short lead-in lines kept with the table may come first (the hovudmål line, the unit of the amounts).
    let k = 0;
    while (k < 2 && next[k]?.block.role === 'P' && next[k]!.lines.length <= 2) k++;
    if (next[k]?.block.role !== 'Table' || captionOf(next[k]!) === undefined) return [];
    return [{ rule: 'heading-at-foot' as const, page: p.number, message: `the heading «${text(bs[h]!)}» and its lead-in «${after.map(text).join(' ').slice(0, 60)}» end the page; the table they introduce starts the next` }];
  });
}

/** No lead-in line (a paragraph or list item ending in «:») at the foot of a page. */
export function leadInAtFoot(pages: readonly Page[]): Finding[] {
  return pages.slice(0, -1).flatMap((p) => {
    const l = lastLine(p);
    if (!l || within(l.elem, /^(Table|TOC|TOCI)$/) || !l.text.endsWith(':')) return [];
    return [{ rule: 'lead-in-at-foot' as const, page: p.number, message: `the lead-in «${l.text}» is the last line of the page; what it introduces is on the next` }];
  });
}

/** Lines of body text a page holds at least, unless a chapter ends on it or the page turns after it. */
const MIN_LINES = 8;
/** Lines the last page of a chapter holds at least (unless the whole chapter is on it). */
const MIN_CHAPTER_TAIL = 5;

/**
 * No page with under 8 lines of body text unless the next starts a chapter or turns; and no chapter
 * (or run before the page turns) whose last page holds under 5 lines, unless the chapter starts there.
 * A page with a figure is never sparse.
 */
export function sparsePages(pages: readonly Page[]): Finding[] {
  const start = firstBodyPage(pages);
  return pages.flatMap((p, i) => {
    if (p.number < start || p.elems.some((e) => e.role === 'Figure')) return [];
    const next = pages[i + 1];
    const count = p.lines.length;
    const ends = !next || next.landscape !== p.landscape || blocks(next)[0]?.block.role === 'H1';
    if (!ends) {
      if (count >= MIN_LINES) return [];
      return [{ rule: 'sparse-page' as const, page: p.number, message: `only ${count} lines of body text, and the next page neither starts a chapter nor turns` }];
    }
    const startsHere = blocks(p)[0]?.block.role === 'H1';
    if (count >= MIN_CHAPTER_TAIL || startsHere) return [];
    return [{ rule: 'sparse-page' as const, page: p.number, message: `the last page of a chapter holds only ${count} lines of body text` }];
  });
}

/** The body rows (TR outside THead) of a table on a page, with the lines of each. */
function bodyRows(table: Elem, page: Page): { row: Elem; lines: Line[] }[] {
  const rows: { row: Elem; lines: Line[] }[] = [];
  for (const l of page.lines) {
    const chain = ancestors(l.elem);
    const ti = chain.indexOf(table);
    if (ti < 0) continue;
    // The row of this table (not of a table nested in its cells): the TR nearest the table.
    const tr = chain.slice(0, ti).reverse().find((a) => a.role === 'TR');
    if (!tr || chain.slice(0, ti).some((a) => a.role === 'THead')) continue;
    const entry = rows.find((r) => r.row === tr);
    if (entry) entry.lines.push(l);
    else rows.push({ row: tr, lines: [l] });
  }
  return rows;
}

/**
 * The printed lines of a body row, top to bottom, each with the text lines of its cells: a row whose
 * cell holds a nested layout (a Div of one P per cell, the målskjema's lines of tiltak) prints one line
 * per row of that layout — its cells all begin at the same height — and the reader counts those; any
 * other row is one line.
 */
export function printedLines(row: { lines: readonly Line[] }): Line[][] {
  const inDiv = row.lines.filter((l) => within(l.elem, 'Div') !== undefined);
  if (inDiv.length === 0) return [[...row.lines]];
  // Each cell (P) begins at the top of its line: the cells' first baselines are the lines.
  const cells = new Map<Elem, Line[]>();
  for (const l of inDiv) {
    const cell = within(l.elem, 'P') ?? l.elem;
    cells.set(cell, [...(cells.get(cell) ?? []), l]);
  }
  const tops: { y: number; lines: Line[] }[] = [];
  for (const ls of [...cells.values()].sort((a, b) => a[0]!.y - b[0]!.y)) {
    const top = tops.find((t) => Math.abs(t.y - ls[0]!.y) < 1.5);
    if (top) top.lines.push(...ls);
    else tops.push({ y: ls[0]!.y, lines: [...ls] });
  }
  return tops.map((t) => t.lines);
}

/** One page's part of a table: the page, the Table element there, its body rows. */
export interface TablePart {
  readonly page: Page;
  readonly table: Elem;
  readonly rows: { row: Elem; lines: Line[] }[];
}

/** The caption text a table shows on a page (undefined where it is repeated as an artifact or has none). */
const captionOf = (b: { lines: readonly Line[] }): string | undefined => {
  const lines = b.lines.filter((l) => within(l.elem, 'Caption') !== undefined);
  return lines.length > 0 ? lines.map((l) => l.text).join(' ') : undefined;
};

/**
 * The parts of each table: a table that ends a page and one that starts the next are one table when
 * the second repeats its caption as an artifact (pdfmake's repeated header rows), or shows the same
 * caption again (a table laid out in parts, one per page).
 */
export function tableParts(pages: readonly Page[]): TablePart[][] {
  const chains: TablePart[][] = [];
  let open: TablePart[] | undefined;
  let openCaption: string | undefined;
  for (const p of pages) {
    const bs = blocks(p);
    bs.forEach((b, i) => {
      if (b.block.role !== 'Table') return;
      const part = { page: p, table: b.block, rows: bodyRows(b.block, p) };
      const caption = captionOf(b);
      const continues = i === 0 && open !== undefined && open[open.length - 1]!.page.number === p.number - 1 && (caption === undefined || caption === openCaption);
      if (continues) open!.push(part);
      else {
        chains.push((open = [part]));
        openCaption = caption;
      }
      if (i !== bs.length - 1) open = undefined;
    });
    const last = bs[bs.length - 1];
    if (!last || last.block.role !== 'Table') open = undefined;
  }
  return chains;
}

/** The page's height less its top and bottom margins and the running header and footer, roughly. */
const BODY_MARGINS = 130;
const extent = (lines: readonly Line[]): number => {
  const ys = lines.map((l) => l.y);
  return Math.max(...ys) - Math.min(...ys) + Math.max(...lines.map((l) => l.size)) * 1.25 + 5;
};
/** A row's height, roughly: its text, or the lines of its nested layout one under the other, whichever is taller. */
const rowHeight = (row: { lines: readonly Line[] }): number => {
  const own = row.lines.filter((l) => within(l.elem, 'Div') === undefined);
  const nested = printedLines(row).reduce((h, ls) => h + (ls.some((l) => within(l.elem, 'Div')) ? extent(ls) : 0), 0);
  return Math.max(own.length > 0 ? extent(own) : 0, nested);
};
const linesOfPart = (part: TablePart): number => part.rows.reduce((n, r) => n + printedLines(r).length, 0);

/** Lines of lead-in (a few short paragraphs) a heading may keep between it and the table it introduces. */
const TABLE_LEAD_IN_LINES = 6;

/** Height of the heading and its short lead-ins right above a table on its page (0 when no heading heads it there). */
function headedBy(part: TablePart): number {
  const bs = blocks(part.page);
  const at = bs.findIndex((b) => b.block === part.table);
  let h = at - 1;
  let lines = 0;
  while (h >= 0 && bs[h]!.block.role === 'P' && (lines += bs[h]!.lines.length) <= TABLE_LEAD_IN_LINES) h--;
  if (h < 0 || !isHeading(bs[h]!.block)) return 0;
  return bs[at]!.lines[0]!.y - bs[h]!.lines[0]!.y;
}

/**
 * A table of up to 10 rows is never split (unless it is too tall for a page); a split one never leaves
 * fewer than 3 rows on a page. Rows are counted as the reader sees them: the printed lines of a row
 * that holds a nested layout (the målskjema's tiltak) each count.
 */
export function tableSplits(pages: readonly Page[]): Finding[] {
  const out: Finding[] = [];
  for (const parts of tableParts(pages)) {
    if (parts.length < 2) continue;
    const counts = parts.map(linesOfPart);
    const total = counts.reduce((a, b) => a + b, 0);
    const where = `pages ${parts[0]!.page.number}–${parts[parts.length - 1]!.page.number} (${counts.join(' + ')} rows)`;
    // The height of the rows, and of the heading and lead-ins that stay with the table: a table that
    // could not stand on one page with them is only held to the 3-row rule.
    const height = parts.reduce((h, part) => h + part.rows.reduce((rh, r) => rh + rowHeight(r), 0), 0) + headedBy(parts[0]!);
    const body = parts[0]!.page.height - BODY_MARGINS;
    if (total <= 10 && height < 0.85 * body) {
      out.push({ rule: 'table-split', page: parts[0]!.page.number, message: `a table of ${total} rows is split over ${where}` });
      continue;
    }
    parts.forEach((part, k) => {
      if (counts[k]! >= 3) return;
      // A few plain rows that fill a good part of the page are no orphan (a row of long texts is tall).
      const nested = part.rows.some((r) => r.lines.some((l) => within(l.elem, 'Div') !== undefined));
      const tall = part.rows.reduce((h, r) => h + rowHeight(r), 0) > 0.25 * part.page.height;
      if (nested || !tall) out.push({ rule: 'table-split', page: part.page.number, message: `only ${counts[k]} row(s) of a table of ${total} rows on this page, ${where}` });
    });
  }
  return out;
}

/**
 * «(framhald)» only on a row that goes on from the page before: the first body row of the page's first
 * block, a table, whose first part is not on the same page. And a row that goes on says so in every
 * cell whose entry goes on: its first printed line leaves no cell of its nested layout blank before
 * its first text (the levels stand left of the line's own text, so a blank there is an entry, such as
 * the målskjema's «Dette vil vi oppnå», going on from the page before without its text).
 */
export function continuedRows(pages: readonly Page[], marks: readonly string[]): Finding[] {
  const out: Finding[] = [];
  // The left edges of the cells of each table's nested layout, over all its parts.
  const columnsOf = new Map<Elem, number[]>();
  for (const parts of tableParts(pages)) {
    const xs: number[] = [];
    for (const part of parts) for (const r of part.rows) for (const ls of printedLines(r)) for (const l of ls) if (within(l.elem, 'Div') && !xs.some((x) => Math.abs(x - l.x) < 1.5)) xs.push(l.x);
    for (const part of parts) columnsOf.set(part.table, xs.sort((a, b) => a - b));
  }
  for (const p of pages) {
    const bs = blocks(p);
    bs.forEach((b, bi) => {
      if (b.block.role !== 'Table') return;
      bodyRows(b.block, p).forEach((r, ri) => {
        const cell = r.lines.find((l) => marks.some((m) => l.text.includes(m)));
        if (!cell) return;
        const mark = marks.find((m) => cell.text.includes(m))!;
        // The row's own text: the lines of the cell holding the mark (same column, above it).
        const column = (lines: readonly Line[]): string => lines.filter((l) => Math.abs(l.x - cell.x) < 1 && !within(l.elem, 'Div')).map((l) => l.text).join(' ');
        const first = column(r.lines.filter((l) => l.y <= cell.y)).replace(mark, '').trim();
        const samePage = bs.some((o) => o.block.role === 'Table' && bodyRows(o.block, p).some((x) => x.row !== r.row && first !== '' && column(x.lines).startsWith(first.slice(0, 40))));
        if (bi !== 0 || ri !== 0 || samePage) {
          out.push({ rule: 'continued-row', page: p.number, message: `«${first.slice(0, 50)}… ${mark}» does not go on from the page before${samePage ? ': its first part is on the same page' : ''}` });
          return;
        }
        const line = printedLines(r)[0]!.filter((l) => within(l.elem, 'Div') !== undefined);
        if (line.length === 0) return;
        const firstText = Math.min(...line.map((l) => l.x));
        const blank = (columnsOf.get(b.block) ?? []).filter((x) => x < firstText - 1.5);
        if (blank.length > 0) out.push({ rule: 'continued-row', page: p.number, message: `«${first.slice(0, 50)}… ${mark}» goes on from the page before, but ${blank.length} cell(s) of its first line before «${line.find((l) => l.x === firstText)!.text.slice(0, 30)}» are blank: the entry there goes on without its text` });
      });
    });
  }
  return out;
}

/** Every vertical cell border ends where a horizontal one runs (or another vertical continues it). */
export function cellBorders(pages: readonly Page[]): Finding[] {
  const out: Finding[] = [];
  const TOL = 1.2;
  for (const p of pages) {
    const hs = p.segments.filter((s) => Math.abs(s.y1 - s.y2) < 0.3 && Math.abs(s.x1 - s.x2) > 0.5);
    const vs = p.segments.filter((s) => Math.abs(s.x1 - s.x2) < 0.3 && Math.abs(s.y1 - s.y2) > 2);
    const met = (x: number, y: number, self: Segment): boolean =>
      hs.some((h) => Math.abs(h.y1 - y) <= TOL && Math.min(h.x1, h.x2) - TOL <= x && x <= Math.max(h.x1, h.x2) + TOL) ||
      vs.some((v) => v !== self && Math.abs(v.x1 - x) <= TOL && Math.min(v.y1, v.y2) - TOL <= y && y <= Math.max(v.y1, v.y2) + TOL);
    let bad = 0;
    let first = '';
    for (const v of vs) {
      const top = Math.min(v.y1, v.y2);
      const bottom = Math.max(v.y1, v.y2);
      const ends = [top, bottom].filter((y) => !met(v.x1, y, v));
      // A rule that meets no row line at either end is no cell border (the bar beside a quote).
      if (ends.length === 2) continue;
      for (const y of ends) {
        bad++;
        first ||= `x ${v.x1.toFixed(0)}, ${(y === top ? 'top' : 'bottom')} at y ${y.toFixed(0)}`;
      }
    }
    if (bad > 0) out.push({ rule: 'cell-border', page: p.number, message: `${bad} cell border end(s) stop where no row line runs (first: ${first})` });
  }
  return out;
}

/** A figure and its caption on one page: no caption of a figure (a Div holding a Caption) on a page without its figure. */
export function figureCaptions(pages: readonly Page[]): Finding[] {
  const out: Finding[] = [];
  for (const p of pages) {
    for (const e of p.elems) {
      if (e.role !== 'Div') continue;
      const roles = e.children.map((c) => c.role);
      // A figure split from its caption leaves the caption (with its source line) on a page of its own.
      if (roles.includes('Caption') && !roles.some((r) => r === 'Figure' || r === 'Table')) out.push({ rule: 'figure-caption', page: p.number, message: 'a caption is on this page without its figure (it was split from it)' });
    }
  }
  return out;
}

/** Footnote marks: small raised digits in body text (outside the notes themselves). */
function footnoteRefs(page: Page): number[] {
  const refs: number[] = [];
  for (const l of page.lines) {
    if (within(l.elem, 'Note')) continue;
    for (const r of l.runs) if (/^\d+$/.test(r.str.trim()) && r.size < l.size * 0.8 && r.y < l.y - 0.5) refs.push(Number(r.str.trim()));
  }
  return refs;
}

/** The number of each footnote on a page, with the baseline of its first line. */
function notesOn(page: Page): { number: number; y: number }[] {
  const out: { number: number; y: number }[] = [];
  const seen = new Set<Elem>();
  for (const l of page.lines) {
    const note = within(l.elem, 'Note');
    if (!note || seen.has(note)) continue;
    seen.add(note);
    const m = /^(\d+)/.exec(l.text);
    if (m) out.push({ number: Number(m[1]), y: l.y });
  }
  return out;
}

/** A footnote at the foot of the page that refers to it: below all body text of that page. */
export function footnotePages(pages: readonly Page[]): Finding[] {
  const out: Finding[] = [];
  for (const p of pages) {
    const notes = notesOn(p);
    const body = p.lines.filter((l) => !within(l.elem, 'Note'));
    const lowestBody = Math.max(...body.map((l) => l.y), 0);
    for (const n of footnoteRefs(p)) {
      const note = notes.find((x) => x.number === n);
      if (!note) {
        const where = pages.find((q) => notesOn(q).some((x) => x.number === n));
        out.push({ rule: 'footnote-page', page: p.number, message: `footnote ${n} is referred to here but printed ${where ? `on page ${where.number}` : 'nowhere'}` });
      } else if (note.y < lowestBody) out.push({ rule: 'footnote-page', page: p.number, message: `footnote ${n} is not at the foot of the page: body text follows it` });
    }
  }
  return out;
}

const URL_BREAKS = new Set(['/', '.', '-', '?']);

/** A link's address is broken over lines only after «/», «.», «-» or «?». */
export function urlBreaks(pages: readonly Page[]): Finding[] {
  const out: Finding[] = [];
  for (const p of pages) {
    const urls = p.links.map((u) => u.replace(/^mailto:/, ''));
    p.lines.forEach((l, i) => {
      const next = p.lines[i + 1];
      // The lines of one paragraph (a link is an element of its own on each line).
      const para = (e: Elem): Elem => ancestors(e).find((a) => a.role !== 'Link' && a.role !== 'Span') ?? e;
      if (!next || para(next.elem) !== para(l.elem)) return;
      const word = l.text.split(' ').pop() ?? '';
      const start = next.text.split(' ')[0] ?? '';
      if (word.length < 4) return;
      // The last word of the line starts an address that the first word of the next line continues.
      const url = urls.find((u) => u.includes(word) && u.includes(word + start.slice(0, 3)) && !u.endsWith(word));
      if (!url) return;
      const end = word[word.length - 1]!;
      if (!URL_BREAKS.has(end)) out.push({ rule: 'url-break', page: p.number, message: `the address ${url} is broken after «${word}»` });
    });
  }
  return out;
}

/** A range of numbers («2021–2031», «22.03.24–03.05.24») is never broken over two lines after its dash. */
export function rangeBreaks(pages: readonly Page[]): Finding[] {
  const out: Finding[] = [];
  for (const p of pages) {
    p.lines.forEach((l, i) => {
      const next = p.lines[i + 1];
      const word = l.text.trimEnd().split(' ').pop() ?? '';
      if (next && /\d–$/.test(word) && /^\d/.test(next.text.trimStart())) {
        out.push({ rule: 'range-break', page: p.number, message: `the range «${word}${next.text.trimStart().split(' ')[0]}» is broken after its dash` });
      }
    });
  }
  return out;
}

/** Every rule over the pages of one PDF. */
export function lintPages(pages: readonly Page[], opts: LintOptions): Finding[] {
  const all: Finding[] = [
    ...headingAtFoot(pages),
    ...leadInAtFoot(pages),
    ...sparsePages(pages),
    ...tableSplits(pages),
    ...continuedRows(pages, opts.continuedMarks),
    ...cellBorders(pages),
    ...figureCaptions(pages),
    ...footnotePages(pages),
    ...urlBreaks(pages),
    ...rangeBreaks(pages),
  ];
  return all.filter((f) => !opts.skip?.includes(f.rule)).sort((a, b) => a.page - b.page);
}

/** Read `file` and run every rule. */
export async function lintPdf(file: string, opts: LintOptions): Promise<Finding[]> {
  return lintPages(await readPdf(file), opts);
}

/** The findings as lines for a failure message: `file p. N [rule] message`. */
export function formatFindings(file: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${file} p. ${f.page} [${f.rule}] ${f.message}`);
}

/** A page as text for debugging a rule: each body line with its structure path, and the line count of rules. */
export function describePage(page: Page): string {
  const path = (e: Elem): string => ancestors(e).reverse().map((a) => a.role).join('>');
  return [
    `page ${page.number} ${page.width.toFixed(0)}×${page.height.toFixed(0)}, ${page.segments.length} stroked lines, links: ${page.links.join(' ')}`,
    `elements: ${page.elems.map((e) => e.role).join(' ')}`,
    ...page.lines.map((l) => `${l.y.toFixed(1).padStart(6)} ${l.x.toFixed(1).padStart(6)} ${l.size.toFixed(1)} ${path(l.elem)} | ${l.text}`),
  ].join('\n');
}
