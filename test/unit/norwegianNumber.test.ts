// The Norwegian number parser: every written form it accepts, every form it refuses with the hint it
// gives, and that the house format (formatAmount) reads back to the same value and unit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatNumber } from '../../src/layout/numbers.js';
import { parseNorwegianNumber } from '../../src/validate/norwegianNumber.js';
import { cellNumber, columnSums, commonUnit, rowSum } from '../../src/validate/tableSums.js';

const GENERAL = 'write digits with a space between groups of three and a decimal comma, e.g. 1 200 000, 12,5, 1 200 000 kr or 12,5 %';

describe('parseNorwegianNumber', () => {
  const accepted: [string, number, ('kr' | '%')?][] = [
    ['1200000', 1200000],
    ['1 200 000', 1200000],
    ['1\u00a0200\u00a0000', 1200000],
    ['1\u202f200\u202f000', 1200000],
    ['1\u2009200\u2009000', 1200000],
    ['1 200 000 kr', 1200000, 'kr'],
    ['1 200 000kr', 1200000, 'kr'],
    ['kr 200 000', 200000, 'kr'],
    ['kr. 200 000', 200000, 'kr'],
    ['Kr 5', 5, 'kr'],
    ['200 000,-', 200000, 'kr'],
    ['-1 200', -1200],
    ['\u22121 200', -1200],
    ['kr -1 200', -1200, 'kr'],
    ['12,5', 12.5],
    ['12,5 %', 12.5, '%'],
    ['12,5%', 12.5, '%'],
    ['\u221212,5\u00a0%', -12.5, '%'],
    ['1 200,75', 1200.75],
    ['0', 0],
    ['-0', 0],
    ['  7  ', 7],
  ];
  for (const [text, value, unit] of accepted) {
    it(`reads ${JSON.stringify(text)}`, () => {
      expect(parseNorwegianNumber(text)).toEqual(unit ? { ok: true, value, unit } : { ok: true, value });
    });
  }

  const refused: [string, string][] = [
    ['1.200.000', 'write 1 200 000: thousands are separated by a space in Norwegian, not by a full stop'],
    ['1.200', 'write 1 200: thousands are separated by a space in Norwegian, not by a full stop'],
    ['1,200,000', 'write 1 200 000: thousands are separated by a space in Norwegian, and the decimal mark is a comma'],
    ['1,200.50', 'write 1 200,50: thousands are separated by a space in Norwegian, and the decimal mark is a comma'],
    ['12.5', 'write 12,5: the decimal mark in Norwegian is a comma'],
    ['12 00', `the digits are not grouped by three from the right (12 00); ${GENERAL}`],
    ['1 2000', `the digits are not grouped by three from the right (1 2000); ${GENERAL}`],
    ['\u20135', `a minus is written with a hyphen (-) or a minus sign (−), not a dash (–): ${GENERAL}`],
    ['5 plassar', GENERAL],
    ['kr', GENERAL],
    ['ca. 200', GENERAL],
    ['1,2,3', GENERAL],
    ['12,', GENERAL],
    ['', `the cell is empty; ${GENERAL}`],
  ];
  for (const [text, hint] of refused) {
    it(`refuses ${JSON.stringify(text)} and says what to write`, () => {
      expect(parseNorwegianNumber(text)).toEqual({ ok: false, hint });
    });
  }

  it('reads back what the house format prints, with its unit (property)', () => {
    const unit = fc.constantFrom<'kr' | '%' | undefined>(undefined, 'kr', '%');
    const amount = fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: -1e8, max: 1e8 }).map((n) => n / 100));
    fc.assert(fc.property(amount, unit, (n, u) => {
      const parsed = parseNorwegianNumber(formatAmount(n, u));
      expect(parsed).toEqual(u ? { ok: true, value: n, unit: u } : { ok: true, value: n });
    }));
  });

  it('reads any grouping separator between groups of three (property)', () => {
    const sep = fc.constantFrom(' ', '\u00a0', '\u202f', '\u2009');
    fc.assert(fc.property(fc.integer({ min: 1000, max: 1e12 }), sep, (n, s) => {
      const text = formatNumber(n).replace(/\u00a0/g, s);
      expect(parseNorwegianNumber(text)).toEqual({ ok: true, value: n });
    }));
  });
});

describe('table sums with Norwegian-written cells', () => {
  it('sums written amounts and keeps a unit the column agrees on', () => {
    const rows = [['A', '1 200 000 kr', 'kr 200 000'], ['B', '\u22121 200 kr', 12.5], ['C', null, '']];
    expect(rowSum(rows[0]!, [1, 2])).toBe(1400000);
    expect(rowSum(rows[2]!, [1, 2])).toBe(0);
    expect(rowSum(['D', '5 plassar', 1], [1, 2])).toBeUndefined();
    expect([...columnSums(rows, [1, 2])]).toEqual([[1, 1198800], [2, 200012.5]]);
    expect(commonUnit(rows.map((r) => r[1]))).toBe('kr');
    expect(commonUnit(rows.map((r) => r[2]))).toBeUndefined();
    expect(cellNumber('1.200')).toEqual({ ok: false, hint: 'write 1 200: thousands are separated by a space in Norwegian, not by a full stop' });
  });
});

describe('formatAmount', () => {
  it('prints the house format: no-break spaces, a real minus, the unit after a no-break space', () => {
    expect(formatAmount(1200000, 'kr')).toBe('1\u00a0200\u00a0000\u00a0kr');
    expect(formatAmount(-1200)).toBe('\u22121\u00a0200');
    expect(formatAmount(12.5, '%')).toBe('12,5\u00a0%');
  });
});
