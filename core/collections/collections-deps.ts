// What every collections use case shares: its ports, who may read or record the collections of an order,
// the tenant's settings, and writing the timeline and outbox with the change.
import {
  notFound, forbidden, type ActivityEntry, type Clock, type DomainEvent, type EventSink, type IdGenerator,
  type Timeline, type Tx, type UnitOfWork,
} from '../shared/index.js';
import type { OperationLog } from '../audit/index.js';
import { can, inScope, requirePermission, PERMISSIONS, type Actor, type OrganisationRepository } from '../organisation/index.js';
import { orderCompleted } from './errors.js';
import { DEFAULT_COLLECTION_SETTINGS } from './settings.js';
import type { AccountsQueries, CollectionPlanRepository, CollectionSettingsRepository, OrderFinance, ReceiptRepository, ReceiptSettlementListener } from './ports.js';
import type { CollectionSettings } from './types.js';

export interface CollectionsDeps {
  readonly uow: UnitOfWork;
  readonly plans: CollectionPlanRepository;
  readonly receipts: ReceiptRepository;
  readonly settings: CollectionSettingsRepository;
  readonly accounts: AccountsQueries;
  readonly org: OrganisationRepository;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The operation log: changed settings are recorded before and after. */
  readonly operations?: OperationLog | undefined;
  /** Told when a receipt is confirmed or reversed, in that transaction (commissions accrue and claw back). */
  readonly settlement?: readonly ReceiptSettlementListener[] | undefined;
}

export const RECEIPT_SUBJECT = 'receipt';
export const ORDER_SUBJECT = 'order';

/**
 * The collections of an order are seen by whoever sees the order: finance.read or order.read, and the order
 * in the viewer's data scope or handled by them. Anyone else gets `order.not_found`.
 */
export function canSeeCollections(actor: Actor, order: Pick<OrderFinance, 'ownerId' | 'departmentId' | 'handlerId'>): boolean {
  if (!can(actor, PERMISSIONS.financeRead) && !can(actor, PERMISSIONS.orderRead)) return false;
  return order.handlerId === actor.userId || inScope(actor, { ownerId: order.ownerId, departmentId: order.departmentId });
}

export function visibleFinance(actor: Actor, order: OrderFinance | null, orderId: string): OrderFinance {
  if (!order || order.tenantId !== actor.tenantId || !canSeeCollections(actor, order)) throw notFound('order', '订单', orderId);
  return order;
}

/**
 * Plans and receipts are recorded by finance (finance.write) or by whoever may change the order (order.write,
 * e.g. its owner), on an order they see that is not closed (结单 makes it read-only).
 */
export function recordableFinance(actor: Actor, order: OrderFinance | null, orderId: string): OrderFinance {
  if (!can(actor, PERMISSIONS.financeWrite) && !can(actor, PERMISSIONS.orderWrite)) throw forbidden(PERMISSIONS.financeWrite);
  const o = visibleFinance(actor, order, orderId);
  if (o.completedAt !== null) throw orderCompleted(orderId);
  return o;
}

/** Reversals (冲销) and the close (结单) are finance's: finance.write on an order the actor sees. */
export function financeOnly(actor: Actor, order: OrderFinance | null, orderId: string): OrderFinance {
  requirePermission(actor, PERMISSIONS.financeWrite);
  return visibleFinance(actor, order, orderId);
}

export async function collectionSettings(d: Pick<CollectionsDeps, 'settings'>, tx: Tx, tenantId: string): Promise<CollectionSettings> {
  return (await d.settings.get(tx, tenantId)) ?? DEFAULT_COLLECTION_SETTINGS;
}

/** Timeline lines and outbox events, in the change's transaction. */
export async function record(d: Pick<CollectionsDeps, 'timeline' | 'events'>, tx: Tx, entries: readonly ActivityEntry[], events: readonly DomainEvent[]): Promise<void> {
  await d.timeline.record(tx, entries);
  await d.events.publish(tx, events);
}

export function entry(tenantId: string, subjectType: string, subjectId: string, actorId: string | null, action: string, summary: string, data: Record<string, unknown> = {}): ActivityEntry {
  return { tenantId, subjectType, subjectId, actorId, action, summary, data };
}

export function event(tenantId: string, subjectType: string, subjectId: string, actorId: string | null, type: string, data: Record<string, unknown> = {}): DomainEvent {
  return { type, tenantId, subjectType, subjectId, actorId, data };
}
