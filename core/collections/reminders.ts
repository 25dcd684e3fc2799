// 到期提醒: the owner of an order hears, once per due date, that an instalment falls due within the tenant's
// reminder window (an outbox event the work center turns into a notification).
import type { Clock, EventSink, UnitOfWork } from '../shared/index.js';
import { reminderDue } from './instalment-state.js';
import type { AccountsQueries } from './ports.js';

export interface ReminderDeps {
  readonly uow: UnitOfWork;
  readonly accounts: AccountsQueries;
  readonly events: EventSink;
  readonly clock: Clock;
}

export class CollectionReminders {
  constructor(private readonly d: ReminderDeps) {}

  /** Sends the reminders due at `now` across tenants (at most `limit`); returns how many were sent. */
  async run(now: Date = this.d.clock.now(), limit = 500): Promise<number> {
    return this.d.uow.run(async (tx) => {
      let sent = 0;
      for (const c of await this.d.accounts.reminderCandidates(tx, now, limit)) {
        const i = c.instalment;
        if (!reminderDue(i, c.today, c.daysBefore) || i.dueOn === null) continue;
        await this.d.events.publish(tx, [{
          type: 'collection.instalment_due_soon', tenantId: i.tenantId, subjectType: 'order', subjectId: i.orderId, actorId: null,
          data: {
            recipientId: c.ownerId, instalmentId: i.id, number: i.number, dueOn: i.dueOn, outstandingFen: i.amountFen - i.collectedFen,
            orderTitle: c.orderTitle, companyName: c.companyName,
          },
        }]);
        await this.d.accounts.markReminded(tx, i.tenantId, i.id, i.dueOn);
        sent++;
      }
      return sent;
    });
  }
}
