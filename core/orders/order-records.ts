// What every orders use case shares: its ports, the tenant's settings, loading an order the actor may see or
// change, saving it under its version, and writing timeline and events with the change.
import type { DocumentCharset, ActivityEntry, Clock, DomainEvent, EventSink, IdGenerator, Timeline, Tx, UnitOfWork } from '../shared/index.js';
import type { OperationLog } from '../audit/index.js';
import type { Actor, OrganisationRepository } from '../organisation/index.js';
import type { FileRepository } from '../files/index.js';
import type { Cipher, SensitiveReadLog } from '../security/index.js';
import type { InquiryLifecycle } from '../inquiries/index.js';
import { DEFAULT_ORDER_SETTINGS } from './order-settings.js';
import { requireOpen, versionConflict, visibleOrder, writableOrder } from './order-visibility.js';
import type { ContractRepository, OrderRepository, OrderSettingsRepository, PlanRepository, ProfileRepository } from './ports.js';
import { filledProfileFields, profileCompleteness, type ProfileCompleteness } from './profile-fields.js';
import type { Order, OrderSettings } from './types.js';

/** The ports of the orders area; each service uses the ones it needs (pipeline moves go through OrderPipeline). */
export interface OrdersDeps {
  readonly uow: UnitOfWork;
  readonly orders: OrderRepository;
  readonly profiles: ProfileRepository;
  readonly plans: PlanRepository;
  readonly contracts: ContractRepository;
  readonly settings: OrderSettingsRepository;
  readonly inquiries: InquiryLifecycle;
  readonly org: OrganisationRepository;
  readonly files: FileRepository;
  readonly cipher: Cipher;
  readonly sensitiveReads: SensitiveReadLog;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** What the contract and plan PDFs can print: their texts are checked when saved. */
  readonly charset: DocumentCharset;
  /** The operation log: changed settings are recorded before and after. */
  readonly operations?: OperationLog | undefined;
}

export const ORDER_SUBJECT = 'order';

/** The tenant's order settings, or the defaults while it saved none. */
export async function orderSettings(d: Pick<OrdersDeps, 'settings'>, tx: Tx, tenantId: string): Promise<OrderSettings> {
  return (await d.settings.get(tx, tenantId)) ?? DEFAULT_ORDER_SETTINGS;
}

/** An order the actor may see, or `order.not_found`. */
export async function readableOrder(d: Pick<OrdersDeps, 'orders'>, tx: Tx, actor: Actor, id: string): Promise<Order> {
  return visibleOrder(actor, await d.orders.get(tx, actor.tenantId, id), id);
}

/**
 * An open order the actor may change, at the version the actor last saw: `order.version_conflict` when it
 * moved on since, `order.not_open` when it is completed, lost or cancelled.
 */
export async function changeableOrder(d: Pick<OrdersDeps, 'orders'>, tx: Tx, actor: Actor, id: string, version: number, settings: OrderSettings): Promise<Order> {
  const order = writableOrder(actor, await d.orders.get(tx, actor.tenantId, id), id);
  if (order.version !== version) throw versionConflict(version, order.version);
  requireOpen(settings.pipeline, order);
  return order;
}

/** Saves the order as the next version; a concurrent change that committed first makes this one fail. */
export async function saveOrder(d: Pick<OrdersDeps, 'orders' | 'clock'>, tx: Tx, order: Order, changes: Partial<Order>): Promise<Order> {
  const next: Order = { ...order, ...changes, updatedAt: d.clock.now(), version: order.version + 1 };
  if (!(await d.orders.update(tx, next))) {
    const current = await d.orders.get(tx, order.tenantId, order.id);
    throw versionConflict(order.version, current?.version ?? order.version);
  }
  return next;
}

/** Timeline lines and outbox events, in the change's transaction. */
export async function record(d: Pick<OrdersDeps, 'timeline' | 'events'>, tx: Tx, entries: readonly ActivityEntry[], events: readonly DomainEvent[]): Promise<void> {
  await d.timeline.record(tx, entries);
  await d.events.publish(tx, events);
}

/** One timeline line about an order. */
export function orderEntry(order: Pick<Order, 'tenantId' | 'id'>, actorId: string | null, action: string, summary: string, data: Record<string, unknown> = {}): ActivityEntry {
  return { tenantId: order.tenantId, subjectType: ORDER_SUBJECT, subjectId: order.id, actorId, action, summary, data };
}

/** One outbox event about an order. */
export function orderEvent(order: Pick<Order, 'tenantId' | 'id' | 'title'>, actorId: string | null, type: string, data: Record<string, unknown> = {}): DomainEvent {
  return { type, tenantId: order.tenantId, subjectType: ORDER_SUBJECT, subjectId: order.id, actorId, data: { orderTitle: order.title, ...data } };
}

/** The kinds of the order's current (not replaced) files. */
export async function currentFileKinds(d: Pick<OrdersDeps, 'files'>, tx: Tx, order: Pick<Order, 'tenantId' | 'id'>): Promise<string[]> {
  return (await d.files.listBySubject(tx, order.tenantId, ORDER_SUBJECT, order.id, false)).map((f) => f.kind);
}

/** 已完善 or what is missing, from the tenant's required list. */
export async function completenessOf(d: Pick<OrdersDeps, 'profiles' | 'files'>, tx: Tx, order: Order, settings: OrderSettings, fileKinds?: readonly string[]): Promise<ProfileCompleteness> {
  const profile = await d.profiles.get(tx, order.tenantId, order.id);
  const kinds = fileKinds ?? (await currentFileKinds(d, tx, order));
  return profileCompleteness(settings.requiredProfileFields, filledProfileFields(order.companyName, profile, kinds));
}
