// The `statusforklaring` block: the målskjema statuses this variant shows (a vedtak leaves out rows,
// and with them statuses no row of it has), in the order of the vocabulary, each with what it means.
import type { MalskjemaStatus, Section } from '../model/types.js';
import type { LayoutContext } from './context.js';
import { tablesOf, visibleRows } from '../model/malskjemaRows.js';
import { tag, tagList } from './tags.js';
import { label } from './labels.js';

/** The statuses of the rows `ctx.variant` shows in every målskjema of the document, in vocabulary order. */
export function shownStatuses(ctx: LayoutContext): MalskjemaStatus[] {
  const used = new Map<string, MalskjemaStatus>();
  const order: MalskjemaStatus[] = [];
  const visit = (s: Section): void => {
    for (const b of s.blocks) {
      if (b.kind !== 'malskjema') continue;
      const m = b.malskjema;
      order.push(...m.config.status.filter((st) => !order.some((o) => o.id === st.id)));
      for (const t of tablesOf(m)) {
        for (const r of visibleRows(t.rows, m.config, ctx.variant)) {
          const st = r.status ? m.config.status.find((x) => x.id === r.status!.value) : undefined;
          if (st) used.set(st.id, st);
        }
      }
    }
    s.sections.forEach(visit);
  };
  ctx.doc.chapters.forEach(visit);
  return order.filter((s) => used.has(s.id)).map((s) => used.get(s.id)!);
}

/** pdfmake nodes: a bullet list «Label: description», or a line saying no målskjema row has a status. */
export function statusLegend(ctx: LayoutContext): object[] {
  const shown = shownStatuses(ctx);
  if (shown.length === 0) return [tag({ text: label(ctx.labels, 'statusforklaring_empty'), style: 'p' }, { type: 'P' })];
  return [tagList({
    ul: shown.map((s) => ({ text: [{ text: s.label, bold: true }, ...(s.description ? [`: ${s.description}`] : [])], margin: [0, 0, 0, 2] })),
    style: 'list',
  })];
}
