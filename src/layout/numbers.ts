// Numbers the Norwegian way: the house format lives in core/numberFormat.ts (charts use it too).
export { formatAmount, formatNumber } from '../core/numberFormat.js';
