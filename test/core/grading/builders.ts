// Fixture builders for the grading tests.
import type { ExecutionContext } from 'ava';
import fc from 'fast-check';
import { DEFAULT_GRADING_POLICY, type GradingLevel, type GradingPolicy, type WorkingHours } from '../../../core/grading/grading-policy.js';
import type { RecyclableRecord } from '../../../core/grading/pool-recycling.js';
import { instantOfLocalDateTime } from '../../../core/shared/zoned-time.js';

export const SH = 'Asia/Shanghai';

/** An instant from a Shanghai wall time, 'YYYY-MM-DD HH:mm[:ss]'. */
export function sh(text: string, zone = SH): Date {
  const [date = '', time = '00:00'] = text.split(' ');
  return instantOfLocalDateTime(date, time, zone);
}

/** 09:00–18:00 Monday to Friday, 国庆 2021-10-01…07 off, Saturday 2021-10-09 a make-up workday. */
export const OFFICE_HOURS: WorkingHours = {
  start: '09:00',
  end: '18:00',
  workdays: [1, 2, 3, 4, 5],
  holidays: ['2021-10-01', '2021-10-02', '2021-10-03', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07'],
  extraWorkdays: ['2021-10-09'],
};

export const D_LEVEL: GradingLevel = {
  code: 'D',
  name: '无效',
  followUpIntervalMinutes: 30 * 24 * 60,
  poolRecycle: { noFollowUpDays: null, overdueDays: null },
};

export function aPolicy(over: Partial<GradingPolicy> = {}): GradingPolicy {
  return { ...DEFAULT_GRADING_POLICY, ...over };
}

export function aLevel(over: Partial<GradingLevel> = {}): GradingLevel {
  return { code: 'A', name: '高价值', followUpIntervalMinutes: 1440, poolRecycle: { noFollowUpDays: 15, overdueDays: 7 }, ...over };
}

export function aRecord(over: Partial<RecyclableRecord> = {}): RecyclableRecord {
  return {
    level: 'A',
    ownerId: 'u-sunlulu',
    lastFollowUpAt: null,
    nextFollowUpAt: null,
    createdAt: new Date('2021-10-01T00:00:00Z'),
    assignedAt: null,
    ...over,
  };
}

/** Runs a fast-check property and asserts that it held, with fast-check's counterexample report if not. */
export function assertProperty<Ts>(t: ExecutionContext, property: fc.IProperty<Ts>): void {
  const details = fc.check(property);
  t.false(details.failed, fc.defaultReportMessage(details) ?? 'property failed');
}
