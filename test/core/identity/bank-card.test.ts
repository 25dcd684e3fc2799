import test from 'ava';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { DomainError } from '../../../core/shared/domain-error.js';
import {
  normalizeBankCard, isLuhnValid, maskBankCard, makeLuhnCard, bankCardLuhnWarning,
} from '../../../core/identity/index.js';

const brochureCard: ReadonlyArray<string> = ['6227895643156487', '6227 8956 4315 6487', '6227-8956-4315-6487', ' 6227895643156487 '];

for (const input of brochureCard) {
  test(`the brochure card ${JSON.stringify(input)} normalizes but is flagged Luhn-invalid (a warning, not a rejection)`, (t) => {
    t.deepEqual(normalizeBankCard(input), { number: '6227895643156487', luhnValid: false });
  });
}

test('the Luhn warning has a stable code', (t) => {
  t.is(bankCardLuhnWarning, 'identity.bank_card_luhn');
});

const luhn: ReadonlyArray<readonly [string, boolean]> = [
  ['79927398713', true], // the textbook Luhn example
  ['79927398710', false],
  ['4111111111111111', true], // the well-known card test number
  ['6222021001122337', true], // makeLuhnCard('622202100112233')
  ['6228480012345678903', true], // makeLuhnCard('622848001234567890'), 19 digits
  ['6227895643156487', false],
  ['', false],
  ['4111 1111 1111 1111', false], // isLuhnValid takes digits only
];

for (const [digits, valid] of luhn) {
  test(`isLuhnValid(${JSON.stringify(digits)}) is ${valid}`, (t) => {
    t.is(isLuhnValid(digits), valid);
  });
}

test('makeLuhnCard appends the Luhn check digit', (t) => {
  t.is(makeLuhnCard('622202100112233'), '6222021001122337');
  t.is(makeLuhnCard('622848001234567890'), '6228480012345678903');
  t.deepEqual(normalizeBankCard('6228 4800 1234 5678 903'), { number: '6228480012345678903', luhnValid: true });
});

const rejected: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
  ['622789564315648', { reason: 'length', length: 15 }],
  ['62278956431564870000', { reason: 'length', length: 20 }],
  ['', { reason: 'characters' }],
  ['6227 8956 4315 648A', { reason: 'characters' }],
  ['６２２７８９５６４３１５６４８７', { reason: 'characters' }], // full-width digits are not folded for cards
];

for (const [input, details] of rejected) {
  test(`bank card ${JSON.stringify(input)} is rejected as identity.invalid_bank_card (${String(details.reason)})`, (t) => {
    const e = t.throws(() => normalizeBankCard(input), { instanceOf: DomainError });
    t.is(e.code, 'identity.invalid_bank_card');
    t.is(e.kind, 'invalid');
    t.deepEqual(e.details, details);
  });
}

test('a bank card is masked as its last four digits', (t) => {
  t.is(maskBankCard('6227895643156487'), '****6487');
});

test('makeLuhnCard refuses a prefix that is not 15-18 digits (a fixture bug)', (t) => {
  t.throws(() => makeLuhnCard('62220210011223'), { message: /15-18 digits/ });
  t.throws(() => makeLuhnCard('6222021001122334567'), { message: /15-18 digits/ });
});

const prefix = fc.stringMatching(/^\d{15,18}$/);

test('every card made by makeLuhnCard is Luhn-valid and normalizes with luhnValid true', (t) => {
  t.notThrows(() => fc.assert(fc.property(prefix, (p) => {
    const card = makeLuhnCard(p);
    assert.equal(card.length, p.length + 1);
    assert.ok(card.startsWith(p));
    assert.deepEqual(normalizeBankCard(card), { number: card, luhnValid: true });
  })));
});

test('changing any one digit of a Luhn-valid card makes it invalid', (t) => {
  t.notThrows(() => fc.assert(fc.property(prefix, fc.nat(18), fc.integer({ min: 1, max: 9 }), (p, pos, shift) => {
    const card = makeLuhnCard(p);
    const at = pos % card.length;
    const changed = card.slice(0, at) + String((Number(card.charAt(at)) + shift) % 10) + card.slice(at + 1);
    assert.equal(isLuhnValid(changed), false);
  })));
});
