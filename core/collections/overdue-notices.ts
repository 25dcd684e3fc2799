// 逾期回款: the owner of an order hears, once per calendar day of the firm, that an instalment is past its due
// date and not fully collected (an outbox event the work center and the notification channels act on).
import type { Clock, EventSink, UnitOfWork } from '../shared/index.js';
import type { AccountsQueries } from './ports.js';

export interface OverdueNoticeDeps {
  readonly uow: UnitOfWork;
  readonly accounts: AccountsQueries;
  readonly events: EventSink;
  readonly clock: Clock;
}

export class OverdueNotices {
  constructor(private readonly d: OverdueNoticeDeps) {}

  /** Raises the day's notices due at `now` across firms (at most `limit`); returns how many were raised. */
  async run(now: Date = this.d.clock.now(), limit = 500): Promise<number> {
    return this.d.uow.run(async (tx) => {
      let raised = 0;
      for (const c of await this.d.accounts.overdueCandidates(tx, now, limit)) {
        const i = c.instalment;
        // The day's row first: a concurrent pass that got there first makes this one raise nothing.
        if (i.dueOn === null || !(await this.d.accounts.markOverdueNoticed(tx, i.tenantId, i.id, c.today))) continue;
        await this.d.events.publish(tx, [{
          type: 'collection.instalment_overdue', tenantId: i.tenantId, subjectType: 'order', subjectId: i.orderId, actorId: null,
          data: {
            recipientId: c.ownerId, instalmentId: i.id, number: i.number, dueOn: i.dueOn, day: c.today, outstandingFen: i.amountFen - i.collectedFen,
            orderTitle: c.orderTitle, companyName: c.companyName,
          },
        }]);
        raised++;
      }
      return raised;
    });
  }
}
