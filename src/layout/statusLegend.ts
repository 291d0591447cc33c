// The `statusforklaring` block: the målskjema statuses this variant shows (a vedtak leaves out rows,
// and with them statuses no row of it has), in the order of the vocabulary, each with what it means.
import type { LayoutContext } from './context.js';
import { shownStatuses } from '../model/malskjemaRows.js';
import { tag, tagList } from './tags.js';
import { label } from './labels.js';

/** pdfmake nodes: a bullet list «Label: description», or a line saying no målskjema row has a status. */
export function statusLegend(ctx: LayoutContext): object[] {
  const shown = shownStatuses(ctx.doc, ctx.variant);
  if (shown.length === 0) return [tag({ text: label(ctx.labels, 'statusforklaring_empty'), style: 'p' }, { type: 'P' })];
  return [tagList({
    ul: shown.map((s) => ({ text: [{ text: s.label, bold: true }, ...(s.description ? [`: ${s.description}`] : [])], margin: [0, 0, 0, 2] })),
    style: 'list',
  })];
}
