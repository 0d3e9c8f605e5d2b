import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  formatPercent,
  formatPercentPoints,
  formatQuantity,
  formatSignedPercent,
  formatYearSpan,
  localUnit,
  MISSING,
} from './number.js';
import { roundHalfAwayFromZero } from './round.js';

describe('roundHalfAwayFromZero', () => {
  it('rounds .5 away from zero on both sides, after removing float noise', () => {
    expect(roundHalfAwayFromZero(71.4035, 1)).toBe(71.4);
    expect(roundHalfAwayFromZero(-2.25, 1)).toBe(-2.3);
    expect(roundHalfAwayFromZero(2.25, 1)).toBe(2.3);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(79.94999999999999, 1)).toBe(80);
    expect(roundHalfAwayFromZero(-0.04, 1)).toBe(0);
    expect(Object.is(roundHalfAwayFromZero(-0.04, 1), -0)).toBe(false);
  });

  it('handles numbers that print in exponent form', () => {
    expect(roundHalfAwayFromZero(1e-7, 1)).toBe(0);
    expect(roundHalfAwayFromZero(1.5e-7, 7)).toBe(2e-7);
    expect(roundHalfAwayFromZero(1e21, 2)).toBe(1e21);
    expect(roundHalfAwayFromZero(-Number.MAX_VALUE, 1)).toBe(-Number.MAX_VALUE);
    expect(roundHalfAwayFromZero(-3e25, 0)).toBe(-3e25);
  });

  it('never turns a finite number into NaN (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, d) => Number.isFinite(roundHalfAwayFromZero(x, d)),
      ),
    );
  });
});

describe('formatNumber', () => {
  it('uses the Vietnamese and English separators', () => {
    expect(formatNumber(31444, 0, 'vi')).toBe('31.444');
    expect(formatNumber(31444, 0, 'en')).toBe('31,444');
    expect(formatNumber(18997.6, 1, 'vi')).toBe('18.997,6');
    expect(formatNumber(18997.6, 1, 'en')).toBe('18,997.6');
    expect(formatNumber(1234567.891, 2, 'vi')).toBe('1.234.567,89');
    expect(formatNumber(999, 0, 'vi')).toBe('999');
    expect(formatNumber(0.5, 2, 'vi')).toBe('0,50');
  });

  it('rounds half away from zero where Intl/toFixed would not', () => {
    // (1.005).toFixed(2) is "1.00" and (2.675).toFixed(2) is "2.67" in JavaScript.
    expect(formatNumber(1.005, 2, 'en')).toBe('1.01');
    expect(formatNumber(2.675, 2, 'vi')).toBe('2,68');
    expect(formatNumber(-2.5, 0, 'vi')).toBe('-3');
    expect(formatNumber(0.125, 2, 'en')).toBe('0.13');
    expect(formatNumber(-0.04, 1, 'vi')).toBe('0,0');
  });

  it('prints a dash, never NaN or Infinity, for missing numbers', () => {
    for (const x of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(formatNumber(x, 1, 'vi')).toBe(MISSING);
      expect(formatPercent(x, 1, 'en')).toBe(MISSING);
      expect(formatQuantity(x, 1, 'tỷ đồng', 'vi')).toBe(MISSING);
    }
    expect(formatNumber(5, Number.NaN, 'vi')).toBe('5');
  });

  it('keeps huge numbers in digits', () => {
    expect(formatNumber(1e21, 0, 'vi')).toBe('1.000.000.000.000.000.000.000');
    expect(formatNumber(1e21, 1, 'en')).toBe('1,000,000,000,000,000,000,000.0');
  });

  it('reads back to the rounded number (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        (x, d) => {
          const s = formatNumber(x, d, 'vi');
          expect(s).not.toMatch(/NaN|Infinity|e/);
          const back = Number(s.replaceAll('.', '').replace(',', '.'));
          expect(back).toBe(roundHalfAwayFromZero(x, d));
        },
      ),
    );
  });
});

describe('percent, quantities and spans', () => {
  it('formats percentages in each language', () => {
    expect(formatPercent(10.7142, 2, 'vi')).toBe('10,71 %');
    expect(formatPercent(10.7142, 2, 'en')).toBe('10.71%');
    expect(formatPercent(71.4035, 1, 'vi')).toBe('71,4 %');
    expect(formatSignedPercent(2.5, 2, 'vi')).toBe('+2,50 %');
    expect(formatSignedPercent(-1.2, 1, 'en')).toBe('-1.2%');
    expect(formatSignedPercent(0.001, 1, 'vi')).toBe('0,0 %');
    expect(formatPercentPoints(1.5, 1, 'vi')).toBe('1,5 điểm %');
    expect(formatPercentPoints(1, 1, 'en')).toBe('1.0 percentage points');
  });

  it('puts the unit after the number, in the page language', () => {
    expect(formatQuantity(31444, 0, 'tỷ đồng', 'vi')).toBe('31.444 tỷ đồng');
    expect(formatQuantity(31444, 0, 'tỷ đồng', 'en')).toBe('31,444 billion VND');
    expect(formatQuantity(15, 1, '%/năm', 'vi')).toBe('15,0 %/năm');
    expect(formatQuantity(15, 1, '%/năm', 'en')).toBe('15.0%/year');
    expect(formatQuantity(3, 0, '', 'vi')).toBe('3');
    expect(formatQuantity(12, 0, 'cây xanh', 'en')).toBe('12 cây xanh');
    expect(localUnit('triệu đồng/người', 'en')).toBe('million VND per person');
    expect(formatQuantity(1, 0, 'xã', 'en')).toBe('1 commune');
    expect(formatQuantity(1.04, 1, 'xã', 'en')).toBe('1.0 communes');
    expect(formatQuantity(3, 0, 'xã', 'en')).toBe('3 communes');
    expect(formatQuantity(1, 0, 'xã', 'vi')).toBe('1 xã');
  });

  it('writes spans of years with an en dash', () => {
    expect(formatYearSpan(2024, 2025)).toBe('2024–2025');
    expect(formatYearSpan(2025, 2025)).toBe('2025');
  });
});

describe('roundHalfAwayFromZero fast path', () => {
  /** The reference: the decimal-string path alone (toPrecision(15), then half away from zero on the digits). */
  function reference(x: number, d: number): number {
    const clean = Number(x.toPrecision(15));
    const sign = clean < 0 ? -1 : 1;
    const [m, e = '0'] = String(Math.abs(clean)).split('e');
    const shifted = Number(`${m}e${Number(e) + d}`);
    const rounded = Math.round(Number(shifted.toPrecision(15)));
    const [rm, re = '0'] = String(rounded).split('e');
    const r = sign * Number(`${rm}e${Number(re) - d}`);
    return r === 0 ? 0 : r;
  }

  it('agrees with the decimal-string rounding on a large number near a cleaned tie', () => {
    // The double lies just under …10175; cleaned to 15 digits it is the tie …101750, which rounds up.
    expect(roundHalfAwayFromZero(364905336.10174954, 4)).toBe(reference(364905336.10174954, 4));
    expect(roundHalfAwayFromZero(364905336.10174954, 4)).toBe(364905336.1018);
  });

  it('agrees with the decimal-string rounding everywhere (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        expect(roundHalfAwayFromZero(x, d)).toBe(reference(x, d));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 1, max: 3 }), (n, d) => {
        const tie = (n + 0.5) / 10 ** d; // exact ties like 0.125, 2.675, -0.05
        expect(roundHalfAwayFromZero(tie, d)).toBe(reference(tie, d));
      }),
      { numRuns: 5000 },
    );
  });
});
