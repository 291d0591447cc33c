// Budget arithmetic: one definition used both to check written sums and to print computed ones.

export interface BudgetRow {
  readonly label: string;
  readonly values?: readonly number[];
}

export interface BudgetData {
  readonly columns: readonly string[];
  readonly rounding?: number;
  readonly start?: BudgetRow;
  readonly groups: readonly { readonly name?: string; readonly rows: readonly BudgetRow[]; readonly sum?: BudgetRow }[];
  readonly total?: BudgetRow;
  readonly result?: BudgetRow;
}

const add = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x + (b[i] ?? 0));
const round = (xs: number[]): number[] => xs.map((x) => Math.round(x * 100) / 100);

/** Computed sums: per group, the total of all groups, and start + total. */
export function budgetSums(b: BudgetData): { groups: number[][]; total: number[]; result: number[] | undefined } {
  const zero = b.columns.map(() => 0);
  const groups = b.groups.map((g) => round(g.rows.reduce((acc, r) => add(acc, r.values ?? zero), zero)));
  const total = round(groups.reduce((acc, g) => add(acc, g), zero));
  const result = b.start?.values ? round(add(b.start.values, total)) : undefined;
  return { groups, total, result };
}

/** Indexes of columns where `written` differs from `computed` by more than `tolerance`. */
export function mismatches(written: readonly number[] | undefined, computed: readonly number[], tolerance: number): number[] {
  if (!written) return [];
  return computed.flatMap((c, i) => (written[i] !== undefined && Math.abs(written[i]! - c) > tolerance + 1e-9 ? [i] : []));
}
