// Milestone times in the milepælsplan: one month or day, or a period, in each language form.
import { describe, expect, it } from 'vitest';
import { formatMonthOrDate, formatPeriod } from '../../src/layout/framdrift.js';
import { labelsFor } from '../../src/layout/labels.js';

describe('milestone periods', () => {
  const nb = labelsFor('nb');
  const nn = labelsFor('nn');
  it('prints one month or one day', () => {
    expect(formatMonthOrDate(nb, '2024-06')).toBe('juni 2024');
    expect(formatMonthOrDate(nn, '2024-05-03')).toBe('3.\u00a0mai 2024');
  });
  it('prints a period, with the year once when both ends share it and are written alike', () => {
    expect(formatPeriod(nb, '2024-08', '2025-05')).toBe('august 2024 – mai 2025');
    expect(formatPeriod(nb, '2025-06', '2025-08')).toBe('juni – august 2025');
    expect(formatPeriod(nb, '2024-03-22', '2024-05-03')).toBe('22.\u00a0mars – 3.\u00a0mai 2024');
    expect(formatPeriod(nb, '2024-03', '2024-05-03')).toBe('mars 2024 – 3.\u00a0mai 2024');
    expect(formatPeriod(nn, '2023-12-01', '2024-01-31')).toBe('1.\u00a0desember 2023 – 31.\u00a0januar 2024');
  });
  it('takes the month names from the language form', () => {
    expect(formatPeriod(nn, '2024-01', '2024-02')).toBe(`${nn.months![0]} – ${nn.months![1]} 2024`);
  });
});
