// 计提 and 冲回 wired to 回款单: the collections area tells this listener, inside the transaction that confirms
// or reverses a receipt, and the lines are recorded there or not at all. The running rows of the people on the
// receipt are locked first (in person order), so concurrent confirmations read each other's month-to-date
// totals in turn and no tier is computed on a stale total; line ids are deterministic and stored once, so a
// repeated confirmation adds nothing and a reversal claws back exactly once.
import { isDomainError, type Tx } from '../shared/index.js';
import type { User } from '../organisation/index.js';
import type { Receipt, ReceiptSettlementListener } from '../collections/index.js';
import { accrueReceipt } from './accrual.js';
import { clawbackLines } from './clawback.js';
import { firmDay, type CommissionsDeps } from './commissions-deps.js';
import { monthOf } from './month.js';
import { ANY, versionOn } from './scheme.js';
import type { CommissionLine, Participant, SchemeVersion } from './types.js';
import type { RunningDelta } from './ports.js';

/**
 * The 岗位 that picks a person's rate: the first of the person's roles that the version names in a rule
 * (for the category, or any), else the first role; '*' for a person without roles.
 */
export function roleCodeFor(user: User, v: SchemeVersion, categoryCode: string): string {
  const named = user.roleCodes.find((code) => v.rules.some((r) => r.roleCode === code && (r.categoryCode === categoryCode || r.categoryCode === ANY)));
  return named ?? user.roleCodes[0] ?? ANY;
}

/** What a recorded line adds to its person's running month. */
export function runningDelta(l: CommissionLine, accrualMonth: string): RunningDelta {
  // The month's collected total counts owner and source bases; a clawback in the accrual's own month takes it
  // back (the receipt no longer counts for that month's tier), one in a later month does not reach back.
  const credits = l.role !== 'head' && (l.kind === 'accrual' || l.month === accrualMonth);
  return {
    personId: l.personId, month: l.month, departmentId: l.departmentId, creditedFen: credits ? l.baseFen : 0,
    accruedFen: l.kind === 'accrual' ? l.amountFen : 0, clawbackFen: l.kind === 'clawback' ? l.amountFen : 0, lineCount: 1,
  };
}

export class ReceiptCommissions implements ReceiptSettlementListener {
  constructor(private readonly d: CommissionsDeps) {}

  /** 计提: the lines of a receipt just confirmed, by the version in force on the firm's day of `at`. */
  async confirmed(tx: Tx, receipt: Receipt, at: Date): Promise<void> {
    const tenantId = receipt.tenantId;
    const history = await this.d.commissions.versions(tx, tenantId);
    if (history.length === 0) return; // a firm without a scheme pays no commission
    const confirmedOn = await firmDay(this.d, tx, tenantId, at);
    const v = versionOn(history, confirmedOn);
    const people = await this.d.people.of(tx, tenantId, receipt.orderId);
    if (v === null || people === null) return;
    const users = new Map((await this.d.org.getUsers(tx, tenantId, [people.ownerId, people.sourceId, people.headId].filter((x): x is string => x !== null))).map((u) => [u.id, u]));
    const participant = (id: string | null): Participant | null => {
      const u = id === null ? undefined : users.get(id);
      return u ? { personId: u.id, roleCode: roleCodeFor(u, v, people.categoryCode), departmentId: u.departmentId } : null;
    };
    const owner = participant(people.ownerId);
    if (owner === null) return;
    // The owner who recorded the inquiry himself is credited once, the whole amount.
    const source = people.sourceId === people.ownerId ? null : participant(people.sourceId);
    const month = monthOf(confirmedOn);
    const involved = [owner, source, participant(people.headId)].filter((p): p is Participant => p !== null);
    const running = await this.d.commissions.lockRunning(tx, tenantId, month, involved, at);
    const monthToDate = Object.fromEntries([...running].map(([id, r]) => [id, r.creditedFen]));
    const lines = accrueReceipt(
      { receiptId: receipt.id, orderId: receipt.orderId, amountFen: receipt.amountFen, confirmedOn, categoryCode: people.categoryCode, owner, source, departmentHead: participant(people.headId) },
      history, monthToDate,
    );
    if (isDomainError(lines)) throw lines;
    await this.record(tx, tenantId, lines, month, at);
  }

  /** 冲回: every line the receipt's confirmation accrued, negated and dated on the firm's day of the reversal. */
  async reversed(tx: Tx, receipt: Receipt, at: Date): Promise<void> {
    const tenantId = receipt.tenantId;
    const accrued = await this.d.commissions.accrualsOfReceipt(tx, tenantId, receipt.id);
    if (accrued.length === 0) return;
    const reversedOn = await firmDay(this.d, tx, tenantId, at);
    const lines = clawbackLines(accrued, receipt.id, reversedOn);
    await this.d.commissions.lockRunning(tx, tenantId, monthOf(reversedOn), lines.map((l) => ({ personId: l.personId, departmentId: l.departmentId })), at);
    await this.record(tx, tenantId, lines, accrued[0]?.month ?? '', at);
  }

  private async record(tx: Tx, tenantId: string, lines: readonly CommissionLine[], accrualMonth: string, at: Date): Promise<void> {
    const stored = await this.d.commissions.insertLines(tx, tenantId, lines, at);
    for (const l of stored) await this.d.commissions.addRunning(tx, tenantId, runningDelta(l, accrualMonth), at);
  }
}
