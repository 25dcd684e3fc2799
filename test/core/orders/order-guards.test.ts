import test from 'ava';
import {
  FINANCE_CLOSE_GUARDS,
  ORDER_GUARDS,
  ORDER_GUARD_NAMES,
  ORDER_GUARD_TEXT,
  isOrderGuardName,
  type OrderGuardName,
} from '../../../core/orders/order-guards.js';
import { ALL_MET, NONE_MET } from './pipeline-fixtures.js';

test('the registry holds exactly the named conditions', (t) => {
  t.deepEqual(Object.keys(ORDER_GUARDS).sort(), [...ORDER_GUARD_NAMES].sort());
  t.deepEqual(Object.keys(ORDER_GUARD_TEXT).sort(), [...ORDER_GUARD_NAMES].sort());
});

for (const name of ORDER_GUARD_NAMES) {
  test(`${name} passes when its fact holds and reports itself, in both languages, when it does not`, (t) => {
    t.is(ORDER_GUARDS[name](ALL_MET), null);
    t.deepEqual(ORDER_GUARDS[name](NONE_MET), { code: name, zh: ORDER_GUARD_TEXT[name].unmetZh, en: ORDER_GUARD_TEXT[name].unmetEn });
    t.not(ORDER_GUARD_TEXT[name].zh.trim(), '');
    t.not(ORDER_GUARD_TEXT[name].en.trim(), '');
  });
}

// [condition, the one fact that decides it when everything else is false, its value when met]
const FACTS: readonly [OrderGuardName, keyof typeof ALL_MET, boolean | number][] = [
  ['profile_complete', 'profileComplete', true],
  ['has_plan', 'hasPlan', true],
  ['products_matched', 'matchedProductCount', 2],
  ['internal_review_approved', 'internalReviewApproved', true],
  ['contract_confirmed', 'contractConfirmed', true],
  ['fully_collected', 'fullyCollected', true],
  ['close_approved', 'closeApproved', true],
];

for (const [name, fact, value] of FACTS) {
  test(`${name} reads ${fact} and nothing else`, (t) => {
    t.is(ORDER_GUARDS[name]({ ...NONE_MET, [fact]: value }), null);
    t.is(ORDER_GUARDS[name]({ ...ALL_MET, [fact]: NONE_MET[fact] })?.code, name);
  });
}

test('names are recognised only when registered', (t) => {
  t.true(isOrderGuardName('has_plan'));
  t.false(isOrderGuardName('has_contract'));
  t.false(isOrderGuardName(''));
});

test('the finance close always needs the contract, full collection and the close approval', (t) => {
  t.deepEqual([...FINANCE_CLOSE_GUARDS], ['contract_confirmed', 'fully_collected', 'close_approved']);
});
