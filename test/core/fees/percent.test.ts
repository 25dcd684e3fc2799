import test from 'ava';
import fc from 'fast-check';
import { parsePercent, percentText, type Percent } from '../../../core/fees/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';

const ok = (p: Percent | DomainError): Percent => {
  if (p instanceof DomainError) throw new Error(p.message);
  return p;
};

// [text, parts per million, normalised text]
const GOOD: [string, bigint, string][] = [
  ['1.5', 15_000n, '1.5'],
  ['0.35', 3_500n, '0.35'],
  ['2', 20_000n, '2'],
  ['1.50', 15_000n, '1.5'],
  ['02', 20_000n, '2'],
  ['0.0001', 1n, '0.0001'],
  ['100', 1_000_000n, '100'],
  ['100.0000', 1_000_000n, '100'],
  ['0', 0n, '0'],
  [' 3.65 ', 36_500n, '3.65'],
];

for (const [text, ppm, normal] of GOOD) {
  test(`'${text}' percent is exactly ${ppm} ppm, written '${normal}'`, (t) => {
    t.deepEqual(ok(parsePercent(text)), { text: normal, ppm });
  });
}

// [text, field code]
const BAD: [string, string][] = [
  ['1.23456', 'too_many_decimals'],
  ['100.0001', 'above_100_percent'],
  ['150', 'above_100_percent'],
  ['-1', 'negative'],
  ['1e2', 'not_rate'],
  ['1.5%', 'not_rate'],
  ['', 'not_rate'],
  ['.5', 'not_rate'],
  ['1,5', 'not_rate'],
];

for (const [text, code] of BAD) {
  test(`'${text}' is refused as fee.invalid_rate with ${code}, in both languages`, (t) => {
    const r = parsePercent(text);
    t.true(r instanceof DomainError);
    const e = r as DomainError;
    t.is(e.code, 'fee.invalid_rate');
    t.is(e.kind, 'invalid');
    t.deepEqual(e.fieldErrors.map((f) => f.code), [code]);
    t.true(e.text.zh.startsWith('费率有误'));
    t.true(e.text.en.startsWith('Invalid rate'));
  });
}

test('the error for too many decimals says how many are allowed', (t) => {
  const e = parsePercent('0.12345') as DomainError;
  t.regex(e.text.zh, /最多 4 位小数/);
  t.regex(e.text.en, /at most 4 decimals/);
});

test('property: every rate of 0–100 % with up to four decimals reads back exactly from its text', (t) => {
  t.notThrows(() => fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), (ppm) => {
    const text = percentText(BigInt(ppm));
    const p = ok(parsePercent(text));
    return p.ppm === BigInt(ppm) && p.text === text && !/\.\d*0$/.test(text);
  })));
});
