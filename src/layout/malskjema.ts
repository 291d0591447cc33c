// The målskjema as real tables: one table per KDP-mål, its two header rows repeated on every page,
// status shown as colour and as text. Each delmål is one outer row holding a nested table of its
// «dette vil vi oppnå» → «slik skal vi gjere det» → ansvar → years, so a delmål is never split
// over two pages (pdfmake's dontBreakRows); one too tall for a page is split into parts, each
// repeating the delmål with a continuation mark. In vedtak, «ikkje» rows are left out.
import type { Delmal, Inline, Malskjema, Tiltak, YearValue } from '../model/types.js';
import type { LayoutContext } from './context.js';
import { inlineText } from './inlines.js';
import { label } from './labels.js';
import { formatNumber } from './numbers.js';
import { COLOURS, LANDSCAPE_TEXT_WIDTH } from './styles.js';
import { tag, tagTable } from './tags.js';
import { VARIANT_RULES } from './variantRules.js';

/** The delmål a variant shows (VARIANT_RULES: vedtak leaves out those not part of this plan). */
export function visibleDelmal(delmal: readonly Delmal[], variant: LayoutContext['variant']): readonly Delmal[] {
  const out = VARIANT_RULES[variant].leavesOut;
  return out.length === 0 ? delmal : delmal.filter((d) => !out.includes(d.status));
}

const PAD = 3;
const LINE = 0.5;
const FONT_SIZE = 8;
/** Height a delmål may take before it is split into parts (landscape body minus header rows). */
const MAX_GROUP_HEIGHT = 360;

interface Geometry {
  /** Outer column widths: delmål, status, oppnå, tiltak, ansvar, years… */
  readonly widths: number[];
  /** Inner (nested) column widths for oppnå, tiltak, ansvar, years… */
  readonly inner: number[];
}

/** Fixed widths so the nested tables line up exactly with the header columns. */
function geometry(years: number): Geometry {
  const n = 5 + years;
  // Outer: columns 0–1 padded, 2… unpadded (the nested table pads them); n+1 vertical lines.
  const available = LANDSCAPE_TEXT_WIDTH - 2 * 2 * PAD - (n + 1) * LINE;
  const fixed = [128, 62, 0, 0, 78, ...Array.from({ length: years }, () => 38)];
  const flexible = (available - fixed.reduce((a, b) => a + b, 0)) / 2;
  const widths = fixed.map((w, i) => (i === 2 || i === 3 ? flexible : w));
  // Inner columns lose their padding; the spanning cell also holds the outer interior lines.
  const inner = widths.slice(2).map((w) => w - 2 * PAD);
  inner[0]! += ((n - 3) * LINE) / (n - 2);
  return { widths, inner };
}

const outerLayout = {
  hLineWidth: () => LINE,
  vLineWidth: () => LINE,
  hLineColor: () => '#8899a6',
  vLineColor: () => '#8899a6',
  paddingLeft: (i: number) => (i < 2 ? PAD : 0),
  paddingRight: (i: number) => (i < 2 ? PAD : 0),
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

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

function yearCell(v: YearValue | undefined): object {
  if (v === undefined) return { text: '' };
  if (v === 'x') return { text: 'X', alignment: 'center', bold: true };
  return { text: formatNumber(v), alignment: 'right', noWrap: true };
}

/** One line of a delmål: an oppnå statement (first of its tiltak only) and one tiltak. */
interface Line {
  readonly oppna?: readonly Inline[];
  readonly tiltak?: Tiltak;
}

function linesOf(d: Delmal): Line[] {
  const lines: Line[] = [];
  for (const o of d.oppna) {
    if (o.tiltak.length === 0) lines.push({ oppna: o.tekst });
    o.tiltak.forEach((t, i) => lines.push({ ...(i === 0 ? { oppna: o.tekst } : {}), tiltak: t }));
  }
  return lines.length > 0 ? lines : [{}];
}

/** A rough height estimate (Roboto averages about half an em per character). */
function estimateHeight(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (FONT_SIZE * 0.5)));
  const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
  return lines * FONT_SIZE * 1.25 + 4;
}

const plain = (c: readonly Inline[] | undefined): string => (c ?? []).map((r) => (r.kind === 'text' ? r.text : '')).join('');

function lineHeight(line: Line, g: Geometry): number {
  const tiltak = line.tiltak ? plain(line.tiltak.tekst) + (line.tiltak.plan ? `\n${line.tiltak.plan.title}` : '') : '';
  return Math.max(estimateHeight(plain(line.oppna), g.inner[0]!), estimateHeight(tiltak, g.inner[1]!), estimateHeight(line.tiltak?.ansvar ?? '', g.inner[2]!));
}

/** pdfmake nodes for one målskjema (all its KDP-mål). */
export function malskjemaNodes(m: Malskjema, ctx: LayoutContext): object[] {
  const l = ctx.labels;
  const g = geometry(m.years.length);
  const columns = g.widths.length;
  const out: object[] = [];
  for (const mal of m.mal) {
    const delmal = visibleDelmal(mal.delmal, ctx.variant);
    if (delmal.length === 0) continue;
    const title = [
      {
        text: [{ text: `${label(l, 'kdp_mal')} ${mal.nummer}: ` }, ...inlineText(mal.tekst, ctx.seenFootnotes)],
        style: 'malTitle', colSpan: columns, fillColor: ctx.accent, margin: [PAD, 3, PAD, 3],
      },
      ...Array.from({ length: columns - 1 }, () => ({})),
    ];
    const header = [
      label(l, 'malskjema_delmal'), label(l, 'malskjema_status'), label(l, 'malskjema_oppna'),
      label(l, 'malskjema_tiltak'), label(l, 'malskjema_ansvar'), ...m.years.map(String),
    ].map((t, i) => ({
      text: t, style: 'malskjemaHeader', fillColor: '#2f4f63',
      margin: i < 2 ? [0, 2, 0, 2] : [PAD, 2, PAD, 2], ...(i >= 5 ? { alignment: 'center' } : {}),
    }));
    const body: object[][] = [title, header];
    for (const d of delmal) body.push(...delmalRows(d, m.years, g, ctx));
    // Read aloud row by row: delmål → status (as text) → oppnå → tiltak → ansvar → years.
    out.push(tagTable({
      table: { headerRows: 2, dontBreakRows: true, keepWithHeaderRows: 1, widths: g.widths, body },
      layout: outerLayout,
      style: 'malskjema',
      margin: [0, 0, 0, 12],
    }, { caption: true }));
  }
  if (out.length === 0) out.push(tag({ text: label(l, 'malskjema_empty'), italics: true, style: 'p' }, { type: 'P' }));
  return out;
}

/** Outer rows for one delmål: usually one; parts of a too-tall delmål each repeat it. */
function delmalRows(d: Delmal, years: readonly number[], g: Geometry, ctx: LayoutContext): object[][] {
  const l = ctx.labels;
  const status = COLOURS.status[d.status];
  const parts: Line[][] = [[]];
  let height = 0;
  for (const line of linesOf(d)) {
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
      const t = line.tiltak;
      // Further tiltak of the same oppnå: no line across the oppnå column, so it reads as one cell.
      const continues = i > 0 && line.oppna === undefined;
      const nextContinues = lines[i + 1] !== undefined && lines[i + 1]!.oppna === undefined;
      return [
        { text: line.oppna ? inlineText(line.oppna, ctx.seenFootnotes) : '', border: [false, !continues, false, !nextContinues] },
        {
          text: t
            ? [
                ...inlineText(t.tekst, ctx.seenFootnotes),
                ...(t.plan ? [{ text: `\n${label(l, 'malskjema_plan_prefix')}: ${t.plan.title}`, italics: true, color: '#2f4f63' }] : []),
              ]
            : '',
        },
        { text: t?.ansvar ?? '' },
        ...years.map((y) => yearCell(t?.ar.get(y))),
      ];
    });
    const delmalText = [...inlineText(d.tekst, p === 0 ? ctx.seenFootnotes : undefined), ...(p > 0 ? [{ text: ` ${label(l, 'malskjema_continued')}`, italics: true, color: COLOURS.muted }] : [])];
    return [
      { text: delmalText, margin: [0, 2, 0, 2] },
      { text: `● ${label(l, `status_${d.status}`)}`, fillColor: status.fill, color: status.text, fontSize: 7.5, bold: true, margin: [0, 2, 0, 2] },
      { table: { widths: g.inner, body: inner, dontBreakRows: true }, layout: innerLayout, colSpan: g.widths.length - 2 },
      ...Array.from({ length: g.widths.length - 3 }, () => ({})),
    ];
  });
}
