// The målskjema as real tables: one table per KDP-mål, header rows repeated on every page,
// rows never split, status shown as colour and as text. In vedtak, «ikkje» rows are left out.
import type { Delmal, Malskjema, Tiltak, YearValue } from '../model/types.js';
import type { LayoutContext } from './context.js';
import { inlineText } from './inlines.js';
import { label } from './labels.js';
import { formatNumber } from './numbers.js';
import { COLOURS } from './styles.js';

/** The delmål a variant shows: vedtak leaves out those not part of this plan. */
export function visibleDelmal(delmal: readonly Delmal[], variant: LayoutContext['variant']): readonly Delmal[] {
  return variant === 'vedtak' ? delmal.filter((d) => d.status !== 'ikkje') : delmal;
}

function yearCell(v: YearValue | undefined): object {
  if (v === undefined) return { text: '' };
  if (v === 'x') return { text: 'X', alignment: 'center', bold: true };
  return { text: formatNumber(v), alignment: 'right', noWrap: true };
}

/** pdfmake cell border [left, top, right, bottom]: lines inside a merged-looking group are left out. */
const border = (top: boolean, bottom: boolean): boolean[] => [true, top, true, bottom];

/** pdfmake nodes for one målskjema (all its KDP-mål). */
export function malskjemaNodes(m: Malskjema, ctx: LayoutContext): object[] {
  const l = ctx.labels;
  const out: object[] = [];
  const nYears = m.years.length;
  const widths = [128, 62, '*', '*', 78, ...m.years.map(() => 38)];
  const columns = 5 + nYears;
  let shown = 0;
  for (const mal of m.mal) {
    const delmal = visibleDelmal(mal.delmal, ctx.variant);
    if (delmal.length === 0) continue;
    shown++;
    const body: object[][] = [];
    body.push([
      {
        text: [{ text: `${label(l, 'kdp_mal')} ${mal.nummer}: ` }, ...inlineText(mal.tekst, ctx.seenFootnotes)],
        style: 'malTitle', colSpan: columns, fillColor: COLOURS.accent, margin: [2, 3, 2, 3],
      },
      ...Array.from({ length: columns - 1 }, () => ({})),
    ]);
    body.push([
      label(l, 'malskjema_delmal'), label(l, 'malskjema_status'), label(l, 'malskjema_oppna'),
      label(l, 'malskjema_tiltak'), label(l, 'malskjema_ansvar'), ...m.years.map(String),
    ].map((t, i) => ({ text: t, style: 'malskjemaHeader', fillColor: '#2f4f63', ...(i >= 5 ? { alignment: 'center' } : {}) })));
    for (const d of delmal) body.push(...delmalRows(d, m.years, ctx));
    out.push({
      table: { headerRows: 2, dontBreakRows: true, keepWithHeaderRows: 1, widths, body },
      layout: {
        hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#8899a6', vLineColor: () => '#8899a6',
        paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 2, paddingBottom: () => 2,
      },
      style: 'malskjema',
      margin: [0, 0, 0, 12],
    });
  }
  if (shown === 0) out.push({ text: label(l, 'malskjema_empty'), italics: true, style: 'p' });
  return out;
}

function delmalRows(d: Delmal, years: readonly number[], ctx: LayoutContext): object[][] {
  const l = ctx.labels;
  const status = COLOURS.status[d.status];
  type Line = { oppna?: object[]; tiltak?: Tiltak };
  const lines: Line[] = [];
  for (const o of d.oppna) {
    const oppna = inlineText(o.tekst, ctx.seenFootnotes);
    if (o.tiltak.length === 0) lines.push({ oppna });
    o.tiltak.forEach((t, i) => lines.push({ ...(i === 0 ? { oppna } : {}), tiltak: t }));
  }
  if (lines.length === 0) lines.push({});
  return lines.map((line, i) => {
    const first = i === 0;
    const last = i === lines.length - 1;
    const group = border(first, last);
    const next = lines[i + 1];
    const oppnaBorder = border(first || line.oppna !== undefined, last || next?.oppna !== undefined);
    const t = line.tiltak;
    const tiltakText = t
      ? [
          ...inlineText(t.tekst, ctx.seenFootnotes),
          ...(t.plan ? [{ text: `\n${label(l, 'malskjema_plan_prefix')}: ${t.plan.title}`, italics: true, color: '#2f4f63' }] : []),
        ]
      : '';
    return [
      first ? { text: inlineText(d.tekst, ctx.seenFootnotes), border: group } : { text: '', border: group },
      first
        ? { text: `● ${label(l, `status_${d.status}`)}`, fillColor: status.fill, color: status.text, fontSize: 7.5, bold: true, border: group }
        : { text: '', fillColor: status.fill, border: group },
      { text: line.oppna ?? '', border: oppnaBorder },
      { text: tiltakText },
      { text: t?.ansvar ?? '' },
      ...years.map((y) => yearCell(t?.ar.get(y))),
    ];
  });
}
