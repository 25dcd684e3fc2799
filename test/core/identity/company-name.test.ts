import test from 'ava';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { normalizeCompanyName } from '../../../core/identity/index.js';

const keys: ReadonlyArray<readonly [string, string]> = [
  ['盛博科技有限公司', '盛博科技'],
  ['盛博科技', '盛博科技'],
  ['ＳＨＥＮＧ盛博科技', 'sheng盛博科技'], // full-width letters fold and lower-case, but stay part of the name
  ['ＳＨＥＮＧ盛博科技有限公司', 'sheng盛博科技'],
  ['  盛博 科技\u3000有限公司 ', '盛博科技'],
  ['盛博科技股份有限公司', '盛博科技'],
  ['盛博科技有限责任公司', '盛博科技'],
  ['盛博科技（北京）有限公司', '盛博科技(北京)'],
  ['盛博科技(北京)有限公司', '盛博科技(北京)'],
  ['盛博科技【北京】有限公司', '盛博科技(北京)'],
  ['盛博科技［北京］有限公司', '盛博科技(北京)'],
  ['盛博科技〔北京〕有限公司', '盛博科技(北京)'],
  ['Shengbo Tech 有限公司', 'shengbotech'],
  ['盛博科技有限公司北京分公司', '盛博科技有限公司北京分公司'], // the suffix is dropped only at the end
  ['盛博科技有限公司有限公司', '盛博科技有限公司'], // one suffix at most
  ['盛博科技集团', '盛博科技集团'],
  ['有限公司', '有限公司'], // never reduced to nothing
  ['', ''],
];

for (const [name, key] of keys) {
  test(`company name ${JSON.stringify(name)} has the duplicate-check key ${JSON.stringify(key)}`, (t) => {
    t.is(normalizeCompanyName(name), key);
  });
}

const piece = fc.constantFrom('盛博', '科技', 'ＳＨＥＮＧ', 'Ab', ' ', '\u3000', '\t', '（', '）', '【', '】', '［', '］', '有限公司', '1２');

test('a key has no whitespace, no capital Latin letters and only ASCII round brackets', (t) => {
  t.notThrows(() => fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
    const key = normalizeCompanyName(pieces.join(''));
    assert.doesNotMatch(key, /[\sA-ZＡ-Ｚ（）【】［］[\]]/);
  })));
});

test('a name and the same name with a company-form suffix share a key', (t) => {
  const base = fc.array(fc.constantFrom('盛博', '科技', 'ＳＨＥＮＧ', '（北京）', ' '), { minLength: 1, maxLength: 6 })
    .map((p) => p.join(''))
    .filter((s) => s.trim() !== '');
  t.notThrows(() => fc.assert(fc.property(base, fc.constantFrom('有限公司', '股份有限公司', '有限责任公司'), (name, suffix) => {
    assert.equal(normalizeCompanyName(name + suffix), normalizeCompanyName(name));
  })));
});
