// The one use case that moves an order through its pipeline, inside the caller's transaction: load the order
// the actor may move, gather the facts the guards read, apply transition(), save the order under its version,
// and write the timeline (订单动态) and the outbox with it. The orders services (下一步, 提交到下一步, 合同赢单),
// 结单 (collections) and 内审 (the order_review approval subject) all go through it.
import { isDomainError, type DomainError, type Clock, type EventSink, type Timeline, type Tx } from '../shared/index.js';
import { requirePermission, PERMISSIONS, type Actor, type OrganisationRepository } from '../organisation/index.js';
import type { FileRepository } from '../files/index.js';
import { pipelineRecords } from './order-activity.js';
import { guardContextOf, type OrderFacts } from './order-facts.js';
import type { OrderGuardContext } from './order-guards.js';
import { completenessOf, orderSettings, record, saveOrder } from './order-records.js';
import { requireOpen, visibleOrder, writableOrder } from './order-visibility.js';
import { transition, type PipelineDomainEvent, type PipelineEvent, type PipelineTransition } from './pipeline.js';
import { orderAfter, pipelineStateOf } from './pipeline-step.js';
import type { ContractRepository, OrderRepository, OrderSettingsRepository, PlanRepository, ProfileRepository } from './ports.js';
import type { Order, OrderSettings } from './types.js';

/** What a pipeline move reads and writes: the order, the guards' facts, and the timeline and outbox. */
export interface OrderPipelineDeps {
  readonly orders: OrderRepository;
  readonly settings: OrderSettingsRepository;
  /** The orders area's own facts: profile completeness (with the files), plan, confirmed contract. */
  readonly profiles: ProfileRepository;
  readonly files: FileRepository;
  readonly plans: PlanRepository;
  readonly contracts: ContractRepository;
  /** The facts other areas contribute (products, internal review, collections). */
  readonly facts: OrderFacts;
  /** Names of the people a hand-over mentions. */
  readonly org: OrganisationRepository;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
}

/** The order after a move, and what happened. */
export interface PipelineMove {
  readonly order: Order;
  readonly events: readonly PipelineDomainEvent[];
}

/** How the actor reaches the order: to see it, or to change it while it is open (order.write). */
export type OrderAccess = 'read' | 'change';

export class OrderPipeline {
  constructor(private readonly d: OrderPipelineDeps) {}

  /** The tenant's order settings (its pipeline), or the defaults while it saved none. */
  settings(tx: Tx, tenantId: string): Promise<OrderSettings> {
    return orderSettings(this.d, tx, tenantId);
  }

  /**
   * Load: the order and its tenant's settings, when the actor may see it ('read') or change it while it is
   * open ('change'); `order.not_found`, forbidden or `order.not_open` otherwise.
   */
  async load(tx: Tx, actor: Actor, orderId: string, access: OrderAccess): Promise<{ order: Order; settings: OrderSettings }> {
    const stored = await this.d.orders.get(tx, actor.tenantId, orderId);
    const order = access === 'change' ? writableOrder(actor, stored, orderId) : visibleOrder(actor, stored, orderId);
    const settings = await this.settings(tx, actor.tenantId);
    if (access === 'change') requireOpen(settings.pipeline, order);
    return { order, settings };
  }

  /** Facts: everything the guards read, loaded in the caller's transaction (one after the other: the embedded database has one connection). */
  async facts(tx: Tx, order: Order, settings: OrderSettings): Promise<OrderGuardContext> {
    const completeness = await completenessOf(this.d, tx, order, settings);
    const plan = await this.d.plans.get(tx, order.tenantId, order.id);
    const contract = await this.d.contracts.get(tx, order.tenantId, order.id);
    const contributed = await this.d.facts.load(tx, order.tenantId, order.id);
    return guardContextOf({ profileComplete: completeness.complete, hasPlan: plan !== null, contractConfirmed: contract?.confirmedAt != null }, contributed);
  }

  /**
   * What one event would do now, without doing it: the next state, or the refusal. `assume` overrides facts
   * that are not yet true but will be when the move is really made (结单 asks before its approval).
   */
  async attempt(tx: Tx, order: Order, event: PipelineEvent, settings: OrderSettings, assume: Partial<OrderGuardContext> = {}): Promise<PipelineTransition | DomainError> {
    return transition(pipelineStateOf(order), event, { ...(await this.facts(tx, order, settings)), ...assume }, settings.pipeline);
  }

  /**
   * The move: the events applied one after the other (提交到下一步 is 下一步 then 转交) with the order's facts,
   * saved once. Throws the first refusal; `note` is added to the first timeline line (the submit's remark).
   */
  async move(tx: Tx, actorId: string | null, order: Order, events: readonly PipelineEvent[], settings: OrderSettings, note?: string): Promise<PipelineMove> {
    const context = await this.facts(tx, order, settings);
    let state = pipelineStateOf(order);
    const raised: PipelineDomainEvent[] = [];
    for (const event of events) {
      const moved = transition(state, event, context, settings.pipeline);
      if (isDomainError(moved)) throw moved;
      state = moved.order;
      raised.push(...moved.events);
    }
    const saved = await saveOrder(this.d, tx, order, orderAfter(order, state, raised, this.d.clock.now()));
    const people = raised.flatMap((e) => (e.type === 'handed_over' ? [e.fromUserId, e.toUserId] : []));
    const { entries, outbox } = pipelineRecords(saved, actorId, raised, await this.namesOf(tx, order.tenantId, people));
    const first = entries[0];
    if (note !== undefined && first) entries[0] = { ...first, summary: `${first.summary}（备注：${note}）`, data: { ...first.data, remark: note } };
    await record(this.d, tx, entries, outbox);
    return { order: saved, events: raised };
  }

  /**
   * 结单: the finance close completes the order (its final stage), in the close approval's deciding
   * transaction, so the facts collections contributes (fully collected, close approved) are seen. Needs finance.write.
   */
  async complete(tx: Tx, actor: Actor, orderId: string): Promise<Order> {
    requirePermission(actor, PERMISSIONS.financeWrite);
    const { order, settings } = await this.load(tx, actor, orderId, 'read');
    return (await this.move(tx, actor.userId, order, [{ type: 'complete' }], settings)).order;
  }

  /**
   * Whether the final move would pass once collections' facts hold (fully collected, close approved): null, or
   * the pipeline's refusal (e.g. still at 申请批核, or the contract unconfirmed). Changes nothing.
   */
  async completionRefusal(tx: Tx, tenantId: string, orderId: string): Promise<DomainError | null> {
    const order = await this.d.orders.get(tx, tenantId, orderId);
    if (!order) throw new Error(`order ${orderId} vanished`);
    const r = await this.attempt(tx, order, { type: 'complete' }, await this.settings(tx, tenantId), { fullyCollected: true, closeApproved: true });
    return isDomainError(r) ? r : null;
  }

  // Names of users for timeline sentences, with the id as a fallback.
  private async namesOf(tx: Tx, tenantId: string, ids: readonly string[]): Promise<(id: string) => string> {
    const users = await this.d.org.getUsers(tx, tenantId, [...new Set(ids)]);
    const names = new Map(users.map((u) => [u.id, u.name]));
    return (id) => names.get(id) ?? id;
  }
}
