import test from 'ava';
import fc from 'fast-check';
import { validateFeeRule, type FeeRule } from '../../../core/fees/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { arbRule } from './arbitraries.js';

function refusal(r: unknown): [string, string][] {
  if (!(r instanceof DomainError)) throw new Error('expected a DomainError');
  if (r.code !== 'fee.invalid_rule' || r.kind !== 'invalid') throw new Error(`unexpected ${r.code}/${r.kind}`);
  return r.fieldErrors.map((f) => [f.path, f.code]);
}

test('up-front 2,000 元 + success 1.5 % of the disbursed amount is accepted, bounds filled in as null', (t) => {
  t.deepEqual(validateFeeRule({ split: 'parts', upFront: { kind: 'fixed', amountFen: 200_000 }, success: { kind: 'rate', base: 'disbursed', ratePercent: '1.50' } }), {
    split: 'parts', upFront: { kind: 'fixed', amountFen: 200_000 }, success: { kind: 'rate', base: 'disbursed', ratePercent: '1.5', minFen: null, maxFen: null },
  });
});

test('tiers default to the marginal reading; whole is kept when asked for', (t) => {
  const tiers = [{ upToFen: 100_000_000, ratePercent: '2' }, { upToFen: null, ratePercent: '1.5' }];
  const marginal = validateFeeRule({ split: 'parts', upFront: null, success: { kind: 'tiered', base: 'disbursed', tiers } }) as FeeRule;
  t.like(marginal, { split: 'parts', success: { kind: 'tiered', reading: 'marginal' } });
  const whole = validateFeeRule({ split: 'parts', success: { kind: 'tiered', base: 'approved', reading: 'whole', tiers, minFen: 100, maxFen: 100 } }) as FeeRule;
  t.like(whole, { success: { reading: 'whole', minFen: 100, maxFen: 100 } });
});

test('up-front 30 % of the total is a share rule', (t) => {
  t.deepEqual(validateFeeRule({ split: 'share', total: { kind: 'fixed', amountFen: 1_000_000 }, upFrontSharePercent: '30' }), {
    split: 'share', total: { kind: 'fixed', amountFen: 1_000_000 }, upFrontSharePercent: '30',
  });
});

const rate = (o: Record<string, unknown> = {}): Record<string, unknown> => ({ kind: 'rate', base: 'disbursed', ratePercent: '1.5', ...o });
const tiered = (tiers: unknown, o: Record<string, unknown> = {}): Record<string, unknown> => ({ kind: 'tiered', base: 'disbursed', tiers, ...o });
const parts = (success: unknown, upFront: unknown = null): Record<string, unknown> => ({ split: 'parts', upFront, success });

// [what is wrong, the input, the field errors expected]
const BAD: [string, unknown, [string, string][]][] = [
  ['not an object', 'fixed', [['', 'not_object']]],
  ['an unknown split', { split: 'half' }, [['/split', 'unknown_split']]],
  ['neither part', parts(null, null), [['/upFront', 'no_part']]],
  ['a minimum above the maximum', parts(rate({ minFen: 500_000, maxFen: 200_000 })), [['/success/minFen', 'min_above_max']]],
  ['a negative fixed amount', parts(null, { kind: 'fixed', amountFen: -1 }), [['/upFront/amountFen', 'negative']]],
  ['a fraction of a fen', parts(null, { kind: 'fixed', amountFen: 10.5 }), [['/upFront/amountFen', 'not_integer']]],
  ['a negative minimum', parts(rate({ minFen: -100 })), [['/success/minFen', 'negative']]],
  ['bounds on a fixed amount', parts(null, { kind: 'fixed', amountFen: 100, maxFen: 50 }), [['/upFront/maxFen', 'not_applicable']]],
  ['a rate above 100 %', parts(rate({ ratePercent: '100.5' })), [['/success/ratePercent', 'above_100_percent']]],
  ['a negative rate', parts(rate({ ratePercent: '-0.5' })), [['/success/ratePercent', 'negative']]],
  ['a rate with five decimals', parts(rate({ ratePercent: '1.23456' })), [['/success/ratePercent', 'too_many_decimals']]],
  ['a rate as a number', parts(rate({ ratePercent: 1.5 })), [['/success/ratePercent', 'not_rate']]],
  ['a missing rate', parts(rate({ ratePercent: undefined })), [['/success/ratePercent', 'required']]],
  ['an unknown base', parts(rate({ base: 'requested' })), [['/success/base', 'unknown_base']]],
  ['an unknown kind', parts({ kind: 'percent' }), [['/success/kind', 'unknown_kind']]],
  ['a misspelt field', parts(rate({ rate: '1' })), [['/success/rate', 'unknown_field']]],
  ['an unknown reading', parts(tiered([{ upToFen: null, ratePercent: '1' }], { reading: 'progressive' })), [['/success/reading', 'unknown_reading']]],
  ['tiers not ascending', parts(tiered([{ upToFen: 500, ratePercent: '2' }, { upToFen: 500, ratePercent: '1.5' }, { upToFen: null, ratePercent: '1' }])), [['/success/tiers/1/upToFen', 'tiers_not_ascending']]],
  ['a first tier bounded at 0', parts(tiered([{ upToFen: 0, ratePercent: '2' }, { upToFen: null, ratePercent: '1' }])), [['/success/tiers/0/upToFen', 'tiers_not_ascending']]],
  ['an open tier before the last', parts(tiered([{ upToFen: null, ratePercent: '2' }, { upToFen: null, ratePercent: '1' }])), [['/success/tiers/0/upToFen', 'open_tier_not_last']]],
  ['a bounded last tier', parts(tiered([{ upToFen: 100, ratePercent: '2' }])), [['/success/tiers/0/upToFen', 'last_tier_bounded']]],
  ['no tiers', parts(tiered([])), [['/success/tiers', 'tier_count']]],
  ['a share above 100 %', { split: 'share', total: { kind: 'fixed', amountFen: 1 }, upFrontSharePercent: '120' }, [['/upFrontSharePercent', 'above_100_percent']]],
  ['a share rule without its total', { split: 'share', upFrontSharePercent: '30' }, [['/total', 'required']]],
];

for (const [what, input, fields] of BAD) {
  test(`a rule with ${what} is refused at its field`, (t) => {
    t.deepEqual(refusal(validateFeeRule(input)), fields);
  });
}

test('every problem of a rule is reported in one pass, in Chinese and English', (t) => {
  const r = validateFeeRule(parts(tiered([{ upToFen: 500, ratePercent: '2.12345' }, { upToFen: 400, ratePercent: '1' }, { upToFen: null, ratePercent: '101' }], { minFen: 9, maxFen: 1 }), { kind: 'fixed', amountFen: -5 }));
  t.deepEqual(refusal(r), [
    ['/upFront/amountFen', 'negative'],
    ['/success/minFen', 'min_above_max'],
    ['/success/tiers/0/ratePercent', 'too_many_decimals'],
    ['/success/tiers/1/upToFen', 'tiers_not_ascending'],
    ['/success/tiers/2/ratePercent', 'above_100_percent'],
  ]);
  const e = r as DomainError;
  t.true(e.text.zh.includes('/success/minFen 最低收费不能高于最高收费'));
  t.true(e.text.en.includes('/success/minFen the minimum must not be above the maximum'));
});

test('property: every valid rule validates to itself (the stored form is the normal form)', (t) => {
  t.notThrows(() => fc.assert(fc.property(arbRule, (rule) => {
    t.deepEqual(validateFeeRule(rule), rule);
  })));
});
