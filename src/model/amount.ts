// Reading an amount cell of a målskjema: the ONE place that decides what a written amount is. A YAML
// number, or a text as Norwegian writes amounts («1 200 000», «kr 200 000», «1 200 000 kr», decimal
// comma) read by the same parser as table and budget amounts, which also says what to write instead.
import { parseNorwegianNumber } from '../validate/norwegianNumber.js';

/** An amount in kroner, or why a value is none: `hint` says what to write when it looks like a number gone wrong. */
export type ReadAmount = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly hint?: string };

/** Read a cell's value as kroner; a text with digits that is no amount gets the parser's diagnosis (`1.200.000` → write 1 200 000). */
export function readAmount(raw: string | number): ReadAmount {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false };
  const parsed = parseNorwegianNumber(raw);
  if (parsed.ok) return parsed.unit === '%' ? { ok: false, hint: 'a percentage is no amount: write the amount in kroner, e.g. 200 000 or "200 000 kr"' } : { ok: true, value: parsed.value };
  // A word (x, «planlagt») is no number gone wrong: the catalogue's own hint says what the column takes.
  return /\d/.test(raw) ? { ok: false, hint: parsed.hint } : { ok: false };
}

/** The amount in kroner a cell's value says, or undefined when it is no amount (e.g. `x`, a percentage, a word). */
export function amountOf(raw: string | number): number | undefined {
  const r = readAmount(raw);
  return r.ok ? r.value : undefined;
}
