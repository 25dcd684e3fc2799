// The expected failures of collections, each with a stable code and a message a person can act on.
import { domainError, type DomainError } from '../shared/index.js';
import { formatYuanGrouped } from '../money/index.js';

const yuan = (fen: number): string => `¥${formatYuanGrouped(fen)}`;

/** The instalments must add up exactly to what the customer owes. */
export function planTotalMismatch(expectedFen: number, actualFen: number): DomainError {
  return domainError(
    'collection.plan_total_mismatch',
    'rule',
    `回款计划合计 ${yuan(actualFen)} 与应回款 ${yuan(expectedFen)} 不一致，相差 ${yuan(Math.abs(expectedFen - actualFen))}`,
    `The instalments add up to ${actualFen} fen but the receivable is ${expectedFen} fen`,
    { expectedFen, actualFen, differenceFen: expectedFen - actualFen },
  );
}

/** More money than is still owed, and the receipt is not an allowed, marked overpayment. */
export function overpayment(amountFen: number, owedFen: number, allowed: boolean): DomainError {
  return domainError(
    'collection.overpayment',
    'rule',
    allowed
      ? `回款金额 ${yuan(amountFen)} 超过尚未回款的 ${yuan(owedFen)}；如确属超额回款，请勾选"超额回款"`
      : `回款金额 ${yuan(amountFen)} 超过尚未回款的 ${yuan(owedFen)}，本公司不允许超额回款`,
    allowed
      ? `The receipt of ${amountFen} fen exceeds the ${owedFen} fen still owed; mark it as an overpayment if it is one`
      : `The receipt of ${amountFen} fen exceeds the ${owedFen} fen still owed, and the firm does not allow overpayments`,
    { amountFen, owedFen, overpaymentAllowed: allowed },
  );
}

export function noPlan(orderId: string): DomainError {
  return domainError('collection.no_plan', 'rule', '该订单还没有回款计划，请先制定回款计划', 'The order has no collection plan yet; make one first', { orderId });
}

export function noReceivable(orderId: string): DomainError {
  return domainError(
    'collection.no_receivable',
    'rule',
    '订单尚无应回款金额：请先确认合同或匹配产品',
    'The order has nothing receivable yet: confirm the contract or match products first',
    { orderId },
  );
}

/** A completed (结单) order is read-only except for invoices and reversals. */
export function orderCompleted(orderId: string): DomainError {
  return domainError('collection.order_completed', 'rule', '订单已结单，只能开票或冲销回款，不能再修改', 'The order is closed: only invoices and reversals are possible', { orderId });
}

export function instalmentNotFound(instalmentId: string): DomainError {
  return domainError('collection.instalment_not_found', 'invalid', '所选期次不属于该订单的回款计划', 'The instalment named is not in this order’s plan', { instalmentId });
}

export function instalmentFull(number: number): DomainError {
  return domainError('collection.instalment_full', 'rule', `第${number}期已无待回款金额，请选择其他期次`, `Instalment ${number} has nothing left to collect; choose another`, { number });
}

export function idempotencyKeyReused(key: string): DomainError {
  return domainError(
    'collection.idempotency_key_reused',
    'conflict',
    '该幂等键已用于另一笔不同的回款，请为新的回款使用新的键',
    'This Idempotency-Key was already used for a different receipt; use a new key for a new receipt',
    { key },
  );
}

export function planVersionConflict(expected: number, actual: number): DomainError {
  return domainError('collection.version_conflict', 'conflict', '回款计划已被他人修改，请刷新后重试', 'Someone else changed the plan first; reload and try again', {
    expectedVersion: expected, currentVersion: actual,
  });
}

export function receiptVersionConflict(expected: number, actual: number): DomainError {
  return domainError('receipt.version_conflict', 'conflict', '回款单已被他人修改，请刷新后重试', 'Someone else changed the receipt first; reload and try again', {
    expectedVersion: expected, currentVersion: actual,
  });
}

export function reversalReasonRequired(): DomainError {
  return domainError('receipt.reversal_reason_required', 'invalid', '请填写冲销原因', 'Give the reason for the reversal');
}

export function receiptNotEditable(state: string): DomainError {
  return domainError('receipt.not_editable', 'rule', '只有草稿状态的回款单可以修改或删除', 'Only a draft receipt can be changed or deleted', { state });
}

export function lockedInstalmentChanged(number: number): DomainError {
  return domainError(
    'collection.instalment_locked',
    'rule',
    `第${number}期已有回款，不能修改或删除`,
    `Instalment ${number} already holds receipts and cannot be changed or removed`,
    { number },
  );
}
