// Turns delivered domain events into messages: the outbox relay calls it after commit, at least once. The
// (recipient, 'event:<id>') key makes a repeated delivery a no-op; deactivated or unknown users are skipped.
import type { IdGenerator, UnitOfWork } from '../shared/index.js';
import type { EventSubscriber, OutboxEvent } from '../events/index.js';
import { messagesForEvent, ordersToLookUp, ruleEventTypes, type MessageRule } from './message-rules.js';
import type { MessageRepository, WorkcenterDirectory } from './ports.js';

export interface MessageSubscriberDeps {
  readonly uow: UnitOfWork;
  readonly messages: MessageRepository;
  readonly directory: WorkcenterDirectory;
  readonly ids: IdGenerator;
  readonly rules: readonly MessageRule[];
}

export class MessageSubscriber implements EventSubscriber {
  readonly name = 'workcenter.messages';
  readonly eventTypes: readonly string[];

  constructor(private readonly d: MessageSubscriberDeps) {
    this.eventTypes = ruleEventTypes(d.rules);
  }

  async handle(event: OutboxEvent): Promise<void> {
    await this.d.uow.run(async (tx) => {
      const zone = await this.d.directory.timeZone(tx, event.tenantId);
      const orders = ordersToLookUp(event, this.d.rules);
      const owners = orders.length > 0 ? await this.d.directory.orderOwners(tx, event.tenantId, orders) : new Map<string, string>();
      const drafts = messagesForEvent(event, this.d.rules, zone, owners);
      if (drafts.length === 0) return;
      const active = new Set((await this.d.directory.users(tx, event.tenantId, drafts.map((m) => m.recipientId))).filter((u) => u.active).map((u) => u.id));
      await this.d.messages.insertMany(tx, drafts.filter((m) => active.has(m.recipientId)).map((m) => ({ ...m, id: this.d.ids.id() })));
    });
  }
}
