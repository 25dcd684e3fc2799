// The briefing's trend (趋势): amounts per day, week (from Monday) or month of the tenant's calendar.
import { domainError, addDaysToLocalDate, dayOfWeekOfLocalDate, type DomainError } from '../shared/index.js';
import type { Period } from './period.js';

export type TrendGranularity = 'day' | 'week' | 'month';
export const TREND_GRANULARITIES: readonly TrendGranularity[] = ['day', 'week', 'month'];

/** At most this many buckets in one trend. */
export const MAX_TREND_BUCKETS = 400;

/** The bucket a calendar day falls in: the day itself, the Monday of its week, or the first of its month. */
export function bucketOf(date: string, g: TrendGranularity): string {
  if (g === 'day') return date;
  if (g === 'month') return `${date.slice(0, 7)}-01`;
  return addDaysToLocalDate(date, 1 - dayOfWeekOfLocalDate(date));
}

function nextBucket(bucket: string, g: TrendGranularity): string {
  if (g === 'day') return addDaysToLocalDate(bucket, 1);
  if (g === 'week') return addDaysToLocalDate(bucket, 7);
  const [y, m] = bucket.split('-').map(Number) as [number, number];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The buckets covering [fromDate, toDate), in order; the first may start before fromDate (a week or month already begun). */
export function bucketsBetween(fromDate: string, toDate: string, g: TrendGranularity): string[] {
  const out: string[] = [];
  for (let b = bucketOf(fromDate, g); b < toDate; b = nextBucket(b, g)) out.push(b);
  return out;
}

/** The granularity that suits a period when none is asked: days up to two months, weeks up to a quarter, else months. */
export function defaultGranularity(period: Pick<Period, 'fromDate' | 'toDate'>): TrendGranularity {
  if (addDaysToLocalDate(period.fromDate, 62) >= period.toDate) return 'day';
  if (addDaysToLocalDate(period.fromDate, 92) >= period.toDate) return 'week';
  return 'month';
}

/** A trend may not have more than MAX_TREND_BUCKETS buckets (a ten-year period by day). */
export function checkBucketCount(period: Pick<Period, 'fromDate' | 'toDate'>, g: TrendGranularity): DomainError | null {
  const n = bucketsBetween(period.fromDate, period.toDate, g).length;
  return n <= MAX_TREND_BUCKETS
    ? null
    : domainError('briefing.too_many_buckets', 'invalid', `趋势最多 ${MAX_TREND_BUCKETS} 个时间点，请按周或按月查看`, `A trend has at most ${MAX_TREND_BUCKETS} points; view it by week or month`, { buckets: n });
}

/** Fills the buckets the query returned nothing for with zeros, in order. */
export function fillBuckets<T extends { readonly bucket: string }>(buckets: readonly string[], rows: readonly T[], zero: (bucket: string) => T): T[] {
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  return buckets.map((b) => byBucket.get(b) ?? zero(b));
}
