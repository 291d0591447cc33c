// Numbers the Norwegian way: 650 000 with a no-break space, −1 234 with a real minus sign.

const integer = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });

/** Format a count or an amount for tables. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? integer.format(n) : decimal.format(n);
}

/** An amount with its unit in the house format: «1 200 000 kr», «12,5 %» (no-break space before the unit). */
export function formatAmount(n: number, unit?: 'kr' | '%'): string {
  return unit ? `${formatNumber(n)}\u00a0${unit}` : formatNumber(n);
}
