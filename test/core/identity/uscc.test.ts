import test from 'ava';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { DomainError } from '../../../core/shared/domain-error.js';
import { normalizeUscc, usccCheckChar, makeUscc, usccCharset } from '../../../core/identity/index.js';

test('the brochure tax id 123456789987654321 fails the GB 32100 check and names the expected character', (t) => {
  const e = t.throws(() => normalizeUscc('123456789987654321'), { instanceOf: DomainError });
  t.is(e.code, 'identity.invalid_uscc');
  t.is(e.kind, 'invalid');
  t.deepEqual(e.details, { reason: 'check_digit', expected: '9' });
  t.true(e.text.en.includes('GB 32100'));
  t.true(e.text.en.includes('should be 9'));
  t.true(e.text.zh.includes('应为 9'));
});

// Published examples, each checked by this algorithm before being listed here.
const published: ReadonlyArray<readonly [string, string]> = [
  ['91350100M000100Y43', 'util-helpers isSocialCreditCode docs'],
  ['91110108551385082Q', 'uscc-utils README (小米科技有限责任公司)'],
  ['91110000600037341L', 'python-stdnum / npm stdnum cn.uscc tests'],
];

for (const [code, source] of published) {
  test(`published code ${code} (${source}) is valid`, (t) => {
    t.is(normalizeUscc(code), code);
  });
}

test('a code whose check value is 31 ends in 0 and is valid', (t) => {
  t.is(usccCheckChar('91320506MA1X2Y3KF'), '0');
  t.is(makeUscc('91320506MA1X2Y3KF'), '91320506MA1X2Y3KF0');
  t.is(normalizeUscc('91320506MA1X2Y3KF0'), '91320506MA1X2Y3KF0');
});

test('a code is trimmed and upper-cased before it is checked', (t) => {
  t.is(normalizeUscc('  91350100m000100y43 '), '91350100M000100Y43');
});

const rejected: ReadonlyArray<readonly [string, string, Record<string, unknown>]> = [
  ['91350100M000100Y4', 'length', { reason: 'length', length: 17 }],
  ['91350100M000100Y431', 'length', { reason: 'length', length: 19 }],
  ['', 'length', { reason: 'length', length: 0 }],
  ['91350100M000100I43', 'characters', { reason: 'characters' }], // I is not in the charset
  ['91350100O000100Y43', 'characters', { reason: 'characters' }], // nor O
  ['91350100M000100Y4Z', 'characters', { reason: 'characters' }], // nor Z
  ['91350100M000100Y4A', 'check_digit', { reason: 'check_digit', expected: '3' }],
  ['91320506MA1X2Y3KFY', 'check_digit', { reason: 'check_digit', expected: '0' }],
];

for (const [input, rule, details] of rejected) {
  test(`tax id ${JSON.stringify(input)} is rejected by the ${rule} rule`, (t) => {
    const e = t.throws(() => normalizeUscc(input), { instanceOf: DomainError });
    t.is(e.code, 'identity.invalid_uscc');
    t.deepEqual(e.details, details);
  });
}

test('usccCheckChar refuses input that is not 17 charset characters (a fixture bug)', (t) => {
  t.throws(() => usccCheckChar('91350100M000100Y'), { instanceOf: Error, message: /17 characters/ });
  t.throws(() => usccCheckChar('91350100M000100YI'), { instanceOf: Error, message: /17 characters/ });
});

const charsetChar = fc.constantFrom(...usccCharset);
const first17 = fc.string({ unit: charsetChar, minLength: 17, maxLength: 17 });

test('every code made by makeUscc validates', (t) => {
  t.notThrows(() => fc.assert(fc.property(first17, (f) => {
    const code = makeUscc(f);
    assert.equal(code.length, 18);
    assert.equal(normalizeUscc(code), code);
  })));
});

test('changing any one character of a valid code to another charset character makes it fail the check', (t) => {
  t.notThrows(() => fc.assert(fc.property(first17, fc.nat(17), fc.nat(29), (f, at, shift) => {
    const code = makeUscc(f);
    const old = usccCharset.indexOf(code.charAt(at));
    const replacement = usccCharset.charAt((old + 1 + shift) % 31); // never the old character
    const changed = code.slice(0, at) + replacement + code.slice(at + 1);
    assert.throws(() => normalizeUscc(changed), (e: unknown) =>
      e instanceof DomainError && e.code === 'identity.invalid_uscc' && e.details.reason === 'check_digit');
  })));
});
