// Target periods: a calendar month 'YYYY-MM' or a quarter 'YYYY-Qn' (Q1 January–March … Q4 October–December),
// in the tenant's calendar, like the briefing's periods.
import type { TargetPeriodKind } from './types.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^\d{4}$/;

/** 'month', 'quarter', or null when the text is neither. */
export function periodKindOf(period: unknown): TargetPeriodKind | null {
  if (typeof period !== 'string') return null;
  return MONTH.test(period) ? 'month' : QUARTER.test(period) ? 'quarter' : null;
}

/** The quarter a month lies in: '2026-05' → '2026-Q2'. */
export function quarterOfMonth(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/** The three months of a quarter, in order: '2026-Q2' → ['2026-04', '2026-05', '2026-06']. */
export function monthsOfQuarter(quarter: string): [string, string, string] {
  const year = quarter.slice(0, 4);
  const first = (Number(quarter.slice(6)) - 1) * 3 + 1;
  const m = (i: number) => `${year}-${String(first + i).padStart(2, '0')}`;
  return [m(0), m(1), m(2)];
}

/** The four quarters of a year 'YYYY'. */
export function quartersOfYear(year: string): [string, string, string, string] {
  return [`${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`];
}

export function isYearText(text: unknown): text is string {
  return typeof text === 'string' && YEAR.test(text);
}
