// Table sums: one definition used both to check written totals and to print computed ones.
// A summed cell is a YAML number or a text written the Norwegian way («1 200 000 kr», «12,5»).
import { parseNorwegianNumber, type NumberUnit, type ParsedNumber } from './norwegianNumber.js';

/** A cell value as it appears in data: number, text or nothing. */
export type RawCell = string | number | null;

/** A cell read as a number: a YAML number as it is, a text through the Norwegian parser; null when empty. */
export function cellNumber(v: RawCell | undefined): ParsedNumber | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return { ok: true, value: v };
  if (v.trim() === '') return null;
  return parseNorwegianNumber(v);
}

const valueOf = (v: RawCell | undefined): number | undefined => {
  const p = cellNumber(v);
  return p === null ? 0 : p.ok ? p.value : undefined;
};

/** Sum of `columns` in one row (empty cells count 0); undefined if any of them is not a number. */
export function rowSum(row: readonly RawCell[], columns: readonly number[]): number | undefined {
  let sum = 0;
  for (const c of columns) {
    const v = valueOf(row[c]);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

/** Column sums over all rows, for each of `columns` (cells that are not numbers are left out). */
export function columnSums(rows: readonly (readonly RawCell[])[], columns: readonly number[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const c of columns) {
    let sum = 0;
    for (const row of rows) sum += valueOf(row[c]) ?? 0;
    sums.set(c, sum);
  }
  return sums;
}

/** The unit every number among `cells` is written with, if they agree on one («kr» or «%»). */
export function commonUnit(cells: readonly (RawCell | undefined)[]): NumberUnit | undefined {
  const units = new Set<NumberUnit | undefined>();
  for (const v of cells) {
    const p = cellNumber(v);
    if (p?.ok) units.add(p.unit);
  }
  return units.size === 1 ? [...units][0] : undefined;
}

/** Round away floating-point noise for money and counts (two decimals are enough). */
export function roundSum(n: number): number {
  return Math.round(n * 100) / 100;
}
