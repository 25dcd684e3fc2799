// Where an instalment stands (未回款 / 部分回款 / 已回款 / 逾期) on a calendar day of the tenant, and when its
// owner is reminded that it falls due.
import { addDaysToLocalDate, localDate } from '../shared/index.js';
import type { Instalment, InstalmentState } from './types.js';

type StateInput = Pick<Instalment, 'amountFen' | 'collectedFen' | 'dueOn'>;

/**
 * An instalment is 已回款 once approved receipts cover it; otherwise 逾期 when its due date has passed (the
 * due day itself is not late), else 部分回款 when part is received, else 未回款. `today` is the tenant's date.
 */
export function instalmentState(i: StateInput, today: string): InstalmentState {
  if (i.collectedFen >= i.amountFen) return 'collected';
  if (i.dueOn !== null && i.dueOn < today) return 'overdue';
  return i.collectedFen > 0 ? 'partial' : 'uncollected';
}

/** The state at an instant, read in the tenant's time zone (an instalment due on the 5th is late from the 6th there). */
export function instalmentStateAt(i: StateInput, now: Date, timeZone: string): InstalmentState {
  return instalmentState(i, localDate(now, timeZone));
}

/** 待回款: what is still to be received on the instalment. */
export function outstandingOf(i: Pick<Instalment, 'amountFen' | 'collectedFen'>): number {
  return Math.max(i.amountFen - i.collectedFen, 0);
}

/**
 * The owner is reminded once per due date, from `daysBefore` days before it until it falls due, while the
 * instalment is not fully collected; `remindedFor` is the due date last reminded about.
 */
export function reminderDue(i: StateInput & { readonly remindedFor: string | null }, today: string, daysBefore: number): boolean {
  if (i.dueOn === null || i.collectedFen >= i.amountFen || i.remindedFor === i.dueOn) return false;
  return today >= addDaysToLocalDate(i.dueOn, -daysBefore) && today <= i.dueOn;
}
