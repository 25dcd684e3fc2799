// Making and revising a plan: instalments that already hold money of a receipt stay as they are; the rest are
// replaced by the new ones, and together they must add up exactly to the receivable. Numbers (第N期) follow
// the due dates.
import { validationFailed, type DomainError } from '../shared/index.js';
import { planTotalMismatch } from './errors.js';
import { checkDrafts } from './plan-generation.js';
import type { Instalment, InstalmentDraft } from './types.js';

/** An instalment of the plan after a save: an existing locked one (with its id) or a new one. */
export interface PlannedInstalment extends InstalmentDraft {
  readonly id: string | null;
  readonly number: number;
  readonly locked: boolean;
}

/** An instalment is locked once a receipt that is not rejected or reversed holds money on it. */
export function isLocked(i: Pick<Instalment, 'reservedFen'>): boolean {
  return i.reservedFen > 0;
}

/** What a revision still has to plan: the receivable less the locked instalments. */
export function openAmount(current: readonly Instalment[], receivableFen: number): number {
  return receivableFen - current.filter(isLocked).reduce((s, i) => s + i.amountFen, 0);
}

/** The instalments must add up exactly to the receivable; null when they do. */
export function planTotalProblem(instalments: readonly Pick<InstalmentDraft, 'amountFen'>[], receivableFen: number): DomainError | null {
  const total = instalments.reduce((s, i) => s + i.amountFen, 0);
  return total === receivableFen ? null : planTotalMismatch(receivableFen, total);
}

const dueKey = (d: string | null): string => d ?? '9999-99-99'; // due on disbursement: after every dated instalment

/**
 * The plan after a save: the locked instalments kept unchanged, the new open ones added, numbered by due
 * date (locked first on the same day); `collection.plan_total_mismatch` unless they add up to the receivable.
 */
export function revisePlan(current: readonly Instalment[], open: readonly InstalmentDraft[], receivableFen: number): PlannedInstalment[] | DomainError {
  const locked = current.filter(isLocked);
  if (open.length > 0 || locked.length === 0) {
    const problems = checkDrafts(open);
    if (problems.length) return validationFailed(problems);
  }
  const merged = [
    ...locked.map((i) => ({ id: i.id, dueOn: i.dueOn, amountFen: i.amountFen, onDisbursement: i.onDisbursement, locked: true, order: i.number })),
    ...open.map((d, k) => ({ id: null, dueOn: d.dueOn, amountFen: d.amountFen, onDisbursement: d.onDisbursement, locked: false, order: 1000 + k })),
  ];
  const problem = planTotalProblem(merged, receivableFen);
  if (problem) return problem;
  merged.sort((a, b) => dueKey(a.dueOn).localeCompare(dueKey(b.dueOn)) || Number(b.locked) - Number(a.locked) || a.order - b.order);
  return merged.map(({ order: _o, ...rest }, i) => ({ ...rest, number: i + 1 }));
}
