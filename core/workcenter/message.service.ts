// 消息 for the signed-in person: their own messages only (nobody reads another's, whatever their role), by
// kind, unread first if asked, newest first; the unread count for the badge; mark one or all read.
import { notFound, type Clock, type UnitOfWork, type Page, type PageRequest } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import { unreadCountOf, type Message, type MessageFilter, type MessageKind, type UnreadCount } from './message.js';
import type { MessageRepository } from './ports.js';

export interface MessageServiceDeps {
  readonly uow: UnitOfWork;
  readonly messages: MessageRepository;
  readonly clock: Clock;
}

export class MessageService {
  constructor(private readonly d: MessageServiceDeps) {}

  list(actor: Actor, filter: MessageFilter, page: PageRequest): Promise<Page<Message>> {
    return this.d.uow.read((tx) => this.d.messages.list(tx, actor.tenantId, actor.userId, filter, page));
  }

  /** One of the actor's messages; anyone else's is not found. */
  async get(actor: Actor, id: string): Promise<Message> {
    const m = await this.d.uow.read((tx) => this.d.messages.get(tx, actor.tenantId, actor.userId, id));
    if (!m) throw notFound('message', '消息', id);
    return m;
  }

  async unreadCount(actor: Actor): Promise<UnreadCount> {
    return unreadCountOf(await this.d.uow.read((tx) => this.d.messages.unreadCounts(tx, actor.tenantId, actor.userId)));
  }

  /** Marks one message read (reading it again keeps the first time). */
  markRead(actor: Actor, id: string): Promise<Message> {
    return this.d.uow.run(async (tx) => {
      const m = await this.d.messages.get(tx, actor.tenantId, actor.userId, id);
      if (!m) throw notFound('message', '消息', id);
      if (m.readAt !== null) return m;
      const at = this.d.clock.now();
      await this.d.messages.markRead(tx, actor.tenantId, actor.userId, id, at);
      return { ...m, readAt: at };
    });
  }

  /** 全部已读: every unread message (of one kind, if given); returns how many changed. */
  async markAllRead(actor: Actor, kind: MessageKind | null = null): Promise<{ updated: number }> {
    const updated = await this.d.uow.run((tx) => this.d.messages.markAllRead(tx, actor.tenantId, actor.userId, kind, this.d.clock.now()));
    return { updated };
  }
}
