// Resident identity card numbers (居民身份证号码, GB 11643-1999): validate, derive birth date, gender and age, mask.
import { domainError, zonedParts, type DomainError } from '../shared/index.js';

/** Error code for every way a resident ID number can be wrong; `details.reason` says which rule failed. */
export const invalidResidentIdCode = 'identity.invalid_resident_id';

export type Gender = 'male' | 'female';

export type ResidentIdFailure = 'first_generation' | 'length' | 'characters' | 'check_digit' | 'date' | 'future' | 'age';

export interface ResidentId {
  readonly number: string;
  /** 'YYYY-MM-DD', digits 7-14 of the number. */
  readonly birthDate: string;
  readonly gender: Gender;
  /** Completed years on the day the number was checked, in the tenant's time zone. */
  readonly age: number;
}

/** Oldest age we accept: anything above is a typing error, not a customer. */
export const maxResidentAge = 120;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits: '0'-'9' or 'X'. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`residentIdCheckChar needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * A resident ID is accepted when it has 18 characters (17 digits and a digit or X), a correct check character,
 * a real birth date that is not after `asOf`'s calendar day in `timeZone`, and an age of at most 120.
 */
export function parseResidentId(text: string, asOf: Date, timeZone = 'Asia/Shanghai'): ResidentId {
  let s = text.trim();
  if (s.endsWith('x')) s = `${s.slice(0, -1)}X`;
  if (/^\d{15}$/.test(s)) {
    throw fail('first_generation',
      '这是 15 位的第一代身份证号码，已停止使用；请向客户索取 18 位的第二代身份证号码',
      'This is a 15-digit first-generation ID number, which is no longer valid; ask for the 18-digit ID number');
  }
  if (s.length !== 18) {
    throw fail('length', `身份证号码应为 18 位，当前为 ${s.length} 位`,
      `A resident ID number has 18 characters; this one has ${s.length}`, { length: s.length });
  }
  if (!/^\d{17}[\dX]$/.test(s)) {
    throw fail('characters', '身份证号码前 17 位应为数字，最后一位应为数字或 X',
      'A resident ID number has 17 digits followed by a digit or X');
  }
  const expected = residentIdCheckChar(s.slice(0, 17));
  if (s.charAt(17) !== expected) {
    throw fail('check_digit', `身份证号码校验位不正确：按 GB 11643 计算，最后一位应为 ${expected}，请核对号码`,
      `The check character is wrong under GB 11643: the last character should be ${expected}; check the number`,
      { expected });
  }
  const birth = { year: Number(s.slice(6, 10)), month: Number(s.slice(10, 12)), day: Number(s.slice(12, 14)) };
  if (!isRealDate(birth)) {
    throw fail('date', `身份证号码中的出生日期（第 7-14 位 ${s.slice(6, 14)}）不是有效日期`,
      `The birth date in the number (digits 7-14, ${s.slice(6, 14)}) is not a real calendar date`);
  }
  const today = calendarDay(asOf, timeZone);
  if (compareDays(birth, today) > 0) {
    throw fail('future', `身份证号码中的出生日期 ${isoDay(birth)} 晚于今天 ${isoDay(today)}`,
      `The birth date ${isoDay(birth)} is after today (${isoDay(today)})`);
  }
  const age = ageOn(birth, today);
  if (age > maxResidentAge) {
    throw fail('age', `按身份证号码计算年龄为 ${age} 岁，超过 ${maxResidentAge} 岁，请核对号码`,
      `The number gives an age of ${age}, over ${maxResidentAge}; check the number`, { age, max: maxResidentAge });
  }
  return { number: s, birthDate: isoDay(birth), gender: Number(s.charAt(16)) % 2 === 1 ? 'male' : 'female', age };
}

/** Screens show an ID number as its first 4 and last 4 characters with the rest starred. */
export function maskResidentId(number: string): string {
  // Anything too short to hide the middle is starred in full rather than shown.
  if (number.length <= 8) return '*'.repeat(number.length);
  return number.slice(0, 4) + '*'.repeat(number.length - 8) + number.slice(-4);
}

export interface ResidentIdSpec {
  /** 6-digit administrative region code; default '320506' (苏州市吴中区). */
  readonly region?: string;
  readonly birthDate: string;
  /** 0-999, digits 15-17; its last digit is odd for men. Default 1 (male) or 2 (female). */
  readonly sequence?: number;
  readonly gender?: Gender;
}

/** Test-data builder: a valid synthetic 18-character ID number; bad input is a bug in the fixture (plain Error). */
export function makeResidentId(spec: ResidentIdSpec): string {
  const region = spec.region ?? '320506';
  if (!/^\d{6}$/.test(region)) throw new Error(`makeResidentId: region must be 6 digits, got "${region}"`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(spec.birthDate);
  if (!m || !isRealDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) })) {
    throw new Error(`makeResidentId: birthDate must be a real YYYY-MM-DD date, got "${spec.birthDate}"`);
  }
  const sequence = spec.sequence ?? (spec.gender === 'female' ? 2 : 1);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new Error(`makeResidentId: sequence must be an integer 0-999, got ${sequence}`);
  }
  if (spec.gender !== undefined && (sequence % 2 === 1) !== (spec.gender === 'male')) {
    throw new Error(`makeResidentId: sequence ${sequence} gives the other gender than ${spec.gender}`);
  }
  const first17 = `${region}${m[1]}${m[2]}${m[3]}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function fail(reason: ResidentIdFailure, zh: string, en: string, extra: Record<string, unknown> = {}): DomainError {
  return domainError(invalidResidentIdCode, 'invalid', zh, en, { reason, ...extra });
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(d: Day): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

function calendarDay(instant: Date, timeZone: string): Day {
  if (Number.isNaN(instant.getTime())) throw new Error('parseResidentId: asOf is an invalid Date');
  const { year, month, day } = zonedParts(instant, timeZone);
  return { year, month, day };
}

function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

// Completed years, going up on the birthday. Comparing month and day as numbers means someone born on
// 29 February is a year older from 1 March in a non-leap year (28 February still sorts before 02-29).
function ageOn(birth: Day, today: Day): number {
  const beforeBirthday = today.month < birth.month || (today.month === birth.month && today.day < birth.day);
  return today.year - birth.year - (beforeBirthday ? 1 : 0);
}

function isoDay(d: Day): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
