// Budget tables: start row, groups with their rows and sums, total and result — every sum computed.
import type { Budget, BudgetLine } from '../model/types.js';
import type { LayoutContext } from './context.js';
import { label } from './labels.js';
import { formatNumber } from './numbers.js';
import { COLOURS } from './styles.js';

function line(l: BudgetLine, style: { bold?: boolean; fillColor?: string }): object[] {
  return [{ text: l.label, ...style }, ...l.values.map((v) => ({ text: formatNumber(v), alignment: 'right', noWrap: true, ...style }))];
}

/** The budget's table body: header, then rows in order with sums where the data asks for them. */
export function budgetTable(b: Budget, ctx: LayoutContext): { widths: (string | number)[]; body: object[][] } {
  const n = b.columns.length + 1;
  const header = [
    { text: b.unit ? `${label(ctx.labels, 'budget_amounts_in')} ${b.unit}` : '', style: 'tableHeader', fillColor: ctx.accent },
    ...b.columns.map((c) => ({ text: c, style: 'tableHeader', fillColor: ctx.accent, alignment: 'right' })),
  ];
  const body: object[][] = [header];
  if (b.start) body.push(line(b.start, { bold: true }));
  for (const g of b.groups) {
    if (g.name) body.push([{ text: g.name, bold: true, colSpan: n, fillColor: '#f1f4f6' }, ...Array.from({ length: n - 1 }, () => ({}))]);
    for (const r of g.rows) body.push(line(r, {}));
    if (g.sum) body.push(line(g.sum, { bold: true }));
  }
  if (b.total) body.push(line(b.total, { bold: true, fillColor: COLOURS.accentLight }));
  if (b.result) body.push(line(b.result, { bold: true, fillColor: COLOURS.accentLight }));
  return { widths: ['*', ...b.columns.map(() => 'auto')], body };
}
