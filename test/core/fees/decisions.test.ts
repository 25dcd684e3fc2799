// What a rejected application does to its up-front fee, and what a changed success fee does to the plan.
import test from 'ava';
import fc from 'fast-check';
import {
  rejectionRefund, successFeeDecision, REJECTION_REFUND_POLICIES, type RejectionOutcome, type RejectionRefundPolicy, type SuccessFeeDecision,
} from '../../../core/fees/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';

function outcome(r: RejectionOutcome | DomainError): RejectionOutcome {
  if (r instanceof DomainError) throw new Error(r.message);
  return r;
}

// [policy, up-front due, collected, action, refund, waive, kept]
const REJECTIONS: [RejectionRefundPolicy, number, number, string, number, number, number][] = [
  ['keep', 200_000, 200_000, 'keep', 0, 0, 200_000],
  ['keep', 200_000, 50_000, 'keep', 0, 0, 200_000],
  ['refund', 200_000, 200_000, 'refund', 200_000, 0, 0],
  ['refund', 200_000, 50_000, 'refund', 50_000, 150_000, 0],
  ['refund', 200_000, 0, 'refund', 0, 200_000, 0],
  ['refund_with_approval', 200_000, 200_000, 'request_approval', 200_000, 0, 0],
  ['refund_with_approval', 200_000, 250_000, 'request_approval', 200_000, 0, 0],
  ['refund', 0, 0, 'nothing', 0, 0, 0],
];

for (const [policy, due, collected, action, refundFen, waiveFen, keptFen] of REJECTIONS) {
  test(`拒绝 under '${policy}' with ${due / 100} 元 up front, ${collected / 100} 元 paid: ${action}, refund ${refundFen / 100}, waive ${waiveFen / 100}`, (t) => {
    t.like(outcome(rejectionRefund({ policy, upFrontDueFen: due, upFrontCollectedFen: collected })), { action, refundFen, waiveFen, keptFen });
  });
}

test('the refusal outcome says what it does in both languages', (t) => {
  const r = outcome(rejectionRefund({ policy: 'refund_with_approval', upFrontDueFen: 200_000, upFrontCollectedFen: 50_000 }));
  t.is(r.text.zh, '申请被拒，提交审批：退还已收前期服务费 500.00 元，免收未收部分 1,500.00 元');
  t.is(r.text.en, 'application refused; for approval: refund the 500.00 yuan of up-front fee received and waive the 1,500.00 yuan not yet paid');
  t.is(outcome(rejectionRefund({ policy: 'keep', upFrontDueFen: 200_000, upFrontCollectedFen: 200_000 })).text.zh, '申请被拒，按规则前期服务费 2,000.00 元不退还（已收 2,000.00 元）');
});

test('bad amounts are refused as fee.invalid_input', (t) => {
  const r = rejectionRefund({ policy: 'keep', upFrontDueFen: -1, upFrontCollectedFen: 0.5 });
  t.deepEqual((r as DomainError).fieldErrors.map((f) => [f.path, f.code]), [['/upFrontDueFen', 'negative'], ['/upFrontCollectedFen', 'not_integer']]);
});

test('property: refund + waive + kept is the up-front fee due, the refund never exceeds what was paid', (t) => {
  t.notThrows(() => fc.assert(fc.property(fc.constantFrom(...REJECTION_REFUND_POLICIES), fc.nat({ max: 10_000_000 }), fc.nat({ max: 10_000_000 }), (policy, due, paid) => {
    const r = outcome(rejectionRefund({ policy, upFrontDueFen: due, upFrontCollectedFen: paid }));
    return r.refundFen + r.waiveFen + r.keptFen === due && r.refundFen <= paid && r.refundFen >= 0 && r.waiveFen >= 0
      && (policy === 'keep' ? r.refundFen === 0 : r.keptFen === 0);
  })));
});

function decision(r: SuccessFeeDecision | DomainError): SuccessFeeDecision {
  if (r instanceof DomainError) throw new Error(r.message);
  return r;
}

// [what, previous, new, plan approved, collected, expected]
const CHANGES: [string, number | null, number, boolean, number, Partial<SuccessFeeDecision> & Record<string, unknown>][] = [
  ['first disbursement, plan not approved: the plan follows', null, 1_500_000, false, 0, { action: 'revise_plan', deltaFen: 1_500_000 }],
  ['first disbursement, plan approved: a proposed instalment for it', null, 1_500_000, true, 0, { action: 'propose_instalment', amountFen: 1_500_000 }],
  ['amount corrected upwards after approval: a proposed instalment for the difference', 1_500_000, 1_800_000, true, 0, { action: 'propose_instalment', amountFen: 300_000 }],
  ['amount corrected downwards after approval: needs approval', 1_500_000, 1_200_000, true, 0, { action: 'needs_approval', reductionFen: 300_000, refundFen: 0 }],
  ['corrected downwards below what was paid: needs approval and a refund', 1_500_000, 1_200_000, true, 1_500_000, { action: 'needs_approval', reductionFen: 300_000, refundFen: 300_000 }],
  ['corrected downwards before approval: the plan follows', 1_500_000, 1_200_000, false, 0, { action: 'revise_plan', deltaFen: -300_000 }],
  ['corrected downwards before approval but below what was paid: a refund needs approval', 1_500_000, 1_200_000, false, 1_300_000, { action: 'needs_approval', reductionFen: 300_000, refundFen: 100_000 }],
  ['the same amount: nothing to do', 1_500_000, 1_500_000, true, 0, { action: 'none' }],
];

for (const [what, previousFen, newFen, planApproved, collectedFen, expected] of CHANGES) {
  test(`success fee change: ${what}`, (t) => {
    t.like(decision(successFeeDecision({ previousFen, newFen, planApproved, collectedFen })), expected);
  });
}

test('the decision explains itself for the timeline', (t) => {
  const d = decision(successFeeDecision({ previousFen: 1_500_000, newFen: 1_200_000, planApproved: true, collectedFen: 1_500_000 }));
  t.is(d.text.zh, '成功服务费由 15,000.00 元变为 12,000.00 元，减少 3,000.00 元（需退还已收 3,000.00 元），须审批');
  const p = decision(successFeeDecision({ previousFen: null, newFen: 1_500_000, planApproved: true, collectedFen: 0 }));
  t.is(p.text.en, 'success fee from 0.00 yuan to 15,000.00 yuan: a proposed instalment of 15,000.00 yuan due on disbursement');
});

test('property: after approval, asking less always needs approval and asking more is always a proposed instalment of the difference', (t) => {
  t.notThrows(() => fc.assert(fc.property(fc.option(fc.nat({ max: 10_000_000 }), { nil: null }), fc.nat({ max: 10_000_000 }), fc.boolean(), fc.nat({ max: 10_000_000 }), (prev, next, approved, paid) => {
    const d = decision(successFeeDecision({ previousFen: prev, newFen: next, planApproved: approved, collectedFen: paid }));
    const delta = next - (prev ?? 0);
    if (delta === 0) return d.action === 'none';
    if (delta < 0 && approved) return d.action === 'needs_approval' && d.reductionFen === -delta;
    if (delta > 0 && approved) return d.action === 'propose_instalment' && d.amountFen === delta;
    if (delta < 0 && paid > next) return d.action === 'needs_approval' && d.refundFen === paid - next;
    return d.action === 'revise_plan' && d.deltaFen === delta;
  })));
});

test('bad amounts in a success fee change are refused as fee.invalid_input', (t) => {
  const r = successFeeDecision({ previousFen: 1, newFen: -2, planApproved: true, collectedFen: 0 });
  t.is((r as DomainError).code, 'fee.invalid_input');
  t.deepEqual((r as DomainError).fieldErrors.map((f) => f.path), ['/newFen']);
});
