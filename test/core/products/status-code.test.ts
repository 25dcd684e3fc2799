import test from 'ava';
import fc from 'fast-check';
import {
  DEFAULT_LOOKUP_THROTTLE, STATUS_CODE_LENGTH, formatStatusCode, isLastFour, normaliseStatusCode, secondsBlocked,
} from '../../../core/products/status-code.js';

const bytes16 = fc.uint8Array({ minLength: 16, maxLength: 16 });

test('a query code is 128 random bits as 26 Crockford base32 characters in groups of four', (t) => {
  const code = formatStatusCode(new Uint8Array(16).fill(0xff));
  t.is(code, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZW');
  t.is(formatStatusCode(new Uint8Array(16)), '0000-0000-0000-0000-0000-0000-00');
  t.is(normaliseStatusCode(code).length, STATUS_CODE_LENGTH);
});

test('a code is refused unless made from exactly 16 bytes', (t) => {
  t.throws(() => formatStatusCode(new Uint8Array(15)));
});

test('different random bytes never give the same code (the encoding keeps all 128 bits)', (t) => {
  fc.assert(fc.property(bytes16, bytes16, (a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0) === (formatStatusCode(a) === formatStatusCode(b))));
  t.pass();
});

test('codes use no I, L, O or U, so they read out unambiguously', (t) => {
  fc.assert(fc.property(bytes16, (b) => /^[0-9A-HJKMNP-TV-Z-]+$/.test(formatStatusCode(b))));
  t.pass();
});

test('a code typed in lower case, with spaces, or with O/I/L for 0/1 is the same code', (t) => {
  fc.assert(fc.property(bytes16, (b) => {
    const code = formatStatusCode(b);
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    return normaliseStatusCode(typed) === normaliseStatusCode(code);
  }));
  t.pass();
});

test('the last four digits are exactly four digits', (t) => {
  t.true(isLastFour('4885'));
  t.false(isLastFour('488'));
  t.false(isLastFour('48a5'));
  t.false(isLastFour('48855'));
});

const NOW = new Date('2026-11-26T08:00:00Z');
const limit = DEFAULT_LOOKUP_THROTTLE.perCode; // 5 in 15 minutes
// [what, counter, seconds blocked]
const BLOCKS: [string, { failures: number; minutesAgo: number } | null, number][] = [
  ['no counter', null, 0],
  ['four failures', { failures: 4, minutesAgo: 1 }, 0],
  ['five failures a minute ago', { failures: 5, minutesAgo: 1 }, 14 * 60],
  ['five failures fifteen minutes ago (window over)', { failures: 5, minutesAgo: 15 }, 0],
  ['nine failures ten minutes ago', { failures: 9, minutesAgo: 10 }, 5 * 60],
];
for (const [what, c, seconds] of BLOCKS) {
  test(`a code with ${what} waits ${seconds} s`, (t) => {
    const counter = c === null ? null : { failures: c.failures, windowStartedAt: new Date(NOW.getTime() - c.minutesAgo * 60_000) };
    t.is(secondsBlocked(counter, limit, NOW), seconds);
  });
}
