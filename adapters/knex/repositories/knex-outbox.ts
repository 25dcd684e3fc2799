// The transactional outbox: events are rows written with the change they announce; a relay delivers them
// after commit, at least once, in id order (so in order per record).
import type { Clock, DomainEvent, EventSink, Tx } from '../../../core/shared/ports.js';
import { sql } from '../unit-of-work.js';

export class KnexOutbox implements EventSink {
  constructor(private readonly clock: Clock) {}

  async publish(tx: Tx, events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const at = this.clock.now();
    await sql(tx)('outbox_events').insert(
      events.map((e) => ({
        tenant_id: e.tenantId, type: e.type, subject_type: e.subjectType, subject_id: e.subjectId, actor_id: e.actorId,
        data: JSON.stringify(e.data), created_at: at,
      })),
    );
  }
}
