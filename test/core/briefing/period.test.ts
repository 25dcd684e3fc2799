import test from 'ava';
import type { DomainError } from '../../../core/shared/domain-error.js';
import { briefingPeriod, periodSegments, type Period, type PeriodKind } from '../../../core/briefing/period.js';

// Thursday 2026-11-26 01:30 in Shanghai (still Wednesday the 25th in UTC).
const now = new Date('2026-11-25T17:30:00Z');
const SH = 'Asia/Shanghai';

test('named periods are bounded by the tenant’s calendar: day, week from Monday, month, quarter, year (table)', (t) => {
  const table: [PeriodKind, string, string, string, string][] = [
    ['today', '2026-11-26', '2026-11-26', '2026-11-25T16:00:00.000Z', '2026-11-26T16:00:00.000Z'],
    ['week', '2026-11-23', '2026-11-29', '2026-11-22T16:00:00.000Z', '2026-11-29T16:00:00.000Z'],
    ['month', '2026-11-01', '2026-11-30', '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ['quarter', '2026-10-01', '2026-12-31', '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['year', '2026-01-01', '2026-12-31', '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
  ];
  for (const [kind, first, last, from, to] of table) {
    const p = briefingPeriod(kind, now, SH) as Period;
    t.deepEqual([p.fromDate, p.lastDate, p.from.toISOString(), p.to.toISOString()], [first, last, from, to], kind);
  }
});

test('the same instant is another day in another zone', (t) => {
  const p = briefingPeriod('today', now, 'America/New_York') as Period;
  t.is(p.fromDate, '2026-11-25');
  t.is(p.from.toISOString(), '2026-11-25T05:00:00.000Z');
});

test('a custom period includes both dates and is checked', (t) => {
  const p = briefingPeriod('custom', now, SH, { from: '2026-02-01', to: '2026-02-28' }) as Period;
  t.deepEqual([p.fromDate, p.lastDate, p.toDate, p.from.toISOString()], ['2026-02-01', '2026-02-28', '2026-03-01', '2026-01-31T16:00:00.000Z']);
  t.is((briefingPeriod('custom', now, SH, { from: '2026-03-01', to: '2026-02-01' }) as DomainError).code, 'briefing.invalid_period');
  t.is((briefingPeriod('custom', now, SH, { from: '2026-03-01' }) as DomainError).code, 'briefing.invalid_period');
  t.is((briefingPeriod('custom', now, SH, { from: '2000-01-01', to: '2026-01-01' }) as DomainError).code, 'briefing.invalid_period');
});

test('a period is read as whole months from the monthly summaries and the remaining days from the daily ones', (t) => {
  t.deepEqual(periodSegments('2026-01-01', '2027-01-01'), { days: [], months: ['2026-01-01', '2027-01-01'] });
  t.deepEqual(periodSegments('2026-11-01', '2026-12-01'), { days: [], months: ['2026-11-01', '2026-12-01'] });
  t.deepEqual(periodSegments('2026-11-23', '2026-11-30'), { days: [['2026-11-23', '2026-11-30']], months: null });
  t.deepEqual(periodSegments('2026-10-15', '2027-02-03'), { days: [['2026-10-15', '2026-11-01'], ['2027-02-01', '2027-02-03']], months: ['2026-11-01', '2027-02-01'] });
  t.deepEqual(periodSegments('2026-12-15', '2027-01-10'), { days: [['2026-12-15', '2027-01-10']], months: null });
  t.deepEqual(periodSegments('2026-12-01', '2026-12-31'), { days: [['2026-12-01', '2026-12-31']], months: null });
});
