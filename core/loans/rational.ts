// Exact fractions on BigInt, so that loan arithmetic never touches binary floating point. Small on purpose:
// only what the repayment rules need. Values are not reduced; the schedules compute few enough of them.
import { divRoundHalfUp } from '../money/index.js';

/** num/den with den > 0. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export function ratio(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new Error('ratio: zero denominator');
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** An exact decimal string ('0.0435') as a fraction (435/10000); null when the text is not one. */
export function parseDecimal(text: string): Rational | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const decimals = m[2] ?? '';
  return ratio(BigInt((m[1] ?? '') + decimals), 10n ** BigInt(decimals.length));
}

export function add(a: Rational, b: Rational): Rational {
  return ratio(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return ratio(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Rational, b: Rational): Rational {
  return ratio(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new Error('div: division by zero');
  return ratio(a.num * b.den, a.den * b.num);
}

export function pow(a: Rational, exponent: number): Rational {
  if (!Number.isSafeInteger(exponent) || exponent < 0) throw new Error(`pow: bad exponent ${exponent}`);
  return ratio(a.num ** BigInt(exponent), a.den ** BigInt(exponent));
}

export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

/** Rounded to an integer, half-up with ties away from zero: the money rounding rule. */
export function roundHalfUp(a: Rational): bigint {
  return divRoundHalfUp(a.num, a.den);
}
