// "Events were committed": the outbox sink raises it once the publishing transaction commits, so a running
// scheduler delivers them at once instead of at its next poll. Nobody listening (tests, the CLI) costs
// nothing; the poll stays the guarantee, this is only the fast path.
import type { Knex } from 'knex';
import type { DomainEvent, EventSink, Tx } from '../../core/shared/ports.js';
import { sql } from '../knex/unit-of-work.js';

export class OutboxSignal {
  private listener: (() => void) | null = null;

  /** One listener (the scheduler); null stops listening. */
  listen(listener: (() => void) | null): void {
    this.listener = listener;
  }

  notify(): void {
    this.listener?.();
  }
}
export const OutboxSignalToken = Symbol.for('yunzhou.OutboxSignal');

/** Wraps the outbox writer: after the transaction that published commits, the signal fires. */
export class SignallingEventSink implements EventSink {
  constructor(private readonly inner: EventSink, private readonly signal: OutboxSignal) {}

  async publish(tx: Tx, events: readonly DomainEvent[]): Promise<void> {
    await this.inner.publish(tx, events);
    if (events.length === 0) return;
    const trx = sql(tx) as Knex.Transaction;
    if (trx.isTransaction && trx.executionPromise) {
      trx.executionPromise.then(() => this.signal.notify(), () => undefined);
    } else {
      this.signal.notify(); // published outside a transaction: already committed
    }
  }
}
