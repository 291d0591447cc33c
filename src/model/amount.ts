// Reading an amount cell of a målskjema: the ONE place that decides what a written amount is. A YAML
// number, or a text as Norwegian writes amounts («1 200 000», «kr 200 000», «1 200 000 kr», decimal
// comma) read by the same parser as table and budget amounts.
import { parseNorwegianNumber } from '../validate/norwegianNumber.js';

/** The amount in kroner a cell's value says, or undefined when it is no amount (e.g. `x`, a percentage, a word). */
export function amountOf(raw: string | number): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  const parsed = parseNorwegianNumber(raw);
  return parsed.ok && parsed.unit !== '%' ? parsed.value : undefined;
}
