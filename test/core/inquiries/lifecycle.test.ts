import test from 'ava';
import fc from 'fast-check';
import { advanceLifecycle, lifecyclesOf, poolOf, stageLabel } from '../../../core/inquiries/lifecycle.js';
import { checkMerge, mergedDuplicate, mergedSurvivor } from '../../../core/inquiries/merge.js';
import { LIFECYCLES, type Lifecycle } from '../../../core/inquiries/types.js';
import { anInquiry, NOW } from './builders.js';

const MOVES: [Lifecycle, Lifecycle, Lifecycle][] = [
  ['inquiry', 'prospect', 'prospect'],
  ['inquiry', 'customer', 'customer'],
  ['prospect', 'customer', 'customer'],
  ['prospect', 'prospect', 'prospect'],
  ['customer', 'prospect', 'customer'],
  ['prospect', 'inquiry', 'prospect'],
];

for (const [from, target, to] of MOVES) {
  test(`lifecycle ${from} asked to become ${target} is ${to}`, (t) => {
    t.is(advanceLifecycle(from, target), to);
  });
}

test('property: the lifecycle never moves back, and advancing twice is advancing once', (t) => {
  const l = fc.constantFrom(...LIFECYCLES);
  fc.assert(
    fc.property(l, l, l, (a, b, c) => {
      const once = advanceLifecycle(a, b);
      return LIFECYCLES.indexOf(once) >= LIFECYCLES.indexOf(a) && advanceLifecycle(once, b) === once && advanceLifecycle(advanceLifecycle(a, b), c) === advanceLifecycle(advanceLifecycle(a, c), b);
    }),
  );
  t.pass();
});

test('inquiries pool in 咨询公海, prospects and customers in 客户公海', (t) => {
  t.deepEqual(LIFECYCLES.map(poolOf), ['inquiry', 'customer', 'customer']);
  t.deepEqual(lifecyclesOf('customer'), ['prospect', 'customer']);
  t.is(stageLabel({ lifecycle: 'prospect', ownerId: 'u' }), '准客户');
  t.is(stageLabel({ lifecycle: 'inquiry', ownerId: null }), '咨询公海');
});

test('a record cannot be merged with itself, nor one already merged', (t) => {
  const a = anInquiry();
  t.is(checkMerge(a, a)?.code, 'inquiry.merge_self');
  const merged = anInquiry({ id: 'i-2', mergedIntoId: 'i-9' });
  t.deepEqual([checkMerge(a, merged)?.code, checkMerge(a, merged)?.details.mergedIntoId], ['inquiry.already_merged', 'i-9']);
  t.is(checkMerge(a, anInquiry({ id: 'i-2' })), null);
});

test('the survivor keeps its own fields and takes the further lifecycle, later follow-up and a missing tax id', (t) => {
  const survivor = anInquiry({ lastFollowUpAt: new Date('2021-10-01T00:00:00Z') });
  const duplicate = anInquiry({ id: 'i-2', companyName: '盛博科技有限公司', lifecycle: 'prospect', lastFollowUpAt: new Date('2021-10-10T00:00:00Z'), taxId: '91350100M000100Y43', ownerId: 'u-zhou' });
  const s = mergedSurvivor(survivor, duplicate, NOW);
  t.deepEqual(
    [s.companyName, s.ownerId, s.lifecycle, s.lastFollowUpAt, s.taxId, s.version],
    ['盛博科技', 'u-sun', 'prospect', new Date('2021-10-10T00:00:00Z'), '91350100M000100Y43', 2],
  );
  const d = mergedDuplicate(duplicate, survivor.id, NOW);
  t.deepEqual([d.mergedIntoId, d.ownerId, d.version], ['i-shengbo', 'u-zhou', 2]);
});
