import test from 'ava';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { DomainError } from '../../../core/shared/domain-error.js';
import {
  parseResidentId, maskResidentId, makeResidentId, residentIdCheckChar, type Gender,
} from '../../../core/identity/index.js';

// Noon in Shanghai on a calendar day, so the day is the same in every time zone from UTC-11 to UTC+12.
const on = (day: string): Date => new Date(`${day}T12:00:00+08:00`);
const withCheck = (first17: string): string => first17 + residentIdCheckChar(first17);

test('the brochure ID 320525197009184885 fails the check digit and the message names the expected character', (t) => {
  const e = t.throws(() => parseResidentId('320525197009184885', on('2021-08-26')), { instanceOf: DomainError });
  t.is(e.code, 'identity.invalid_resident_id');
  t.is(e.kind, 'invalid');
  t.deepEqual(e.details, { reason: 'check_digit', expected: '0' });
  t.true(e.text.en.includes('GB 11643'));
  t.true(e.text.en.includes('should be 0'));
  t.true(e.text.zh.includes('应为 0'));
});

test('the GB 11643 example 11010519491231002X is a woman born 1949-12-31', (t) => {
  t.deepEqual(parseResidentId('11010519491231002X', on('2021-08-26')), {
    number: '11010519491231002X', birthDate: '1949-12-31', gender: 'female', age: 71,
  });
});

test('the number is trimmed and a final lower-case x is upper-cased', (t) => {
  t.is(parseResidentId('  11010519491231002x ', on('2021-08-26')).number, '11010519491231002X');
});

const built: ReadonlyArray<readonly [Parameters<typeof makeResidentId>[0], string, string, Gender]> = [
  [{ birthDate: '1985-06-15', gender: 'male' }, '320506198506150011', '1985-06-15', 'male'],
  [{ birthDate: '1985-06-15', gender: 'female' }, '32050619850615002X', '1985-06-15', 'female'],
  [{ region: '110105', birthDate: '1949-12-31', sequence: 2 }, '11010519491231002X', '1949-12-31', 'female'],
  [{ region: '440305', birthDate: '2000-02-29', sequence: 999 }, '440305200002299998', '2000-02-29', 'male'],
];

for (const [spec, number, birthDate, gender] of built) {
  test(`makeResidentId(${JSON.stringify(spec)}) builds ${number}, which parses back`, (t) => {
    t.is(makeResidentId(spec), number);
    const parsed = parseResidentId(number, on('2025-01-01'));
    t.is(parsed.birthDate, birthDate);
    t.is(parsed.gender, gender);
  });
}

const ages: ReadonlyArray<readonly [string, string, number, string]> = [
  ['1990-06-15', '2020-06-14', 29, 'the day before the birthday'],
  ['1990-06-15', '2020-06-15', 30, 'on the birthday'],
  ['2000-02-29', '2001-02-28', 0, 'born 29 Feb, 28 Feb of a non-leap year'],
  ['2000-02-29', '2001-03-01', 1, 'born 29 Feb, 1 Mar of a non-leap year'],
  ['2000-02-29', '2004-02-28', 3, 'born 29 Feb, 28 Feb of a leap year'],
  ['2000-02-29', '2004-02-29', 4, 'born 29 Feb, 29 Feb of a leap year'],
  ['2000-02-29', '2100-02-28', 99, 'born 29 Feb, 28 Feb of 2100 (not leap)'],
  ['2000-02-29', '2100-03-01', 100, 'born 29 Feb, 1 Mar of 2100 (not leap)'],
  ['2021-08-26', '2021-08-26', 0, 'born today'],
  ['1901-08-26', '2021-08-26', 120, 'exactly 120, the oldest accepted'],
];

for (const [birthDate, asOf, age, what] of ages) {
  test(`age is ${age} for born ${birthDate} on ${asOf} (${what})`, (t) => {
    t.is(parseResidentId(makeResidentId({ birthDate }), on(asOf)).age, age);
  });
}

test('the calendar day of asOf is taken in the time zone (Asia/Shanghai by default)', (t) => {
  const id = makeResidentId({ birthDate: '1990-06-15' });
  const instant = new Date('2020-06-14T16:30:00Z'); // 00:30 on 15 June in Shanghai, still 14 June in UTC
  t.is(parseResidentId(id, instant).age, 30);
  t.is(parseResidentId(id, instant, 'UTC').age, 29);
  const bornThatDay = makeResidentId({ birthDate: '2020-06-15' });
  t.is(parseResidentId(bornThatDay, instant).age, 0);
  t.is(t.throws(() => parseResidentId(bornThatDay, instant, 'UTC'), { instanceOf: DomainError }).details.reason, 'future');
});

const rejected: ReadonlyArray<readonly [string, string, string, RegExp]> = [
  ['320525700918488', 'first_generation', '15-digit first-generation number', /15-digit first-generation.*18-digit/],
  ['3205251970091848', 'length', '16 characters', /18 characters; this one has 16/],
  ['3205251970091848850', 'length', '19 characters', /this one has 19/],
  ['32052519700918488A', 'characters', 'a letter other than X at the end', /17 digits followed by a digit or X/],
  ['3205251970091X4880', 'characters', 'an X before the end', /17 digits followed by a digit or X/],
  [withCheck('32050619990230001'), 'date', '1999-02-30', /not a real calendar date/],
  [withCheck('32050619000229001'), 'date', '1900-02-29 (1900 is not leap)', /not a real calendar date/],
  [withCheck('32050619901301001'), 'date', 'month 13', /not a real calendar date/],
  [withCheck('32050619900100001'), 'date', 'day 00', /not a real calendar date/],
  [makeResidentId({ birthDate: '2021-08-27' }), 'future', 'a birth date after today', /after today \(2021-08-26\)/],
  [makeResidentId({ birthDate: '1900-08-26' }), 'age', 'age 121', /age of 121, over 120/],
];

for (const [input, reason, what, en] of rejected) {
  test(`ID ${input} is rejected for ${reason}: ${what}`, (t) => {
    const e = t.throws(() => parseResidentId(input, on('2021-08-26')), { instanceOf: DomainError });
    t.is(e.code, 'identity.invalid_resident_id');
    t.is(e.details.reason, reason);
    t.regex(e.text.en, en);
  });
}

test('a 15-digit number gets its own message asking for the 18-digit one, in Chinese too', (t) => {
  const e = t.throws(() => parseResidentId('320525700918488', on('2021-08-26')), { instanceOf: DomainError });
  t.true(e.text.zh.includes('第一代身份证'));
  t.true(e.text.zh.includes('18 位'));
});

test('an ID number is masked as its first 4 and last 4 characters', (t) => {
  t.is(maskResidentId('320525197009184885'), '3205**********4885');
  t.is(maskResidentId('11010519491231002X'), '1101**********002X');
});

test('makeResidentId refuses fixtures that cannot be valid (a bug, a plain Error)', (t) => {
  t.throws(() => makeResidentId({ birthDate: '1999-02-30' }), { message: /real YYYY-MM-DD date/ });
  t.throws(() => makeResidentId({ region: '32050', birthDate: '1999-01-01' }), { message: /region must be 6 digits/ });
  t.throws(() => makeResidentId({ birthDate: '1999-01-01', sequence: 1000 }), { message: /integer 0-999/ });
  t.throws(() => makeResidentId({ birthDate: '1999-01-01', sequence: 4, gender: 'male' }), { message: /other gender/ });
});

const asOf = on('2025-06-01');
const birthDate = fc.date({ min: new Date('1906-01-01T00:00:00Z'), max: new Date('2025-06-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const spec = fc.record({
  region: fc.stringMatching(/^\d{6}$/),
  birthDate,
  sequence: fc.integer({ min: 0, max: 999 }),
  passGender: fc.boolean(),
});

test('every ID made by makeResidentId parses back to the same birth date and gender', (t) => {
  t.notThrows(() => fc.assert(fc.property(spec, ({ region, birthDate, sequence, passGender }) => {
    const gender: Gender = sequence % 2 === 1 ? 'male' : 'female';
    const number = makeResidentId({ region, birthDate, sequence, ...(passGender ? { gender } : {}) });
    const parsed = parseResidentId(number, asOf);
    assert.equal(parsed.number, number);
    assert.equal(parsed.birthDate, birthDate);
    assert.equal(parsed.gender, gender);
  })));
});

test('a gender alone picks a sequence of that gender', (t) => {
  t.notThrows(() => fc.assert(fc.property(birthDate, fc.constantFrom<Gender>('male', 'female'), (day, gender) => {
    assert.equal(parseResidentId(makeResidentId({ birthDate: day, gender }), asOf).gender, gender);
  })));
});

test('changing any one character of a valid ID to another digit (or X) fails the check digit', (t) => {
  t.notThrows(() => fc.assert(fc.property(spec, fc.nat(17), fc.integer({ min: 1, max: 10 }), (s, at, shift) => {
    const number = makeResidentId({ region: s.region, birthDate: s.birthDate, sequence: s.sequence });
    const alphabet = at === 17 ? '0123456789X' : '0123456789';
    const old = alphabet.indexOf(number.charAt(at));
    const replacement = alphabet.charAt((old + (shift % alphabet.length || 1)) % alphabet.length);
    const changed = number.slice(0, at) + replacement + number.slice(at + 1);
    assert.throws(() => parseResidentId(changed, asOf), (e: unknown) =>
      e instanceof DomainError && e.details.reason === 'check_digit');
  })));
});
