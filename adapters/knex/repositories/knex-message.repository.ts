// 消息 in PostgreSQL/PGlite: one row per recipient, unique per (tenant, recipient, dedupe key), so storing
// the same event's messages twice keeps one. Lists are keyset-paginated newest first.
import type { Tx } from '../../../core/shared/ports.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../../core/shared/pagination.js';
import type { Message, MessageDraft, MessageFilter, MessageKind } from '../../../core/workcenter/message.js';
import type { MessageRepository } from '../../../core/workcenter/ports.js';
import { sql } from '../unit-of-work.js';
import { signalInbox } from '../inbox-signal.js';

type Row = Record<string, any>;

const toMessage = (r: Row): Message => ({
  tenantId: r.tenant_id, id: r.id, recipientId: r.recipient_id, kind: r.kind as MessageKind, dedupeKey: r.dedupe_key,
  title: { zh: r.title_zh, en: r.title_en }, body: r.body_zh === null ? null : { zh: r.body_zh, en: r.body_en ?? '' },
  eventId: r.event_id === null ? null : Number(r.event_id), eventType: r.event_type, subjectType: r.subject_type, subjectId: r.subject_id,
  actorId: r.actor_id, data: r.data ?? {}, createdAt: r.created_at, readAt: r.read_at,
});

export class KnexMessageRepository implements MessageRepository {
  async insertMany(tx: Tx, messages: readonly (MessageDraft & { readonly id: string })[]): Promise<number> {
    if (messages.length === 0) return 0;
    const rows = await sql(tx)('messages')
      .insert(messages.map((m) => ({
        tenant_id: m.tenantId, id: m.id, recipient_id: m.recipientId, kind: m.kind, dedupe_key: m.dedupeKey, event_id: m.eventId, event_type: m.eventType,
        title_zh: m.title.zh, title_en: m.title.en, body_zh: m.body?.zh ?? null, body_en: m.body?.en ?? null, subject_type: m.subjectType,
        subject_id: m.subjectId, actor_id: m.actorId, data: JSON.stringify(m.data), created_at: m.createdAt,
      })))
      .onConflict(['tenant_id', 'recipient_id', 'dedupe_key'])
      .ignore()
      .returning(['tenant_id', 'recipient_id']);
    // Whoever got a message is told (their 消息 and 办理中心 badges); a repeated delivery stored nothing and tells nobody.
    for (const tenantId of new Set(rows.map((r: Row) => r.tenant_id as string))) {
      await signalInbox(tx, tenantId, rows.filter((r: Row) => r.tenant_id === tenantId).map((r: Row) => r.recipient_id as string));
    }
    return rows.length;
  }

  async get(tx: Tx, tenantId: string, recipientId: string, id: string): Promise<Message | null> {
    const r = await sql(tx)('messages').where({ tenant_id: tenantId, recipient_id: recipientId, id }).first();
    return r ? toMessage(r) : null;
  }

  async list(tx: Tx, tenantId: string, recipientId: string, filter: MessageFilter, page: PageRequest): Promise<Page<Message>> {
    const db = sql(tx);
    const base = db('messages').where({ tenant_id: tenantId, recipient_id: recipientId });
    if (filter.kind) base.andWhere('kind', filter.kind);
    if (filter.unread === true) base.whereNull('read_at');
    if (filter.unread === false) base.whereNotNull('read_at');
    const q = base.clone().orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(page.limit + 1);
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, 2);
      q.andWhereRaw('(created_at, id) < (?::timestamptz, ?::uuid)', [at as string, id as string]);
    }
    const rows = await q;
    const items = rows.slice(0, page.limit).map(toMessage);
    const last = items[items.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null;
    if (!page.withTotal) return { items, nextCursor };
    const [c] = await base.clone().count<{ count: number }[]>('* as count');
    return { items, nextCursor, total: Number(c?.count ?? 0) };
  }

  async unreadCounts(tx: Tx, tenantId: string, recipientId: string): Promise<{ kind: string; count: number }[]> {
    const rows = await sql(tx)('messages').where({ tenant_id: tenantId, recipient_id: recipientId }).whereNull('read_at').groupBy('kind').select('kind').count('* as count');
    return rows.map((r: Row) => ({ kind: r.kind as string, count: Number(r.count) }));
  }

  async markRead(tx: Tx, tenantId: string, recipientId: string, id: string, at: Date): Promise<void> {
    const n = await sql(tx)('messages').where({ tenant_id: tenantId, recipient_id: recipientId, id }).whereNull('read_at').update({ read_at: at });
    if (n > 0) await signalInbox(tx, tenantId, [recipientId]); // the person's other devices
  }

  async markAllRead(tx: Tx, tenantId: string, recipientId: string, kind: string | null, at: Date): Promise<number> {
    const q = sql(tx)('messages').where({ tenant_id: tenantId, recipient_id: recipientId }).whereNull('read_at');
    if (kind) q.andWhere('kind', kind);
    const n = await q.update({ read_at: at });
    if (n > 0) await signalInbox(tx, tenantId, [recipientId]);
    return n;
  }
}
