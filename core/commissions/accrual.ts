// 计提: the lines a confirmed receipt accrues, per person and role, by the scheme version in force on the day
// of confirmation. A pure function of its inputs: the same receipt and month-to-date totals give the same lines.
import { validationFailed, isLocalDateText, type DomainError, type FieldError } from '../shared/index.js';
import { lineId } from './lines.js';
import { monthOf } from './month.js';
import { applyPercent } from './percent.js';
import { overrideRateFor, rateRuleFor, versionOn } from './scheme.js';
import { splitAmount } from './split.js';
import { tieredAmount } from './tiers.js';
import type { CommissionLine, CommissionRole, ConfirmedReceipt, Participant, SchemeVersion } from './types.js';

const err = (path: string, code: string, zh: string, en: string): FieldError => ({ path, code, zh, en });

function checkReceipt(r: ConfirmedReceipt): DomainError | null {
  const errors: FieldError[] = [];
  if (!Number.isSafeInteger(r.amountFen) || r.amountFen <= 0) errors.push(err('/amountFen', 'not_positive', '回款金额须为大于 0 的整数分', 'must be a positive whole number of fen'));
  if (!isLocalDateText(r.confirmedOn)) errors.push(err('/confirmedOn', 'invalid_date', '确认日期须为 YYYY-MM-DD 格式的日期', 'must be a date written YYYY-MM-DD'));
  if (!r.receiptId) errors.push(err('/receiptId', 'required', '缺少回款单', 'the receipt is missing'));
  if (!r.owner?.personId) errors.push(err('/owner', 'required', '订单须有负责人', 'the order needs an owner'));
  return errors.length ? validationFailed(errors) : null;
}

/**
 * The lines of a receipt confirmed on `confirmedOn`:
 *  - its amount is credited to the owner and the source by the split (the owner alone when there is no source);
 *  - each credited part earns the rate of the person's rule (岗位 × 产品分类), at the tier the person's month
 *    reaches with it (`monthToDate`: what the person was credited this month before this receipt);
 *  - the head of the order's department earns the override on the whole amount, on top, unless the head owns
 *    the order (no override on one's own sale).
 * No lines when no version is in force yet; no line for a person whose role the version does not pay.
 */
export function accrueReceipt(receipt: ConfirmedReceipt, history: readonly SchemeVersion[], monthToDate: Readonly<Record<string, number>>): CommissionLine[] | DomainError {
  const bad = checkReceipt(receipt);
  if (bad) return bad;
  const v = versionOn(history, receipt.confirmedOn);
  if (v === null) return [];
  const credited: [CommissionRole, Participant, string][] = receipt.source
    ? [['owner', receipt.owner, v.split.ownerShare], ['source', receipt.source, v.split.sourceShare]]
    : [['owner', receipt.owner, '100']];
  const parts = splitAmount(receipt.amountFen, credited.map(([, , share]) => share));
  const running = new Map<string, number>();
  const lines: CommissionLine[] = [];
  const base = {
    kind: 'accrual' as const, receiptId: receipt.receiptId, orderId: receipt.orderId, categoryCode: receipt.categoryCode, on: receipt.confirmedOn,
    month: monthOf(receipt.confirmedOn), schemeVersion: v.version, tierMode: v.tierMode, receiptFen: receipt.amountFen,
  };
  credited.forEach(([role, p, share], i) => {
    const baseFen = parts[i] ?? 0;
    const before = running.get(p.personId) ?? (Object.hasOwn(monthToDate, p.personId) ? (monthToDate[p.personId] ?? 0) : 0);
    running.set(p.personId, before + baseFen);
    const rule = rateRuleFor(v, p.roleCode, receipt.categoryCode);
    if (rule === null) return;
    const { amountFen, tier, rate } = tieredAmount(v.tierMode, rule.tiers, before, baseFen);
    lines.push({
      ...base, id: lineId('accrual', receipt.receiptId, p.personId, role), personId: p.personId, role, roleCode: p.roleCode, departmentId: p.departmentId,
      share, priorFen: before, baseFen, rate, tier, amountFen,
    });
  });
  const head = receipt.departmentHead;
  const overrideRate = overrideRateFor(v, receipt.categoryCode);
  if (head && overrideRate !== null && head.personId !== receipt.owner.personId) {
    lines.push({
      ...base, id: lineId('accrual', receipt.receiptId, head.personId, 'head'), personId: head.personId, role: 'head', roleCode: head.roleCode,
      departmentId: head.departmentId, share: '100', priorFen: 0, baseFen: receipt.amountFen, rate: overrideRate, tier: 1, amountFen: applyPercent(receipt.amountFen, overrideRate),
    });
  }
  return lines;
}
