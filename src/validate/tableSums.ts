// Table sums: one definition used both to check written totals and to print computed ones.

/** A cell value as it appears in data: number, text or nothing. */
export type RawCell = string | number | null;

/** Sum of `columns` in one row; undefined if any of them is not a number. */
export function rowSum(row: readonly RawCell[], columns: readonly number[]): number | undefined {
  let sum = 0;
  for (const c of columns) {
    const v = row[c];
    if (typeof v !== 'number') return undefined;
    sum += v;
  }
  return sum;
}

/** Column sums over all rows, for each of `columns` (and the row-sum column when `withRowSum`). */
export function columnSums(rows: readonly (readonly RawCell[])[], columns: readonly number[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const c of columns) {
    let sum = 0;
    for (const row of rows) {
      const v = row[c];
      if (typeof v === 'number') sum += v;
    }
    sums.set(c, sum);
  }
  return sums;
}

/** Round away floating-point noise for money and counts (two decimals are enough). */
export function roundSum(n: number): number {
  return Math.round(n * 100) / 100;
}
