// The målskjema as real HTML tables: one per title entry (or one), with a caption; each row entry
// (e.g. a delmål) is a tbody whose row header spans its lines; each line (e.g. a tiltak) is a row whose
// header is its text, so every year cell is announced with its tiltak and its year. On a narrow
// screen the cells stack, each with its column header written before it (data-label) — the explicit
// ARIA table roles keep the associations when CSS changes the display. Status is text (a coloured
// dot beside it is decoration). Same rows as the PDF: layout/malskjema.ts decides which.
import type { MalskjemaColumn, MalskjemaEntry } from '../model/malskjemaTypes.js';
import { shapeOf } from '../model/malskjemaShape.js';
import type { Malskjema } from '../model/types.js';
import { formatNumber } from '../core/numberFormat.js';
import { label } from '../layout/labels.js';
import { columnHeader, levelLabel, linesOf, malskjemaNotes, numberPrefix, shownTables } from '../layout/malskjema.js';
import { esc } from './html.js';
import { inl, wrap } from './parts.js';
import type { WebContext } from './context.js';

type Column =
  | { readonly role: 'group' | 'line' }
  | { readonly role: 'text'; readonly column: MalskjemaColumn }
  | { readonly role: 'year'; readonly column: MalskjemaColumn; readonly year: number };

function columnsOf(m: Malskjema): Column[] {
  const { line } = shapeOf(m.config);
  return [
    ...(line?.group !== undefined ? [{ role: 'group' as const }] : []),
    ...(line ? [{ role: 'line' as const }] : []),
    ...m.config.columns.filter((c) => c.kind === 'text').map((column) => ({ role: 'text' as const, column })),
    ...m.config.columns.filter((c) => c.kind !== 'text').flatMap((column) => m.years.map((year) => ({ role: 'year' as const, column, year }))),
  ];
}

const attr = (s: string): string => esc(s);

/** The målskjema's hovudmål and tables. */
export function malskjemaHtml(m: Malskjema, ctx: WebContext): string {
  const l = ctx.labels;
  const shape = shapeOf(m.config);
  const columns = columnsOf(m);
  const perYearCount = m.config.columns.filter((c) => c.kind !== 'text').length;
  const hasStatus = m.config.status.length > 0;
  const out: string[] = [];
  const hovudmalLevel = m.config.levels.find((x) => x.id === 'hovudmal');
  // «Hovudmål 1: …», as the PDF's line above the tables.
  const hovudmal = m.hovudmal && hovudmalLevel
    ? `<strong>${esc(`${levelLabel(l, hovudmalLevel)}${m.hovudmal.nummer !== undefined ? ` ${m.hovudmal.nummer}` : ''}:`)}</strong> ${inl(m.hovudmal.tekst, ctx)}`
    : undefined;
  // With title rows each table is named by its title, and the hovudmål stands above them all; without,
  // the one table is named by the hovudmål (its caption, so it is not printed twice; above an empty målskjema it stands alone).
  const tables = shownTables(m, ctx.variant);
  if (hovudmal && (shape.title || tables.length === 0)) out.push(`<p class="hovudmal">${hovudmal}</p>`);
  const notes = malskjemaNotes(m, l);
  if (notes.length > 0) out.push(`<p class="malskjema-note">${esc(notes.join(' '))}</p>`);
  const rowHeader = shape.row ? levelLabel(l, shape.row) : '';
  const headers = [
    rowHeader,
    ...(hasStatus ? [label(l, 'malskjema_status')] : []),
    ...columns.map((c) => {
      if (c.role === 'text') return columnHeader(l, c.column);
      if (c.role !== 'year') return c.role === 'group' ? shape.line!.group! : levelLabel(l, shape.line!);
      return c.column.header !== undefined || perYearCount > 1 ? `${columnHeader(l, c.column)} ${c.year}` : String(c.year);
    }),
  ];
  const colHeaders = headers.slice(hasStatus ? 2 : 1);
  const shown: MalskjemaEntry[] = [];
  tables.forEach((t, ti) => {
    const caption = t.title && shape.title
      ? `<strong>${esc(`${levelLabel(l, shape.title)}${t.title.nummer !== undefined ? ` ${t.title.nummer}` : ''}:`)}</strong> ${inl(t.title.tekst, ctx)}`
      : hovudmal ?? esc(rowHeader);
    const head = `<thead role="rowgroup"><tr role="row">${headers.map((h, i) => `<th scope="col" role="columnheader"${i >= headers.length - columns.length && columns[i - (headers.length - columns.length)]!.role === 'year' ? ' class="year"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>`;
    const bodies = t.rows.map((row) => {
      const lines = linesOf(row, shape.line !== undefined);
      for (const x of lines) if (x.entry) shown.push(x.entry);
      const status = row.status ? m.config.status.find((s) => s.id === row.status!.value) : undefined;
      const trs = lines.map((line, li) => {
        const cells: string[] = [];
        if (li === 0) {
          cells.push(`<th scope="rowgroup" role="rowheader" rowspan="${lines.length}" class="rowtext" data-label="${attr(rowHeader)}">${esc(numberPrefix(row))}${inl(row.tekst, ctx)}</th>`);
          if (hasStatus) {
            const text = status ? `<span class="status">${status.colour ? `<span class="dot" style="background:${status.colour}" aria-hidden="true"></span>` : ''}${esc(status.label)}</span>` : '';
            cells.push(`<td role="cell" rowspan="${lines.length}" data-label="${attr(label(l, 'malskjema_status'))}">${text}</td>`);
          }
        }
        columns.forEach((c, ci) => {
          const h = attr(colHeaders[ci]!);
          const e = line.entry;
          if (c.role === 'group') {
            // A group's text spans its entries; lines before the first group share an empty cell.
            if (line.group !== undefined || li === 0) {
              let span = 1;
              while (lines[li + span] !== undefined && lines[li + span]!.group === undefined) span++;
              cells.push(`<td role="cell" rowspan="${span}" class="group" data-label="${h}">${line.group ? inl(line.group, ctx) : ''}</td>`);
            }
          } else if (c.role === 'line') {
            cells.push(e
              ? `<th scope="row" role="rowheader" class="linetext" data-label="${h}">${esc(numberPrefix(e))}${inl(e.tekst, ctx)}${e.plan ? `<span class="plan">${esc(`${label(l, 'malskjema_plan_prefix')}: ${e.plan.title}`)}</span>` : ''}</th>`
              : `<td role="cell" data-label="${h}"></td>`);
          } else if (c.role === 'text') {
            const cell = e?.cells.find((x) => x.column === c.column.id && x.year === undefined);
            cells.push(`<td role="cell" data-label="${h}">${cell ? esc(String(cell.raw)) : ''}</td>`);
          } else {
            const y = c as Extract<Column, { role: 'year' }>;
            const cell = e?.cells.find((x) => x.column === y.column.id && x.year === String(y.year));
            const v = !cell ? '' : cell.raw === 'x' ? 'X' : cell.amount === undefined ? '' : formatNumber(cell.amount);
            cells.push(`<td role="cell" class="year${cell && cell.raw !== 'x' ? ' num' : ''}" data-label="${h}">${esc(v)}</td>`);
          }
        });
        return `<tr role="row">${cells.join('')}</tr>`;
      });
      return `<tbody role="rowgroup">${trs.join('')}</tbody>`;
    });
    const foot = m.config.columns.some((c) => c.kind === 'amount') && ti === tables.length - 1 ? sumRows(shown, columns, colHeaders, hasStatus, ctx) : '';
    // Wider than the text column on a wide screen (it scrolls where it is wider still); cards on a phone.
    out.push(wrap(`<table class="malskjema" role="table"><caption>${caption}</caption>${head}${bodies.join('')}${foot}</table>`, ctx, 'malskjema-wrap'));
  });
  if (tables.length === 0) out.push(`<p><em>${esc(label(l, 'malskjema_empty'))}</em></p>`);
  return out.join('');
}

/** The sum row per year of each amount column and the total of all its years, as in the PDF. */
function sumRows(lines: readonly MalskjemaEntry[], columns: readonly Column[], colHeaders: readonly string[], hasStatus: boolean, ctx: WebContext): string {
  const l = ctx.labels;
  const sums = new Map<string, number>();
  for (const c of lines.flatMap((e) => e.cells)) {
    if (c.year !== undefined && c.amount !== undefined) sums.set(`${c.column}/${c.year}`, (sums.get(`${c.column}/${c.year}`) ?? 0) + c.amount);
  }
  const lead = (text: string): string => `<th scope="row" role="rowheader" data-label="">${esc(text)}</th>${hasStatus ? '<td role="cell" data-label=""></td>' : ''}`;
  const sumCells = columns.map((c, i) => (c.role === 'year' && c.column.kind === 'amount'
    ? `<td role="cell" class="year num" data-label="${attr(colHeaders[i]!)}">${esc(formatNumber(sums.get(`${c.column.id}/${c.year}`) ?? 0))}</td>`
    : `<td role="cell" data-label=""></td>`)).join('');
  const totalCells: string[] = [];
  columns.forEach((c, i) => {
    if (c.role !== 'year' || c.column.kind !== 'amount') totalCells.push('<td role="cell" data-label=""></td>');
    else if (columns[i - 1]?.role === 'year' && (columns[i - 1] as { column: MalskjemaColumn }).column === c.column) return;
    else {
      const span = columns.filter((x) => x.role === 'year' && x.column === c.column).length;
      const total = [...sums].filter(([k]) => k.startsWith(`${c.column.id}/`)).reduce((a, [, v]) => a + v, 0);
      totalCells.push(`<td role="cell" colspan="${span}" class="num" data-label="${attr(columnHeader(l, c.column))}">${esc(formatNumber(total))}</td>`);
    }
  });
  return `<tfoot role="rowgroup"><tr role="row" class="sum">${lead(label(l, 'malskjema_sum'))}${sumCells}</tr><tr role="row" class="sum">${lead(label(l, 'malskjema_total'))}${totalCells.join('')}</tr></tfoot>`;
}
