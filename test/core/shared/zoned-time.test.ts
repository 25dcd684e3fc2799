import test from 'ava';
import fc from 'fast-check';
import {
  addDaysToLocalDate,
  addLocalDays,
  addLocalMonths,
  dayOfWeekOfLocalDate,
  instantOfLocal,
  instantOfLocalDateTime,
  isLocalDateText,
  isValidTimeZone,
  localDate,
  localDateTime,
  localDayOfWeek,
  startOfLocalDay,
  startOfLocalMonth,
  startOfLocalQuarter,
  startOfLocalWeek,
  startOfLocalYear,
  zoneOffsetMs,
  zonedParts,
} from '../../../core/shared/zoned-time.js';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const HOUR = 3_600_000;
const iso = (d: Date): string => d.toISOString();
const z = (text: string): Date => new Date(text);

test('the brochure instant reads 2021-10-12 15:10:24, a Tuesday, in Shanghai', (t) => {
  t.deepEqual(zonedParts(z('2021-10-12T07:10:24.250Z'), SH), {
    year: 2021, month: 10, day: 12, hour: 15, minute: 10, second: 24, millisecond: 250, dayOfWeek: 2,
  });
  t.is(localDateTime(z('2021-10-12T07:10:24Z'), SH), '2021-10-12 15:10:24');
});

test('a local time in Shanghai is eight hours ahead of UTC', (t) => {
  t.is(iso(instantOfLocalDateTime('2021-10-12', '15:10:24', SH)), '2021-10-12T07:10:24.000Z');
  t.is(zoneOffsetMs(z('2021-10-12T07:10:24Z'), SH), 8 * HOUR);
  t.is(zoneOffsetMs(z('2021-10-12T07:10:24Z'), 'UTC'), 0);
});

test('the local date changes at local midnight, not at UTC midnight', (t) => {
  const i = z('2021-10-12T16:30:00Z');
  t.is(localDate(i, SH), '2021-10-13');
  t.is(localDate(i, 'UTC'), '2021-10-12');
  t.is(localDate(i, NY), '2021-10-12');
  t.is(localDayOfWeek(i, SH), 3);
  t.is(localDayOfWeek(i, 'UTC'), 2);
});

test('the start of a local day is local midnight', (t) => {
  t.is(iso(startOfLocalDay(z('2021-10-12T16:30:00Z'), SH)), '2021-10-12T16:00:00.000Z');
  t.is(iso(startOfLocalDay(z('2021-10-12T16:30:00Z'), 'UTC')), '2021-10-12T00:00:00.000Z');
  t.is(iso(startOfLocalDay(z('2021-10-12T16:30:00Z'), NY)), '2021-10-12T04:00:00.000Z');
});

test('New York offsets are -5 h in winter and -4 h in summer', (t) => {
  t.is(zoneOffsetMs(z('2021-01-15T12:00:00Z'), NY), -5 * HOUR);
  t.is(zoneOffsetMs(z('2021-07-15T12:00:00Z'), NY), -4 * HOUR);
});

test('adding a calendar day keeps the wall clock across the spring-forward change (a 23-hour day)', (t) => {
  const from = instantOfLocalDateTime('2021-03-13', '15:10', NY);
  t.is(iso(from), '2021-03-13T20:10:00.000Z');
  const next = addLocalDays(from, 1, NY);
  t.is(iso(next), '2021-03-14T19:10:00.000Z');
  t.is(localDateTime(next, NY), '2021-03-14 15:10:00');
  t.is(next.getTime() - from.getTime(), 23 * HOUR);
});

test('adding a calendar day keeps the wall clock across the fall-back change (a 25-hour day)', (t) => {
  const from = instantOfLocalDateTime('2021-11-06', '15:10', NY);
  const next = addLocalDays(from, 1, NY);
  t.is(iso(next), '2021-11-07T20:10:00.000Z');
  t.is(next.getTime() - from.getTime(), 25 * HOUR);
  t.is(iso(addLocalDays(next, -1, NY)), iso(from));
});

test('a wall time skipped by spring-forward moves forward by the gap', (t) => {
  t.is(iso(instantOfLocalDateTime('2021-03-14', '02:30', NY)), '2021-03-14T07:30:00.000Z');
  t.is(localDateTime(instantOfLocalDateTime('2021-03-14', '02:30', NY), NY), '2021-03-14 03:30:00');
});

test('a wall time repeated by fall-back takes its earlier occurrence', (t) => {
  t.is(iso(instantOfLocalDateTime('2021-11-07', '01:30', NY)), '2021-11-07T05:30:00.000Z');
  t.is(iso(instantOfLocalDateTime('2021-11-07', '02:30', NY)), '2021-11-07T07:30:00.000Z');
});

test('the DST days in New York start at midnight and last 23 and 25 hours', (t) => {
  const spring = startOfLocalDay(z('2021-03-14T18:00:00Z'), NY);
  t.is(iso(spring), '2021-03-14T05:00:00.000Z');
  t.is(startOfLocalDay(addLocalDays(spring, 1, NY), NY).getTime() - spring.getTime(), 23 * HOUR);
  const fall = startOfLocalDay(z('2021-11-07T18:00:00Z'), NY);
  t.is(iso(fall), '2021-11-07T04:00:00.000Z');
  t.is(addLocalDays(fall, 1, NY).getTime() - fall.getTime(), 25 * HOUR);
});

test('weeks start on Monday 00:00 local', (t) => {
  // Sunday 2021-10-17 10:00 in Shanghai belongs to the week of Monday 2021-10-11.
  t.is(iso(startOfLocalWeek(instantOfLocalDateTime('2021-10-17', '10:00', SH), SH)), '2021-10-10T16:00:00.000Z');
  t.is(iso(startOfLocalWeek(instantOfLocalDateTime('2021-10-11', '00:00', SH), SH)), '2021-10-10T16:00:00.000Z');
  t.is(iso(startOfLocalWeek(instantOfLocalDateTime('2021-10-17', '10:00', 'UTC'), 'UTC', 7)), '2021-10-17T00:00:00.000Z');
  // The week holding the spring-forward Sunday started on Monday under EST.
  t.is(iso(startOfLocalWeek(z('2021-03-14T18:00:00Z'), NY)), '2021-03-08T05:00:00.000Z');
});

test('months, quarters and years start at local midnight on their first day', (t) => {
  const i = instantOfLocalDateTime('2021-11-15', '10:00', SH);
  t.is(iso(startOfLocalMonth(i, SH)), '2021-10-31T16:00:00.000Z');
  t.is(iso(startOfLocalQuarter(i, SH)), '2021-09-30T16:00:00.000Z');
  t.is(iso(startOfLocalYear(i, SH)), '2020-12-31T16:00:00.000Z');
  t.is(iso(startOfLocalMonth(z('2021-11-15T12:00:00Z'), NY)), '2021-11-01T04:00:00.000Z');
  t.is(iso(startOfLocalQuarter(z('2021-05-20T12:00:00Z'), 'UTC')), '2021-04-01T00:00:00.000Z');
  t.is(iso(startOfLocalYear(z('2021-12-31T20:00:00Z'), SH)), '2021-12-31T16:00:00.000Z');
});

test('adding months keeps the wall clock and clamps to the end of a shorter month', (t) => {
  const jan31 = instantOfLocalDateTime('2021-01-31', '09:30', SH);
  t.is(localDateTime(addLocalMonths(jan31, 1, SH), SH), '2021-02-28 09:30:00');
  t.is(localDateTime(addLocalMonths(jan31, 13, SH), SH), '2022-02-28 09:30:00');
  t.is(localDateTime(addLocalMonths(jan31, -2, SH), SH), '2020-11-30 09:30:00');
});

test('calendar dates: validity, day arithmetic and weekday', (t) => {
  t.true(isLocalDateText('2021-10-09'));
  t.true(isLocalDateText('2020-02-29'));
  t.false(isLocalDateText('2021-02-29'));
  t.false(isLocalDateText('2021-13-01'));
  t.false(isLocalDateText('2021-1-9'));
  t.is(addDaysToLocalDate('2021-09-30', 1), '2021-10-01');
  t.is(addDaysToLocalDate('2021-03-01', -1), '2021-02-28');
  t.is(dayOfWeekOfLocalDate('2021-10-09'), 6);
  t.is(dayOfWeekOfLocalDate('2021-10-10'), 7);
  t.is(dayOfWeekOfLocalDate('2021-10-11'), 1);
});

test('known and unknown time zone names', (t) => {
  t.true(isValidTimeZone(SH));
  t.true(isValidTimeZone('UTC'));
  t.false(isValidTimeZone('Mars/Olympus_Mons'));
  t.false(isValidTimeZone(''));
});

test('instantOfLocal rolls over fields beyond their range', (t) => {
  t.is(iso(instantOfLocal({ year: 2021, month: 12, day: 32, hour: 8 }, SH)), '2022-01-01T00:00:00.000Z');
});

const instants = fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true });
const zones = fc.constantFrom(SH, 'UTC', NY);

test('property: reading an instant as wall time and back gives the same wall time', (t) => {
  fc.assert(
    fc.property(instants, zones, (i, zone) => {
      const back = instantOfLocal(zonedParts(i, zone), zone);
      t.deepEqual(zonedParts(back, zone), zonedParts(i, zone));
      // Outside a fall-back overlap the instant itself comes back.
      if (zoneOffsetMs(new Date(i.getTime() - HOUR), zone) === zoneOffsetMs(i, zone)) t.is(back.getTime(), i.getTime());
    }),
  );
});

test('property: an instant lies in its local day, which starts at the local date', (t) => {
  fc.assert(
    fc.property(instants, zones, (i, zone) => {
      const start = startOfLocalDay(i, zone);
      const next = startOfLocalDay(addLocalDays(start, 1, zone), zone);
      t.true(start <= i && i < next);
      t.is(localDate(start, zone), localDate(i, zone));
      t.is(localDate(next, zone), addDaysToLocalDate(localDate(i, zone), 1));
    }),
  );
});

test('property: in Shanghai adding calendar days keeps the wall clock and adds whole 24-hour days', (t) => {
  fc.assert(
    fc.property(instants, fc.integer({ min: -400, max: 400 }), (i, days) => {
      const r = addLocalDays(i, days, SH);
      t.is(r.getTime() - i.getTime(), days * 24 * HOUR);
      t.is(localDateTime(r, SH).slice(11), localDateTime(i, SH).slice(11));
    }),
  );
});

test('property: week, month, quarter and year starts are local midnights on or before the instant', (t) => {
  fc.assert(
    fc.property(instants, zones, (i, zone) => {
      for (const [start, check] of [
        [startOfLocalWeek(i, zone), (p: ReturnType<typeof zonedParts>) => p.dayOfWeek === 1],
        [startOfLocalMonth(i, zone), (p: ReturnType<typeof zonedParts>) => p.day === 1],
        [startOfLocalQuarter(i, zone), (p: ReturnType<typeof zonedParts>) => p.day === 1 && (p.month - 1) % 3 === 0],
        [startOfLocalYear(i, zone), (p: ReturnType<typeof zonedParts>) => p.day === 1 && p.month === 1],
      ] as const) {
        const p = zonedParts(start, zone);
        t.true(start <= i);
        t.true(check(p));
        t.is(start.getTime(), startOfLocalDay(start, zone).getTime());
      }
    }),
  );
});
