// A satsingsområde: title, the FN-berekraftsmål it serves (number, colour and name from the label
// files), then «Her er vi», «Slik vil vi ha det», «Slik kjem vi dit» — the same layout every time.
import type { Block } from '../model/types.js';
import type { LayoutContext } from './context.js';
import { inlineText } from './inlines.js';
import { label } from './labels.js';
import { tag, tagList } from './tags.js';
import { textColourOn } from '../charts/contrast.js';

/** The official colours of the 17 goals, so the marks are recognisable. */
const SDG_COLOURS = ['#E5243B', '#DDA63A', '#4C9F38', '#C5192D', '#FF3A21', '#26BDE2', '#FCC30B', '#A21942', '#FD6925', '#DD1367', '#FD9D24', '#BF8B2E', '#3F7E44', '#0A97D9', '#56C02B', '#00689D', '#19486A'];

/** The official colour of goal `n`; its number is printed dark or white, whichever reads at 4.5:1 or better. */
const sdgColour = (n: number): string => SDG_COLOURS[n - 1] ?? '#555555';

export function satsingNodes(b: Extract<Block, { kind: 'satsing' }>, ctx: LayoutContext): object[] {
  const l = ctx.labels;
  const seen = ctx.seenFootnotes;
  const goals = b.berekraftsmal.map((n) => ({
    columns: [
      tag({ width: 22, table: { widths: [16], body: [[{ text: String(n), bold: true, color: textColourOn(sdgColour(n)), alignment: 'center', fillColor: sdgColour(n), fontSize: 9 }]] }, layout: 'noBorders' }, { type: 'Artifact' }),
      tag({ width: '*', text: [{ text: `${label(l, 'sdg')} ${n}: `, bold: true }, label(l, `sdg_${n}`)], margin: [2, 2, 0, 0], fontSize: 9.5 }, { type: 'P' }),
    ],
    margin: [0, 0, 0, 3],
  }));
  const part = (key: string, items: readonly (readonly object[])[], bullets: boolean): object[] => [
    tag({ text: label(l, key), style: 'runIn', color: ctx.accent, keepWithNext: true }, { type: 'P' }),
    bullets ? tagList({ ul: items.map((i) => ({ text: i })), style: 'list' }) : { stack: items.map((i) => tag({ text: i, style: 'p' }, { type: 'P' })) },
  ];
  return [tag({
    stack: [
      ...(b.title ? [tag({ text: b.title, style: 'h3', color: ctx.accent, keepWithNext: true, margin: [0, 12, 0, 6] }, { type: 'P' })] : []),
      ...goals,
      ...part('satsing_her_er_vi', b.herErVi.map((i) => inlineText(i, seen)), false),
      ...part('satsing_slik_vil_vi', b.slikVilVi.map((i) => inlineText(i, seen)), true),
      ...part('satsing_slik_kjem_vi_dit', b.slikKjemViDit.map((i) => inlineText(i, seen)), true),
    ],
  }, { type: 'Sect' })];
}
