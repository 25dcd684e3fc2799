// Calendar arithmetic in a tenant's business time zone (an IANA name such as 'Asia/Shanghai'), with no
// library: Intl.DateTimeFormat tells the wall clock of an instant, plain UTC arithmetic does the rest.
// Instants are `Date`s; local calendar dates are 'YYYY-MM-DD' strings; weekdays are ISO (1 = Monday … 7 = Sunday).

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A wall-clock date and time, without a zone. Month is 1–12. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/** The wall clock of an instant in a zone, with its day of the week. */
export interface ZonedParts extends LocalDateTime {
  readonly dayOfWeek: IsoWeekday;
}

const DAY_MS = 86_400_000;

// Building a DateTimeFormat costs far more than using one, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    // Throws a RangeError for an unknown zone: a zone comes from validated configuration, so that is a bug.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether the name is an IANA time zone this runtime knows (for validating a tenant's configuration). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.length === 0) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds since the epoch of a wall-clock time read as if it were UTC; years 0–99 are taken literally. */
function wallMillis(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const t = new Date(Date.UTC(2000, 0, 1, h, mi, s, ms));
  t.setUTCFullYear(y, mo - 1, d);
  return t.getTime();
}

function isoWeekdayOfWall(wall: number): IsoWeekday {
  const d = new Date(wall).getUTCDay();
  return (d === 0 ? 7 : d) as IsoWeekday;
}

function partsOfWall(wall: number): ZonedParts {
  const t = new Date(wall);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    millisecond: t.getUTCMilliseconds(),
    dayOfWeek: isoWeekdayOfWall(wall),
  };
}

/** The wall clock of `instant` in `zone`, as milliseconds read as if UTC. */
function wallOf(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const n: Record<string, number> = {};
  let bc = false;
  for (const p of formatterFor(zone).formatToParts(new Date(whole))) {
    if (p.type === 'era') bc = p.value === 'BC' || p.value === 'B';
    else if (p.type !== 'literal') n[p.type] = Number(p.value);
  }
  const year = bc ? 1 - (n.year ?? 0) : (n.year ?? 0);
  return wallMillis(year, n.month ?? 1, n.day ?? 1, n.hour ?? 0, n.minute ?? 0, n.second ?? 0, instant - whole);
}

/** The zone's offset from UTC at an instant, in milliseconds (+8 h for Asia/Shanghai). */
export function zoneOffsetMs(instant: Date, zone: string): number {
  const t = instant.getTime();
  return wallOf(t, zone) - t;
}

/** The wall-clock date, time and weekday of an instant in a zone. */
export function zonedParts(instant: Date, zone: string): ZonedParts {
  return partsOfWall(wallOf(instant.getTime(), zone));
}

/**
 * The instant at which the zone's clocks show a wall-clock time. In a DST gap (a time that never shows,
 * e.g. 02:30 when New York springs forward) the time moves forward by the gap (03:30); in an overlap (01:30
 * shows twice when it falls back) the earlier instant wins. This is Temporal's "compatible" choice.
 * Fields beyond their range roll over (day 32 is the 1st of the next month).
 */
export function instantOfLocal(local: Partial<LocalDateTime> & Pick<LocalDateTime, 'year' | 'month' | 'day'>, zone: string): Date {
  const wall = wallMillis(local.year, local.month, local.day, local.hour, local.minute, local.second, local.millisecond);
  // Every offset the zone uses near that wall time (transitions are far more than a day apart).
  const before = wallOf(wall - DAY_MS, zone) - (wall - DAY_MS);
  const after = wallOf(wall + DAY_MS, zone) - (wall + DAY_MS);
  const candidates = [...new Set([before, after, wallOf(wall, zone) - wall])]
    .map((offset) => wall - offset)
    .filter((t) => wallOf(t, zone) === wall)
    .sort((a, b) => a - b);
  // No candidate: the wall time falls in a gap; read it with the offset in force before the change.
  return new Date(candidates[0] ?? wall - before);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dateText(p: Pick<LocalDateTime, 'year' | 'month' | 'day'>): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The calendar date of an instant in a zone, 'YYYY-MM-DD'. */
export function localDate(instant: Date, zone: string): string {
  return dateText(zonedParts(instant, zone));
}

/** The wall-clock date and time of an instant in a zone, 'YYYY-MM-DD HH:mm:ss' (for messages). */
export function localDateTime(instant: Date, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${dateText(p)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of an instant in a zone. */
export function localDayOfWeek(instant: Date, zone: string): IsoWeekday {
  return zonedParts(instant, zone).dayOfWeek;
}

/** The first instant of the instant's calendar day in the zone (usually 00:00). */
export function startOfLocalDay(instant: Date, zone: string): Date {
  const p = zonedParts(instant, zone);
  return instantOfLocal({ year: p.year, month: p.month, day: p.day }, zone);
}

/** The same wall-clock time `days` calendar days later (or earlier) in the zone: 15:10 stays 15:10 across DST. */
export function addLocalDays(instant: Date, days: number, zone: string): Date {
  const p = zonedParts(instant, zone);
  return instantOfLocal({ ...p, day: p.day + days }, zone);
}

/** The same wall-clock time `months` calendar months later (or earlier); the 31st becomes the month's last day. */
export function addLocalMonths(instant: Date, months: number, zone: string): Date {
  const p = zonedParts(instant, zone);
  const firstOfTarget = new Date(wallMillis(p.year, p.month + months, 1));
  const year = firstOfTarget.getUTCFullYear();
  const month = firstOfTarget.getUTCMonth() + 1;
  const lastDay = new Date(wallMillis(year, month + 1, 0)).getUTCDate();
  return instantOfLocal({ ...p, year, month, day: Math.min(p.day, lastDay) }, zone);
}

/** The start of the week (Monday 00:00, as in China) that holds the instant, in the zone. */
export function startOfLocalWeek(instant: Date, zone: string, weekStartsOn: IsoWeekday = 1): Date {
  const p = zonedParts(instant, zone);
  const back = (p.dayOfWeek - weekStartsOn + 7) % 7;
  return instantOfLocal({ year: p.year, month: p.month, day: p.day - back }, zone);
}

/** The first instant of the instant's calendar month in the zone. */
export function startOfLocalMonth(instant: Date, zone: string): Date {
  const p = zonedParts(instant, zone);
  return instantOfLocal({ year: p.year, month: p.month, day: 1 }, zone);
}

/** The first instant of the instant's calendar quarter (January, April, July, October) in the zone. */
export function startOfLocalQuarter(instant: Date, zone: string): Date {
  const p = zonedParts(instant, zone);
  return instantOfLocal({ year: p.year, month: p.month - ((p.month - 1) % 3), day: 1 }, zone);
}

/** The first instant of the instant's calendar year in the zone. */
export function startOfLocalYear(instant: Date, zone: string): Date {
  return instantOfLocal({ year: zonedParts(instant, zone).year, month: 1, day: 1 }, zone);
}

// Calendar dates without a zone, 'YYYY-MM-DD' (holiday lists, make-up workdays).

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a real calendar date written 'YYYY-MM-DD' ('2021-02-30' is not). */
export function isLocalDateText(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && dateText(partsOfWall(wallMillis(y, mo, d))) === text;
}

function parseDate(text: string): number {
  const m = DATE_RE.exec(text);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${text}`);
  return wallMillis(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The calendar date `days` after (or before) a 'YYYY-MM-DD' date. */
export function addDaysToLocalDate(date: string, days: number): string {
  return dateText(partsOfWall(parseDate(date) + days * DAY_MS));
}

/** The ISO weekday of a 'YYYY-MM-DD' calendar date. */
export function dayOfWeekOfLocalDate(date: string): IsoWeekday {
  return isoWeekdayOfWall(parseDate(date));
}

/** The instant of a wall-clock time ('HH:mm' or 'HH:mm:ss') on a 'YYYY-MM-DD' date in the zone. */
export function instantOfLocalDateTime(date: string, time: string, zone: string): Date {
  const p = partsOfWall(parseDate(date));
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!m) throw new Error(`not an HH:mm time: ${time}`);
  return instantOfLocal({ year: p.year, month: p.month, day: p.day, hour: Number(m[1]), minute: Number(m[2]), second: Number(m[3] ?? 0) }, zone);
}
