import test from 'ava';
import fc from 'fast-check';
import { DEFAULT_GRADING_POLICY, type GradingPolicy, type WorkingHours } from '../../../core/grading/grading-policy.js';
import { addFollowUpInterval, nextFollowUpAt } from '../../../core/grading/next-follow-up.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { addDaysToLocalDate, localDate, localDateTime, zonedParts } from '../../../core/shared/zoned-time.js';
import { aLevel, aPolicy, assertProperty, D_LEVEL, OFFICE_HOURS, SH, sh } from './builders.js';

const office = aPolicy({ workingHours: OFFICE_HOURS });
const withD = aPolicy({ levels: [...DEFAULT_GRADING_POLICY.levels, D_LEVEL] });
const renamed = aPolicy({
  levels: [aLevel({ code: 'C', name: '一般', followUpIntervalMinutes: 5 * 1440 }), aLevel({ code: 'A', name: '重点客户', followUpIntervalMinutes: 2 * 1440 })],
});
const NY = 'America/New_York';

const cases: { name: string; level: string; from: string; policy: GradingPolicy; expected: string; zone?: string }[] = [
  { name: 'the brochure: B-level inquiry created 2021-10-12 15:10:24 is due 3 days later at the same time', level: 'B', from: '2021-10-12 15:10:24', policy: DEFAULT_GRADING_POLICY, expected: '2021-10-15 15:10:24' },
  { name: 'A is due the next day', level: 'A', from: '2021-10-12 15:10:24', policy: DEFAULT_GRADING_POLICY, expected: '2021-10-13 15:10:24' },
  { name: 'C is due a week later', level: 'C', from: '2021-10-12 15:10:24', policy: DEFAULT_GRADING_POLICY, expected: '2021-10-19 15:10:24' },
  { name: 'without working hours a Saturday night stays', level: 'A', from: '2021-10-15 23:30:00', policy: DEFAULT_GRADING_POLICY, expected: '2021-10-16 23:30:00' },
  { name: 'the brochure case inside working hours stays (Friday 15:10)', level: 'B', from: '2021-10-12 15:10:24', policy: office, expected: '2021-10-15 15:10:24' },
  { name: 'a result at Saturday 10:00 moves to Monday 09:00', level: 'B', from: '2021-10-13 10:00:00', policy: office, expected: '2021-10-18 09:00:00' },
  { name: 'a result at 20:00 on a Wednesday moves to Thursday 09:00', level: 'A', from: '2021-10-19 20:00:00', policy: office, expected: '2021-10-21 09:00:00' },
  { name: 'a result before 09:00 on a working day moves to 09:00 that day', level: 'A', from: '2021-10-11 07:30:00', policy: office, expected: '2021-10-12 09:00:00' },
  { name: 'a result at exactly 18:00 moves to the next working start', level: 'A', from: '2021-10-12 18:00:00', policy: office, expected: '2021-10-14 09:00:00' },
  { name: 'a result at 17:59:59 stays', level: 'A', from: '2021-10-12 17:59:59', policy: office, expected: '2021-10-13 17:59:59' },
  { name: 'a result at exactly 09:00 stays', level: 'A', from: '2021-10-12 09:00:00', policy: office, expected: '2021-10-13 09:00:00' },
  { name: 'the 国庆 holiday 2021-10-01…07 is skipped to Friday 10-08', level: 'A', from: '2021-09-30 10:00:00', policy: office, expected: '2021-10-08 09:00:00' },
  { name: 'the make-up workday Saturday 2021-10-09 is a working day', level: 'A', from: '2021-10-08 11:00:00', policy: office, expected: '2021-10-09 11:00:00' },
  { name: 'after hours on Friday before the make-up Saturday moves to that Saturday', level: 'A', from: '2021-10-07 19:00:00', policy: office, expected: '2021-10-09 09:00:00' },
  { name: 'a result on the Sunday after the make-up Saturday moves to Monday', level: 'A', from: '2021-10-09 11:00:00', policy: office, expected: '2021-10-11 09:00:00' },
  { name: 'a custom D 无效 level follows up after 30 days', level: 'D', from: '2021-10-12 15:10:24', policy: withD, expected: '2021-11-11 15:10:24' },
  { name: 'a renamed A level with 2 days uses its own interval', level: 'A', from: '2021-10-12 15:10:24', policy: renamed, expected: '2021-10-14 15:10:24' },
  { name: 'a reordered C level with 5 days uses its own interval', level: 'C', from: '2021-10-12 15:10:24', policy: renamed, expected: '2021-10-17 15:10:24' },
  { name: 'minutes beyond whole days are added as elapsed time', level: 'A', from: '2021-10-12 15:10:24', policy: aPolicy({ levels: [aLevel({ followUpIntervalMinutes: 1440 + 90 })] }), expected: '2021-10-13 16:40:24' },
  { name: 'an interval shorter than a day', level: 'A', from: '2021-10-12 17:30:00', policy: aPolicy({ levels: [aLevel({ followUpIntervalMinutes: 120 })], workingHours: OFFICE_HOURS }), expected: '2021-10-13 09:00:00' },
  { name: 'in New York 3 calendar days across spring-forward keep 15:10 local', level: 'B', from: '2021-03-12 15:10:00', policy: aPolicy({ timeZone: NY }), expected: '2021-03-15 15:10:00', zone: NY },
  { name: 'in New York 1 calendar day across fall-back keeps 15:10 local', level: 'A', from: '2021-11-06 15:10:00', policy: aPolicy({ timeZone: NY }), expected: '2021-11-07 15:10:00', zone: NY },
];

for (const c of cases) {
  test(`nextFollowUpAt: ${c.name}`, (t) => {
    const zone = c.zone ?? SH;
    const r = nextFollowUpAt(c.level, sh(c.from, zone), c.policy);
    t.is(localDateTime(r, zone), c.expected);
    t.is(r.getTime(), sh(c.expected, zone).getTime());
  });
}

test('the brochure result is the UTC instant 2021-10-15T07:10:24Z', (t) => {
  t.is(nextFollowUpAt('B', new Date('2021-10-12T07:10:24Z'), DEFAULT_GRADING_POLICY).toISOString(), '2021-10-15T07:10:24.000Z');
});

test('an unknown level is refused with grading.unknown_level naming the known levels', (t) => {
  const e = t.throws(() => nextFollowUpAt('D', sh('2021-10-12 15:10:24'), DEFAULT_GRADING_POLICY), { instanceOf: DomainError });
  t.is(e.code, 'grading.unknown_level');
  t.is(e.kind, 'invalid');
  t.deepEqual(e.details, { level: 'D', known: ['A', 'B', 'C'] });
  t.true(e.text.zh.includes('B类 潜在价值'));
});

test('a renamed level is unknown under its old code only if the code changed', (t) => {
  t.is(localDateTime(nextFollowUpAt('A', sh('2021-10-12 10:00'), renamed), SH), '2021-10-14 10:00:00');
  t.is((t.throws(() => nextFollowUpAt('B', sh('2021-10-12 10:00'), renamed)) as DomainError).code, 'grading.unknown_level');
});

// Properties.

const HOUR = 3_600_000;
const froms = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true });
const intervals = fc.oneof(fc.integer({ min: 1, max: 400 }).map((d) => d * 1440), fc.integer({ min: 1, max: 60 * 24 * 40 }));

/** Working day and window checked directly from the configuration, independently of working-hours.ts. */
function isInside(r: Date, w: WorkingHours, zone: string): boolean {
  const p = zonedParts(r, zone);
  const date = localDate(r, zone);
  const working = w.extraWorkdays.includes(date) || (!w.holidays.includes(date) && w.workdays.includes(p.dayOfWeek));
  const toMin = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const minute = p.hour * 60 + p.minute + (p.second * 1000 + p.millisecond) / 60_000;
  return working && minute >= toMin(w.start) && minute < toMin(w.end);
}

const workingHoursArb: fc.Arbitrary<WorkingHours> = fc
  .record({
    start: fc.integer({ min: 0, max: 22 * 60 }),
    length: fc.integer({ min: 15, max: 12 * 60 }),
    workdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 3650 }), { maxLength: 60 }),
    extra: fc.uniqueArray(fc.integer({ min: 0, max: 3650 }), { maxLength: 10 }),
  })
  .map(({ start, length, workdays, holidays, extra }) => {
    const end = Math.min(start + length, 23 * 60 + 59);
    const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const date = (n: number): string => addDaysToLocalDate('2020-01-01', n);
    return {
      start: hhmm(start),
      end: hhmm(end),
      workdays,
      holidays: holidays.map(date),
      extraWorkdays: extra.filter((n) => !holidays.includes(n)).map(date),
    };
  });

test('property: with office hours the result is inside them on a working day and never before from + interval', (t) => {
  assertProperty(
    t,
    fc.property(froms, intervals, (from, minutes) => {
      const policy = aPolicy({ levels: [aLevel({ followUpIntervalMinutes: minutes })], workingHours: OFFICE_HOURS });
      const r = nextFollowUpAt('A', from, policy);
      return isInside(r, OFFICE_HOURS, SH) && r.getTime() >= from.getTime() + minutes * 60_000;
    }),
  );
});

test('property: with any working hours in any zone the result is inside them and never before the interval', (t) => {
  assertProperty(
    t,
    fc.property(froms, intervals, workingHoursArb, fc.constantFrom(SH, 'UTC', 'America/New_York'), (from, minutes, w, zone) => {
      const policy = aPolicy({ levels: [aLevel({ followUpIntervalMinutes: minutes })], workingHours: w, timeZone: zone });
      const r = nextFollowUpAt('A', from, policy);
      const due = addFollowUpInterval(from, minutes, zone);
      // In a DST zone a calendar day may be 23 hours: "the interval" is the calendar one there.
      const floor = zone === SH || zone === 'UTC' ? from.getTime() + minutes * 60_000 : due.getTime();
      return isInside(r, w, zone) && r >= due && r.getTime() >= floor;
    }),
  );
});

test('property: a moved result is the first working start after the due time', (t) => {
  assertProperty(
    t,
    fc.property(froms, intervals, (from, minutes) => {
      const policy = aPolicy({ levels: [aLevel({ followUpIntervalMinutes: minutes })], workingHours: OFFICE_HOURS });
      const r = nextFollowUpAt('A', from, policy);
      const due = addFollowUpInterval(from, minutes, SH);
      if (r.getTime() === due.getTime()) return isInside(due, OFFICE_HOURS, SH);
      if (isInside(due, OFFICE_HOURS, SH) || localDateTime(r, SH).slice(11) !== '09:00:00') return false;
      // Every working start strictly between the due time and the result would have been earlier.
      for (let d = localDate(due, SH); d < localDate(r, SH); d = addDaysToLocalDate(d, 1)) {
        const start = sh(`${d} 09:00`);
        if (start >= due && isInside(start, OFFICE_HOURS, SH)) return false;
      }
      return true;
    }),
  );
});

test('property: without working hours the Shanghai wall-clock time is kept and the date moves by whole days', (t) => {
  assertProperty(
    t,
    fc.property(froms, fc.integer({ min: 1, max: 400 }), (from, days) => {
      const r = nextFollowUpAt('A', from, aPolicy({ levels: [aLevel({ followUpIntervalMinutes: days * 1440 })] }));
      return (
        localDateTime(r, SH).slice(11) === localDateTime(from, SH).slice(11) &&
        r.getUTCMilliseconds() === from.getUTCMilliseconds() &&
        localDate(r, SH) === addDaysToLocalDate(localDate(from, SH), days) &&
        r.getTime() - from.getTime() === days * 24 * HOUR
      );
    }),
  );
});
