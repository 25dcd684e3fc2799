import test from 'ava';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { DomainError } from '../../../core/shared/domain-error.js';
import { normalizeMobile, maskMobile, mobileLastFour } from '../../../core/identity/index.js';

const accepted: ReadonlyArray<readonly [string, string]> = [
  ['15213801285', '15213801285'], // the brochure's customer mobile
  ['13812345678', '13812345678'],
  ['+86 138-1234-5678', '13812345678'],
  ['0086 13812345678', '13812345678'],
  ['8613812345678', '13812345678'],
  ['１３８１２３４５６７８', '13812345678'],
  ['(138) 1234 5678', '13812345678'],
  ['＋８６（１３８）１２３４－５６７８', '13812345678'],
  [' 199\t0000\u30000000 ', '19900000000'],
  ['18612345678', '18612345678'], // starts with 186 but is 11 digits: no '86' stripped
];

for (const [input, expected] of accepted) {
  test(`mobile ${JSON.stringify(input)} normalizes to ${expected}`, (t) => {
    t.is(normalizeMobile(input), expected);
  });
}

const rejected: readonly string[] = [
  '12812345678', // second digit 2
  '1381234567', // 10 digits
  '138123456789', // 12 digits
  '23812345678', // does not start with 1
  '+8612812345678',
  '86138123456789', // 14 digits: '86' is only stripped when 13 digits remain
  '138 1234 567a',
  '',
];

for (const input of rejected) {
  test(`mobile ${JSON.stringify(input)} is rejected as identity.invalid_mobile`, (t) => {
    const e = t.throws(() => normalizeMobile(input), { instanceOf: DomainError });
    t.is(e.code, 'identity.invalid_mobile');
    t.is(e.kind, 'invalid');
    t.true(e.text.en.includes('11 digits'));
    t.true(e.text.zh.includes('11 位'));
  });
}

test('a mobile is masked as its first 3 and last 4 digits', (t) => {
  t.is(maskMobile('13812345678'), '138****5678');
  t.is(maskMobile('15213801285'), '152****1285');
});

test('the last four digits of a mobile are its lookup key', (t) => {
  t.is(mobileLastFour('13812345678'), '5678');
});

const validMobile = fc.stringMatching(/^1[3-9]\d{9}$/);
const decorated = fc.tuple(
  fc.constantFrom('', '+86', '+86 ', '0086', '86', '＋８６'),
  validMobile,
  fc.constantFrom('', ' ', '-', '\u3000'),
).map(([prefix, m, sep]) => `${prefix}${m.slice(0, 3)}${sep}${m.slice(3, 7)}${sep}${m.slice(7)}`);

test('normalizing a normalized mobile changes nothing (idempotent)', (t) => {
  t.notThrows(() => fc.assert(fc.property(decorated, (input) => {
    const once = normalizeMobile(input);
    assert.equal(normalizeMobile(once), once);
    assert.match(once, /^1[3-9]\d{9}$/);
  })));
});

test('a masked mobile keeps the first 3 and last 4 digits and stars the 4 between', (t) => {
  t.notThrows(() => fc.assert(fc.property(validMobile, (m) => {
    const masked = maskMobile(m);
    assert.equal(masked, `${m.slice(0, 3)}****${m.slice(-4)}`);
    assert.equal(mobileLastFour(m), m.slice(-4));
  })));
});
