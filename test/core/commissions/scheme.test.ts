import test from 'ava';
import {
  checkNextVersion, overrideRateFor, rateRuleFor, validateSchemeVersion, versionNumbered, versionOn, DEFAULT_TIER_MODE, type SchemeVersionInput,
} from '../../../core/commissions/index.js';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import { V1, V1_INPUT, version } from './fixtures.js';

function fieldCodes(r: unknown): [string, string][] {
  if (!isDomainError(r)) throw new Error('expected a DomainError');
  return r.fieldErrors.map((f) => [f.path, f.code]);
}

test('a valid version gets the default tier mode (全额累进) and no overrides when it says nothing', (t) => {
  const v = version({ version: 1, effectiveFrom: '2026-01-01', split: { ownerShare: '100', sourceShare: '0' }, rules: [{ roleCode: '*', categoryCode: '*', tiers: [{ fromFen: 0, rate: '2' }] }] });
  t.is(DEFAULT_TIER_MODE, 'whole');
  t.is(v.tierMode, 'whole');
  t.deepEqual(v.overrides, []);
});

test('the split must be exactly 100 %: 70 + 29.9999 is refused, 33.3333 + 66.6667 is fine', (t) => {
  const r = validateSchemeVersion({ ...V1_INPUT, split: { ownerShare: '70', sourceShare: '29.9999' } });
  t.deepEqual(fieldCodes(r), [['/split', 'split_not_100']]);
  t.false(isDomainError(validateSchemeVersion({ ...V1_INPUT, split: { ownerShare: '33.3333', sourceShare: '66.6667' } })));
});

test('every field problem is listed at once with its path and a stable code, in Chinese and English', (t) => {
  const bad = {
    version: 0,
    effectiveFrom: '2026-02-30',
    tierMode: 'progressive',
    split: { ownerShare: '70%', sourceShare: '30' },
    rules: [
      { roleCode: '', categoryCode: 'tax_loan', tiers: [{ fromFen: 100, rate: '3' }] },
      { roleCode: 'sales', categoryCode: '*', tiers: [{ fromFen: 0, rate: '3' }, { fromFen: 0, rate: '101' }] },
      { roleCode: 'sales', categoryCode: '*', tiers: [] },
    ],
    overrides: [{ categoryCode: '*', rate: '-1' }, { categoryCode: '*', rate: '1' }],
  } as unknown as SchemeVersionInput;
  const r = validateSchemeVersion(bad);
  t.true(r instanceof DomainError);
  t.is((r as DomainError).code, 'validation.failed');
  t.deepEqual(fieldCodes(r), [
    ['/version', 'invalid_version'],
    ['/effectiveFrom', 'invalid_date'],
    ['/tierMode', 'invalid_tier_mode'],
    ['/split/ownerShare', 'invalid_rate'],
    ['/rules/0/roleCode', 'invalid_code'],
    ['/rules/0/tiers/0/fromFen', 'first_tier_not_zero'],
    ['/rules/1/tiers/1/rate', 'invalid_rate'],
    ['/rules/1/tiers/1/fromFen', 'tiers_not_ascending'],
    ['/rules/2/tiers', 'tiers_required'],
    ['/rules/2', 'duplicate_rule'],
    ['/overrides/0/rate', 'invalid_rate'],
    ['/overrides/1', 'duplicate_rule'],
  ]);
  const first = (r as DomainError).fieldErrors[0]!;
  t.regex(first.zh, /版本号/);
  t.regex(first.en, /positive/);
});

test('a version needs at least one rule, and a tier amount is whole non-negative fen', (t) => {
  t.deepEqual(fieldCodes(validateSchemeVersion({ ...V1_INPUT, rules: [] })), [['/rules', 'rules_required']]);
  const r = validateSchemeVersion({ ...V1_INPUT, rules: [{ roleCode: 'sales', categoryCode: '*', tiers: [{ fromFen: 0, rate: '3' }, { fromFen: 1.5, rate: '4' }] }] });
  t.deepEqual(fieldCodes(r), [['/rules/0/tiers/1/fromFen', 'invalid_amount']]);
});

test('the version in force on a day is the latest effective on or before it; none before the first', (t) => {
  const v2 = version({ ...V1_INPUT, version: 2, effectiveFrom: '2026-04-01' });
  const history = [v2, V1];
  t.is(versionOn(history, '2025-12-31'), null);
  t.is(versionOn(history, '2026-01-01')?.version, 1);
  t.is(versionOn(history, '2026-03-31')?.version, 1);
  t.is(versionOn(history, '2026-04-01')?.version, 2);
  t.is(versionNumbered(history, 2), v2);
  t.is(versionNumbered(history, 3), null);
});

test('a new version is the next number, effective after today and after the last version', (t) => {
  const today = '2026-03-15';
  t.is(checkNextVersion([V1], version({ ...V1_INPUT, version: 2, effectiveFrom: '2026-03-16' }), today), null);
  t.is(checkNextVersion([], version({ ...V1_INPUT, version: 1, effectiveFrom: '2020-01-01' }), today), null, 'the first scheme may start in the past: nothing was accrued before it');
  t.deepEqual(fieldCodes(checkNextVersion([V1], version({ ...V1_INPUT, version: 2, effectiveFrom: '2026-03-15' }), today)), [['/effectiveFrom', 'not_after_today']]);
  t.deepEqual(fieldCodes(checkNextVersion([V1], version({ ...V1_INPUT, version: 3, effectiveFrom: '2026-05-01' }), today)), [['/version', 'not_next_version']]);
  const future = version({ ...V1_INPUT, version: 2, effectiveFrom: '2026-06-01' });
  t.deepEqual(fieldCodes(checkNextVersion([V1, future], version({ ...V1_INPUT, version: 3, effectiveFrom: '2026-05-01' }), today)), [['/effectiveFrom', 'not_after_previous']]);
});

test('the most specific rule wins: role and category, role, category, then any', (t) => {
  const v = version({
    ...V1_INPUT,
    rules: [
      { roleCode: '*', categoryCode: '*', tiers: [{ fromFen: 0, rate: '1' }] },
      { roleCode: '*', categoryCode: 'tax_loan', tiers: [{ fromFen: 0, rate: '2' }] },
      { roleCode: 'sales', categoryCode: '*', tiers: [{ fromFen: 0, rate: '3' }] },
      { roleCode: 'sales', categoryCode: 'tax_loan', tiers: [{ fromFen: 0, rate: '4' }] },
    ],
  });
  t.is(rateRuleFor(v, 'sales', 'tax_loan')?.tiers[0]?.rate, '4');
  t.is(rateRuleFor(v, 'sales', 'invoice_loan')?.tiers[0]?.rate, '3');
  t.is(rateRuleFor(v, 'intern', 'tax_loan')?.tiers[0]?.rate, '2');
  t.is(rateRuleFor(v, 'intern', 'invoice_loan')?.tiers[0]?.rate, '1');
  t.is(rateRuleFor(V1, 'intern', 'invoice_loan'), null, 'V1 pays no intern');
  t.is(overrideRateFor(V1, 'tax_loan'), '1');
  t.is(overrideRateFor(V1, 'invoice_loan'), '0.5');
  t.is(overrideRateFor(version({ ...V1_INPUT, overrides: [] }), 'tax_loan'), null);
});
