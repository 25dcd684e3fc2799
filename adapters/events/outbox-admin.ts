// 事件投递 for a firm's administrator (org.manage): the firm's events parked after too many failed
// deliveries, with the error, and putting one back in the queue once the cause is fixed. Another firm's
// events are not found.
import { notFound } from '../../core/shared/domain-error.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../core/shared/pagination.js';
import { requirePermission, type Actor } from '../../core/organisation/actor.js';
import { PERMISSIONS } from '../../core/organisation/permissions.js';
import type { KnexOutboxStore, ParkedEvent } from './knex-outbox-store.js';

export class OutboxAdmin {
  constructor(private readonly store: KnexOutboxStore) {}

  async parked(actor: Actor, page: PageRequest): Promise<Page<ParkedEvent>> {
    requirePermission(actor, PERMISSIONS.orgManage);
    const before = page.cursor ? Number(decodeCursor(page.cursor, 1)[0]) : null;
    const rows = await this.store.parked(actor.tenantId, page.limit + 1, before);
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > page.limit && last ? encodeCursor([last.id]) : null };
  }

  /** Puts a parked event back in the queue (fresh attempts); its subscribers that succeeded are not re-run. */
  async retry(actor: Actor, id: number): Promise<void> {
    requirePermission(actor, PERMISSIONS.orgManage);
    if (!(await this.store.requeue(actor.tenantId, id))) throw notFound('outbox_event', '待投递事件', String(id));
  }

  /** Events of the firm waiting for delivery (a health figure). */
  pending(actor: Actor): Promise<number> {
    requirePermission(actor, PERMISSIONS.orgManage);
    return this.store.pendingCount(actor.tenantId);
  }
}
