// Blocks of the model → pdfmake nodes. What a variant shows comes from VARIANT_RULES (variantRules.ts).
import { isNumberColumn, shownCells, shownColumns } from './tableColumns.js';
import type { Block, Cell, ChartBlock, Inline, TableBlock } from '../model/types.js';
import type { LayoutContext } from './context.js';
import { addressFragment, inlineText, withUnbrokenRanges } from './inlines.js';
import { label } from './labels.js';
import { planTypeNote, planUsage, servesLine } from './lists.js';
import { malskjemaNodes } from './malskjema.js';
import { formatAmount, formatNumber } from './numbers.js';
import { COLOURS, PORTRAIT_TEXT_WIDTH, TEXT_COLUMN_WIDTH } from './styles.js';
import { trappNodes } from './trapp.js';
import { tag, tagList, tagTable } from './tags.js';
import { KEEP_WHOLE_TABLE_ROWS, MIN_TABLE_ROWS_PER_PAGE } from './nodes.js';
import { chartAlt, trappAlt } from './altText.js';
import { CHART_SIZE } from '../charts/chartSize.js';
import { ganttNodes, milestoneRows } from './framdrift.js';
import { budgetTable } from './budget.js';
import { satsingNodes } from './satsing.js';
import { statusLegend } from './statusLegend.js';
import { VARIANT_RULES } from './variantRules.js';

const CHECK_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M1.5 5.2 L4 7.8 L8.7 2" fill="none" stroke="#1e6b3a" stroke-width="1.6"/></svg>';

/** pdfmake nodes for one block (`next` the block after it, if any); an empty list when the variant does not show it. */
export function blockNodes(b: Block, ctx: LayoutContext, next?: Block): object[] {
  // Every block kind has a case below; the compiler checks the switch is exhaustive.
  const l = ctx.labels;
  const seen = ctx.seenFootnotes;
  switch (b.kind) {
    case 'paragraph':
      // A lead-in («Aktuelle døme er:») stays on a page with the start of what it introduces; so does the
      // paragraph right before a målskjema («Målskjemaet under dekkjer …»), with its hovudmål and first rows.
      return [tag({ text: inlineText(b.content, seen), style: 'p', ...(isLeadIn(b.content) || next?.kind === 'malskjema' ? { keepWithNext: true } : {}) }, { type: 'P' })];
    case 'heading':
      // A run-in heading is not a numbered section: tagged as a paragraph, so heading levels never skip.
      return [tag({ text: b.text, style: 'runIn', keepWithNext: true }, { type: 'P' })];
    case 'list': {
      const items = b.items.map((i) => ({ text: inlineText(i, seen) }));
      if (b.style === 'bullet') return [tagList({ ul: items, style: 'list' })];
      if (b.style === 'numbered') return [tagList({ ol: items, style: 'list' })];
      if (b.style === 'lettered') return [tagList({ ol: items, type: 'lower-alpha', separator: ['', ')'], style: 'list' })];
      return [tag({
        stack: items.map((i) => tag({
          columns: [tag({ svg: CHECK_SVG, width: 9, margin: [0, 2, 0, 0] }, { type: 'Artifact' }), { ...i, width: '*' }],
          columnGap: 6, margin: [0, 0, 0, 2],
        }, { type: 'LI' })),
        style: 'list',
      }, { type: 'L' })];
    }
    case 'quote':
      return [tag({
        table: {
          widths: ['*'],
          body: [[{
            stack: [
              { text: ['«', ...inlineText(b.content, seen), '»'], style: 'quote' },
              ...(b.source ? [{ text: `(${b.source})`, style: 'quoteSource' }] : []),
            ],
          }]],
        },
        layout: {
          hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 : 0), vLineColor: () => COLOURS.rule,
          paddingLeft: () => 10, paddingTop: () => 2, paddingBottom: () => 2,
        },
        margin: [12, 2, 12, 10],
      }, { type: 'BlockQuote' })];
    case 'note':
      if (!VARIANT_RULES[ctx.variant].showsNotes) return [];
      return [tag({
        // A boxed table the engine cannot measure ahead: its height as estimated, for the keep rules.
        estimatedHeight: noteHeight(`${label(l, 'internal_note')}: ${plainText(b.content)}`),
        table: {
          widths: ['*'],
          body: [[{ text: [{ text: `${label(l, 'internal_note')}: `, bold: true }, ...inlineText(b.content, seen)], fillColor: COLOURS.noteFill }]],
        },
        layout: {
          hLineWidth: () => 1, vLineWidth: () => 1, hLineColor: () => COLOURS.noteBorder, vLineColor: () => COLOURS.noteBorder,
          paddingLeft: () => 8, paddingRight: () => 8, paddingTop: () => 6, paddingBottom: () => 6,
        },
        margin: [0, 4, 0, 10],
      }, { type: 'Note' })];
    case 'table':
      return tableNodes(b, ctx);
    case 'chart':
      return chartNodes(b, ctx);
    case 'trapp':
      return [tag({
        stack: [
          tag({ stack: trappNodes(b.trapp, l) }, { type: 'Figure', alt: trappAlt(b.trapp, l), blockId: b.id }),
          tag({ text: `${label(l, 'figure')} ${b.number}: ${b.caption}`, style: 'caption', margin: [0, 6, 0, 2] }, { type: 'Caption' }),
          ...sourceLine(b.source, l),
        ],
        keepWhole: true,
      }, { type: 'Div', blockId: b.id })];
    case 'image': {
      const width = Math.min(b.width ?? PORTRAIT_TEXT_WIDTH, PORTRAIT_TEXT_WIDTH);
      const height = (width * b.image.height) / b.image.width;
      return [tag({
        stack: [
          tag({ image: `data:${b.image.mime};base64,${Buffer.from(b.image.bytes).toString('base64')}`, width, height, alignment: 'center' }, { type: 'Figure', alt: b.alt, blockId: b.id }),
          tag({ text: `${label(l, 'figure')} ${b.number}: ${b.caption}`, style: 'caption' }, { type: 'Caption' }),
          ...sourceLine(b.source, l),
        ],
        keepWhole: true,
        margin: [0, 4, 0, 0],
      }, { type: 'Div', blockId: b.id })];
    }
    case 'fakta': {
      const table = { widths: [140, '*'], dontBreakRows: true, body: b.rows.map((r) => [{ text: r.label, bold: true, fillColor: '#f1f4f6' }, cellNode(r.value, ctx, 'left')]) };
      return [
        tagTable({
          ...splitRule(table),
          table: b.caption ? withCaption(`${label(l, 'table')} ${b.number}: ${b.caption}`, table) : table,
          layout: (b.caption ? captionLayout : (x: object) => x)({ hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => COLOURS.rule, vLineColor: () => COLOURS.rule }),
          style: 'tableCell',
          margin: [0, 0, 0, 10],
        } as { table: { body: unknown[][] } }, { caption: b.caption !== undefined, rowHeaders: true }),
      ];
    }
    case 'framdrift':
      return [tag({
        stack: [
          ...ganttNodes(b.framdrift, ctx).map((n) => tagTable(n as { table: { body: unknown[][] } })),
          tag({ text: `${label(l, 'figure')} ${b.number}: ${b.caption}${b.framdrift.illustrative ? ` (${label(l, 'framdrift_approximate')})` : ''}`, style: 'caption', margin: [0, 6, 0, 2] }, { type: 'Caption' }),
          ...sourceLine(b.source, l),
        ],
        keepWhole: true,
      }, { type: 'Div' })];
    case 'milepelar':
      return captioned(b, 'table', {
        table: {
          headerRows: 1, dontBreakRows: true, widths: ['*', 'auto'],
          body: [
            [label(l, 'milepel'), label(l, 'milepel_time')].map((t) => ({ text: t, style: 'tableHeader', fillColor: ctx.accent })),
            ...milestoneRows(b.framdrift, ctx),
          ],
        },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => COLOURS.rule, vLineColor: () => COLOURS.rule },
        style: 'tableCell',
      }, ctx);
    case 'budsjett': {
      const t = budgetTable(b.budget, ctx);
      return captioned(b, 'table', {
        table: { headerRows: 1, dontBreakRows: true, ...t },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => COLOURS.rule, vLineColor: () => COLOURS.rule, paddingTop: () => 2, paddingBottom: () => 2 },
        style: 'tableCell',
      }, ctx);
    }
    case 'satsing':
      return satsingNodes(b, ctx);
    case 'malskjema':
      return malskjemaNodes(b.malskjema, ctx);
    case 'planliste': {
      const usage = planUsage(ctx.doc, ctx.variant);
      if (usage.length === 0) return [tag({ text: label(l, 'planliste_empty'), style: 'p' }, { type: 'P' })];
      return [tagList({
        ol: usage.map((u) => {
          const serves = servesLine(l, u);
          return {
            text: [
              ...withUnbrokenRanges(u.plan.title, { bold: true }),
              planTypeNote(l, u.plan) ?? '',
              ...(u.plan.note ? [` – ${u.plan.note}`] : []),
              ...(serves ? [{ text: `\n${serves}`, color: COLOURS.muted, fontSize: 9 }] : []),
            ],
            margin: [0, 0, 0, 4],
          };
        }),
        style: 'list',
      })];
    }
    case 'statusforklaring':
      return statusLegend(ctx);
    case 'kjelder':
      return [tagList({
        ul: ctx.doc.kjelder.map((k) => ({
          text: [...withUnbrokenRanges(k.text), ...(k.url ? [' ', { text: k.url, link: k.url, color: COLOURS.accent, ...addressFragment(k.url) }] : [])],
          margin: [0, 0, 0, 3],
        })),
        style: 'list',
      })];
  }
}

const plainText = (content: readonly Inline[]): string => content.map((r) => (r.kind === 'text' ? r.text : '')).join('');

/** Estimated height of a boxed note in the text column (Roboto averages about half an em per character). */
function noteHeight(text: string): number {
  const perLine = Math.floor(((TEXT_COLUMN_WIDTH - 18) / (10.5 * 0.5)) * 0.9);
  return Math.ceil(text.length / perLine) * 10.5 * 1.2 + 14;
}

/** A paragraph that ends in a colon introduces what follows it. */
function isLeadIn(content: readonly Inline[]): boolean {
  const last = [...content].reverse().find((r) => r.kind === 'text' && r.text.trim() !== '');
  return last !== undefined && last.kind === 'text' && last.text.trimEnd().endsWith(':');
}

/** The source line under a figure or table (or the space it would take). */
function sourceLine(source: string | undefined, l: LayoutContext['labels']): object[] {
  return source ? [tag({ text: `${label(l, 'source')}: ${source}`, style: 'source' }, { type: 'P' })] : [{ text: '', margin: [0, 0, 0, 8] }];
}

function cellNode(c: Cell, ctx: LayoutContext, alignment: 'left' | 'right' = 'right'): object {
  if (c.kind === 'number') return { text: formatAmount(c.value, c.unit), alignment, noWrap: true };
  if (c.kind === 'empty') return { text: '' };
  if (c.kind === 'list') return tagList({ ul: c.items.map((i) => ({ text: inlineText(i, ctx.seenFootnotes) })) });
  return { text: inlineText(c.content, ctx.seenFootnotes) };
}

/** The parts of a pdfmake table this module builds. */
interface TableSpec {
  readonly headerRows?: number;
  readonly dontBreakRows?: boolean;
  readonly widths: readonly unknown[];
  readonly body: object[][];
}

/**
 * The caption as the table's first header row: it can never be left behind at the foot of a page
 * (pdfmake keeps header rows with the first body row) and it is repeated when the table continues.
 */
function withCaption(caption: string, table: TableSpec): object {
  const n = table.widths.length;
  const row = [{ text: caption, style: 'caption', colSpan: n, border: [false, false, false, false], margin: [-4, 0, 0, 2] }, ...Array.from({ length: n - 1 }, () => ({}))];
  const bodyRows = table.body.length - (table.headerRows ?? 0);
  return { ...table, headerRows: (table.headerRows ?? 0) + 1, keepWithHeaderRows: Math.min(MIN_TABLE_ROWS_PER_PAGE, Math.max(1, bodyRows)), body: [row, ...table.body] };
}

/** The split rule of a table (nodes.ts): a short one is kept whole; a longer one may break between rows. */
function splitRule(table: { readonly body: readonly unknown[]; readonly headerRows?: number }): { keepWhole?: true } {
  return table.body.length - (table.headerRows ?? 0) <= KEEP_WHOLE_TABLE_ROWS ? { keepWhole: true } : {};
}

/** A table layout with no rule above the caption row. */
function captionLayout(layout: Record<string, unknown>): object {
  const h = layout.hLineWidth as ((i: number, node: unknown) => number) | undefined;
  return { ...layout, hLineWidth: (i: number, node: unknown) => (i === 0 ? 0 : h ? h(i, node) : 1) };
}

/** A numbered table with its caption (in the table) and the source line below. */
function captioned(b: { id: string; number: number; caption: string; source?: string }, kind: 'table', node: { table: TableSpec; layout?: object; style?: string }, ctx: LayoutContext): object[] {
  const l = ctx.labels;
  return [
    tagTable({ ...node, ...splitRule(node.table), table: withCaption(`${label(l, kind)} ${b.number}: ${b.caption}`, node.table) as TableSpec, layout: captionLayout((node.layout ?? {}) as Record<string, unknown>), margin: [0, 0, 0, 3] }, { caption: true }),
    ...sourceLine(b.source, l),
  ];
}

function tableNodes(t: TableBlock, ctx: LayoutContext): object[] {
  const l = ctx.labels;
  const cols = shownColumns(t);
  const pick = <T>(row: readonly T[]): T[] => cols.map((i) => row[i]!);
  const header = cols.map((i) => ({ text: t.header[i]!, style: 'tableHeader', fillColor: ctx.accent, ...(isNumberColumn(t, i) ? { alignment: 'right' } : {}) }));
  const cells = (r: readonly Cell[]): Cell[] => shownCells(cols, r);
  const rows = t.rows.map((r) => cells(r).map((c) => cellNode(c, ctx)));
  const totals = t.totalsRow ? [cells(t.totalsRow).map((c) => ({ ...cellNode(c, ctx), bold: true, fillColor: COLOURS.accentLight }))] : [];
  const widths = t.widths ? pick(t.widths) : cols.map((_, i) => (i === 0 ? 'auto' : '*'));
  const table: TableSpec = { headerRows: 1, dontBreakRows: true, widths, body: [header, ...rows, ...totals] };
  return [
    tagTable({
      ...splitRule(table),
      table: withCaption(`${label(l, 'table')} ${t.number}: ${t.caption}`, table) as TableSpec,
      layout: captionLayout({
        hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => COLOURS.rule, vLineColor: () => COLOURS.rule,
        paddingTop: () => 2, paddingBottom: () => 2,
      }),
      style: 'tableCell',
      margin: [0, 0, 0, 3],
    }, { caption: true }),
    ...sourceLine(t.source, l),
  ];
}

function chartNodes(c: ChartBlock, ctx: LayoutContext): object[] {
  const l = ctx.labels;
  const svg = ctx.charts.get(c.id);
  const width = Math.min(PORTRAIT_TEXT_WIDTH, 460);
  const caption = `${label(l, 'figure')} ${c.number}: ${c.caption}${c.chart.illustrative ? ` (${label(l, 'illustrative_short')})` : ''}`;
  return [tag({
    stack: [
      ...(svg ? [tag({ svg, chart: { id: c.id }, width, height: (width * CHART_SIZE.height) / CHART_SIZE.width, alignment: 'center' }, { type: 'Figure', alt: chartAlt(c.chart, l), blockId: c.id })] : []),
      tag({ text: caption, style: 'caption' }, { type: 'Caption' }),
      ...sourceLine(c.source, l),
    ],
    keepWhole: true,
    margin: [0, 4, 0, 0],
  }, { type: 'Div', blockId: c.id })];
}
