// Subscribers to domain events after commit: the outbox relay hands each delivered event to every subscriber
// whose types match, at least once and in order per record. A subscriber must therefore be idempotent.
import type { DomainEvent } from '../shared/index.js';

/** An event as it left the outbox: its sequence number (unique, ordered) and when it was written. */
export interface OutboxEvent extends DomainEvent {
  readonly id: number;
  readonly createdAt: Date;
}

export interface EventSubscriber {
  /** Stable name: the relay remembers which subscribers already took an event, so a retry skips them. */
  readonly name: string;
  /** Event types it wants ('*' for every type). */
  readonly eventTypes: readonly string[] | '*';
  /** Throws to have the event retried later (with back-off); must tolerate seeing an event twice. */
  handle(event: OutboxEvent): Promise<void>;
}
/** Areas bind their subscribers to this token (a multi-binding); the relay collects them all. */
export const EventSubscriber = Symbol.for('yunzhou.EventSubscriber');

/** Whether a subscriber wants an event type. */
export function subscribes(eventTypes: readonly string[] | '*', type: string): boolean {
  return eventTypes === '*' || eventTypes.includes(type) || eventTypes.includes('*');
}
