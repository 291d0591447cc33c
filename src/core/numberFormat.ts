// Numbers in the house format: 650 000 with a no-break space, decimal comma, −1 234 with a real
// minus sign. Shared by charts (ticks, value labels) and layout (tables, alt text), so it lives in core.

const integer = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });

/** Format a count or an amount in the house format. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? integer.format(n) : decimal.format(n);
}

/** A share of a whole as a percentage with one decimal at most: «40 %», «12,5 %». */
export function formatPercent(part: number, whole: number): string {
  const pct = whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
  return `${formatNumber(pct)}\u00a0%`;
}

/** An amount with its unit in the house format: «1 200 000 kr», «12,5 %» (no-break space before the unit). */
export function formatAmount(n: number, unit?: 'kr' | '%'): string {
  return unit ? `${formatNumber(n)}\u00a0${unit}` : formatNumber(n);
}
