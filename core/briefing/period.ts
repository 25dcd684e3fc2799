// The periods of the briefing (数据简报): today, this week (Monday first), this month, this quarter, this year,
// or custom dates, as bounds in the tenant's time zone.
import {
  domainError, addDaysToLocalDate, addLocalDays, addLocalMonths, instantOfLocalDateTime, isLocalDateText, localDate,
  startOfLocalDay, startOfLocalMonth, startOfLocalQuarter, startOfLocalWeek, startOfLocalYear, type DomainError,
} from '../shared/index.js';

export type PeriodKind = 'today' | 'week' | 'month' | 'quarter' | 'year' | 'custom';
export const PERIOD_KINDS: readonly PeriodKind[] = ['today', 'week', 'month', 'quarter', 'year', 'custom'];
export const PERIOD_LABELS: Readonly<Record<PeriodKind, string>> = { today: '今日', week: '本周', month: '本月', quarter: '本季度', year: '本年', custom: '自定义' };

/** At most this many days in a custom period (ten years). */
export const MAX_PERIOD_DAYS = 3660;

export interface Period {
  readonly kind: PeriodKind;
  /** The first instant, inclusive. */
  readonly from: Date;
  /** The first instant after the period, exclusive. */
  readonly to: Date;
  /** The first calendar day, 'YYYY-MM-DD' in the tenant's zone. */
  readonly fromDate: string;
  /** The last calendar day, inclusive. */
  readonly lastDate: string;
  /** The day after the last, exclusive (what range queries compare with). */
  readonly toDate: string;
  readonly timeZone: string;
}

function fromInstants(kind: PeriodKind, from: Date, to: Date, zone: string): Period {
  const toDate = localDate(to, zone);
  return { kind, from, to, fromDate: localDate(from, zone), lastDate: addDaysToLocalDate(toDate, -1), toDate, timeZone: zone };
}

/**
 * The bounds of a period around `now` in the tenant's zone: the calendar day, the week from Monday, the month,
 * the quarter (from January, April, July, October) or the year that holds `now`; or the custom dates, both
 * inclusive, at most MAX_PERIOD_DAYS long.
 */
export function briefingPeriod(kind: PeriodKind, now: Date, zone: string, custom?: { readonly from?: string | undefined; readonly to?: string | undefined }): Period | DomainError {
  switch (kind) {
    case 'today': {
      const from = startOfLocalDay(now, zone);
      return fromInstants(kind, from, addLocalDays(from, 1, zone), zone);
    }
    case 'week': {
      const from = startOfLocalWeek(now, zone);
      return fromInstants(kind, from, addLocalDays(from, 7, zone), zone);
    }
    case 'month': {
      const from = startOfLocalMonth(now, zone);
      return fromInstants(kind, from, addLocalMonths(from, 1, zone), zone);
    }
    case 'quarter': {
      const from = startOfLocalQuarter(now, zone);
      return fromInstants(kind, from, addLocalMonths(from, 3, zone), zone);
    }
    case 'year': {
      const from = startOfLocalYear(now, zone);
      return fromInstants(kind, from, addLocalMonths(from, 12, zone), zone);
    }
    case 'custom': {
      const a = custom?.from;
      const b = custom?.to;
      if (!a || !b || !isLocalDateText(a) || !isLocalDateText(b)) {
        return domainError('briefing.invalid_period', 'invalid', '自定义时间段请填写开始和结束日期（YYYY-MM-DD）', 'A custom period needs from and to dates written YYYY-MM-DD');
      }
      if (a > b) return domainError('briefing.invalid_period', 'invalid', '开始日期不能晚于结束日期', 'The start date cannot be after the end date', { from: a, to: b });
      const toDate = addDaysToLocalDate(b, 1);
      if (addDaysToLocalDate(a, MAX_PERIOD_DAYS) < toDate) {
        return domainError('briefing.invalid_period', 'invalid', '自定义时间段最长十年', 'A custom period is at most ten years long', { from: a, to: b });
      }
      return { kind, from: instantOfLocalDateTime(a, '00:00', zone), to: instantOfLocalDateTime(toDate, '00:00', zone), fromDate: a, lastDate: b, toDate, timeZone: zone };
    }
  }
}

/** A period cut for the summary tables: whole calendar months, and the days before and after them. */
export interface PeriodSegments {
  /** [from, to) ranges of days not covered by whole months. */
  readonly days: readonly (readonly [string, string])[];
  /** [first month, first month after) of the whole months, or null. */
  readonly months: readonly [string, string] | null;
}

const firstOfNextMonth = (date: string): string => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
};

/** Splits [fromDate, toDate) into whole months and the remaining days, so that a year reads 12 monthly rows per key. */
export function periodSegments(fromDate: string, toDate: string): PeriodSegments {
  const firstWhole = fromDate.endsWith('-01') ? fromDate : firstOfNextMonth(fromDate);
  const lastWholeEnd = `${toDate.slice(0, 7)}-01`;
  if (firstWhole >= lastWholeEnd) return { days: fromDate < toDate ? [[fromDate, toDate]] : [], months: null };
  const days: [string, string][] = [];
  if (fromDate < firstWhole) days.push([fromDate, firstWhole]);
  if (lastWholeEnd < toDate) days.push([lastWholeEnd, toDate]);
  return { days, months: [firstWhole, lastWholeEnd] };
}
