// Reading an amount cell of a målskjema: the ONE place that decides what a written amount is, so a
// fuller reader of Norwegian amounts («1 200 000», «kr 200 000», decimal comma) can replace it.

/** The amount in kroner a cell's value says, or undefined when it is no amount (e.g. `x`). */
export function amountOf(raw: string | number): number | undefined {
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
}
