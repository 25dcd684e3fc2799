// A firm's scheme for the worked examples of docs/commissions-and-targets.md, and a small simulator that records
// confirmations and reversals the way a use case will: lines unique by id, the month-to-date total read from them.
import {
  accrueReceipt, clawbackLines, creditedInMonth, linesNotYetRecorded, monthOf, validateSchemeVersion,
  type CommissionLine, type ConfirmedReceipt, type Participant, type SchemeVersion, type SchemeVersionInput,
} from '../../../core/commissions/index.js';
import { isDomainError } from '../../../core/shared/domain-error.js';

export const YUAN = 100;

/** 销售 tiers 3 % / 4 % from ¥100,000 / 5 % from ¥300,000; 销售 on 税贷 a flat 3.5 %; 经理 a flat 2 %; override 0.5 % (税贷 1 %). */
export const V1_INPUT: SchemeVersionInput = {
  version: 1,
  effectiveFrom: '2026-01-01',
  split: { ownerShare: '70', sourceShare: '30' },
  rules: [
    { roleCode: 'sales', categoryCode: '*', tiers: [{ fromFen: 0, rate: '3' }, { fromFen: 100_000 * YUAN, rate: '4' }, { fromFen: 300_000 * YUAN, rate: '5' }] },
    { roleCode: 'sales', categoryCode: 'tax_loan', tiers: [{ fromFen: 0, rate: '3.5' }] },
    { roleCode: 'manager', categoryCode: '*', tiers: [{ fromFen: 0, rate: '2' }] },
  ],
  overrides: [{ categoryCode: '*', rate: '0.5' }, { categoryCode: 'tax_loan', rate: '1' }],
};

export function version(input: SchemeVersionInput): SchemeVersion {
  const v = validateSchemeVersion(input);
  if (isDomainError(v)) throw v;
  return v;
}

export const V1 = version(V1_INPUT);
export const V1_MARGINAL = version({ ...V1_INPUT, tierMode: 'marginal' });

export const SUN: Participant = { personId: 'u-sun', roleCode: 'sales', departmentId: 'd-1' }; // 孙露露, 负责人
export const WANG: Participant = { personId: 'u-wang', roleCode: 'sales', departmentId: 'd-1' }; // 王强, 来源
export const LI: Participant = { personId: 'u-li', roleCode: 'manager', departmentId: 'd-1' }; // 李经理, 部门负责人

export function receipt(id: string, amountFen: number, confirmedOn: string, more: Partial<ConfirmedReceipt> = {}): ConfirmedReceipt {
  return { receiptId: id, orderId: `o-${id}`, amountFen, confirmedOn, categoryCode: 'business_credit', owner: SUN, source: null, departmentHead: null, ...more };
}

/** What a store of lines does: a confirmation accrues from the recorded month-to-date totals; a reversal claws back. */
export class Ledger {
  lines: CommissionLine[] = [];
  constructor(readonly history: readonly SchemeVersion[]) {}

  confirm(r: ConfirmedReceipt): CommissionLine[] {
    const month = monthOf(r.confirmedOn);
    const people = [r.owner, r.source].filter((p): p is Participant => p !== null);
    const monthToDate = Object.fromEntries(people.map((p) => [p.personId, creditedInMonth(this.lines, p.personId, month)]));
    const lines = accrueReceipt(r, this.history, monthToDate);
    if (isDomainError(lines)) throw lines;
    this.lines.push(...linesNotYetRecorded(this.lines, lines));
    return lines;
  }

  reverse(receiptId: string, on: string): CommissionLine[] {
    const lines = clawbackLines(this.lines, receiptId, on);
    this.lines.push(...linesNotYetRecorded(this.lines, lines));
    return lines;
  }
}
