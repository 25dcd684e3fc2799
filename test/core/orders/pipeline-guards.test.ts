// Conditions to leave a stage: a refused move forwards lists every unmet condition, and only those.
import test from 'ava';
import { isDomainError, type DomainError } from '../../../core/shared/domain-error.js';
import type { UnmetCondition } from '../../../core/shared/state-machine.js';
import { ORDER_GUARD_TEXT, type OrderGuardContext, type OrderGuardName } from '../../../core/orders/order-guards.js';
import { transition } from '../../../core/orders/pipeline.js';
import { PIPELINE_EVENT_TYPES } from '../../../core/orders/pipeline-machine.js';
import { PIPELINE_PRESETS } from '../../../core/orders/stage-config.js';
import { ALL_MET, NONE_MET, aContext, anEvent, anOrder } from './pipeline-fixtures.js';

// The one fact that makes each condition false when everything else holds.
const BREAK: Readonly<Record<OrderGuardName, Partial<OrderGuardContext>>> = {
  profile_complete: { profileComplete: false },
  has_plan: { hasPlan: false },
  products_matched: { matchedProductCount: 0 },
  internal_review_approved: { internalReviewApproved: false },
  contract_confirmed: { contractConfirmed: false },
  fully_collected: { fullyCollected: false },
  close_approved: { closeApproved: false },
};

// [preset, stage, the move forwards from it, every condition it needs in order]
const FORWARD: readonly [keyof typeof PIPELINE_PRESETS, string, 'advance' | 'complete', OrderGuardName[]][] = [
  ['default', 'initial_contact', 'advance', ['profile_complete']],
  ['default', 'plan_negotiation', 'advance', ['has_plan']],
  ['default', 'application_approval', 'advance', ['products_matched', 'internal_review_approved']],
  ['default', 'contract_won', 'complete', ['contract_confirmed', 'fully_collected', 'close_approved']],
  ['contract_first', 'initial_contact', 'advance', ['profile_complete']],
  ['contract_first', 'contract_negotiation', 'advance', ['has_plan', 'contract_confirmed']],
  ['contract_first', 'product_application', 'advance', ['products_matched']],
  ['contract_first', 'internal_review', 'complete', ['internal_review_approved', 'contract_confirmed', 'fully_collected', 'close_approved']],
];

const unmetCodes = (e: DomainError): string[] => (e.details.unmet as UnmetCondition[]).map((u) => u.code);

for (const [preset, stage, move, needs] of FORWARD) {
  const config = PIPELINE_PRESETS[preset];

  test(`${preset}: ${move} from ${stage} with nothing met lists every condition: ${needs.join(', ')}`, (t) => {
    const r = transition(anOrder(stage), { type: move }, NONE_MET, config);
    if (!isDomainError(r)) return t.fail('expected a refusal');
    t.is(r.code, 'order.guard_failed');
    t.is(r.kind, 'rule');
    t.is(r.details.state, stage);
    t.is(r.details.event, move);
    t.deepEqual(unmetCodes(r), needs);
    for (const n of needs) t.true(r.text.zh.includes(ORDER_GUARD_TEXT[n].unmetZh), `zh message names ${n}`);
    for (const n of needs) t.true(r.text.en.includes(ORDER_GUARD_TEXT[n].unmetEn), `en message names ${n}`);
  });

  for (const n of needs) {
    test(`${preset}: ${move} from ${stage} with only ${n} unmet lists just ${n}`, (t) => {
      const r = transition(anOrder(stage), { type: move }, aContext(BREAK[n]), config);
      if (!isDomainError(r)) return t.fail('expected a refusal');
      t.deepEqual(unmetCodes(r), [n]);
    });
  }

  test(`${preset}: ${move} from ${stage} goes through once every condition holds`, (t) => {
    const r = transition(anOrder(stage), { type: move }, ALL_MET, config);
    if (isDomainError(r)) return t.fail(r.message);
    t.is(r.order.stageKey, config.stages[config.stages.findIndex((s) => s.key === stage) + 1]?.key ?? '');
  });

  test(`${preset}: conditions of ${stage} never hold up a step back, a hand-over, a loss or a cancellation`, (t) => {
    for (const type of PIPELINE_EVENT_TYPES.filter((e) => e !== 'advance' && e !== 'complete' && e !== 'reopen')) {
      if (type === 'rollback' && stage === 'initial_contact') continue; // nothing earlier to go to
      const r = transition(anOrder(stage), anEvent(type, config), NONE_MET, config);
      t.false(isDomainError(r), `${type} from ${stage}`);
    }
  });
}

test('conditions do not hold up reopening a lost or cancelled order', (t) => {
  for (const off of ['lost', 'cancelled']) {
    const r = transition(anOrder(off, { stageBeforeOff: 'application_approval' }), { type: 'reopen' }, NONE_MET, PIPELINE_PRESETS.default);
    if (isDomainError(r)) return t.fail(r.message);
    t.is(r.order.stageKey, 'application_approval');
  }
});

test('the finance close is refused without the close approval even when everything else holds', (t) => {
  const r = transition(anOrder('contract_won'), { type: 'complete' }, aContext({ closeApproved: false }), PIPELINE_PRESETS.default);
  if (!isDomainError(r)) return t.fail('expected a refusal');
  t.is(r.code, 'order.guard_failed');
  t.deepEqual(unmetCodes(r), ['close_approved']);
});

test('a matched product counts from one, whatever the number', (t) => {
  const cfg = PIPELINE_PRESETS.default;
  const at = (n: number) => transition(anOrder('application_approval'), { type: 'advance' }, aContext({ matchedProductCount: n }), cfg);
  t.true(isDomainError(at(0)));
  t.is((at(1) as { order: { stageKey: string } }).order.stageKey, 'contract_won');
  t.is((at(5) as { order: { stageKey: string } }).order.stageKey, 'contract_won');
});
