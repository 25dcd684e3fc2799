// 回款计划 (step 10): read an order's plan with each instalment's state, preview a generated plan, save a plan or
// a revision (instalments holding money stay as they are; every revision is kept), and remove an unused plan.
import { isDomainError, validationFailed, localDate, type Tx } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import { formatYuanGrouped } from '../money/index.js';
import {
  ORDER_SUBJECT, entry, event, record, recordableFinance, visibleFinance, type CollectionsDeps,
} from './collections-deps.js';
import { lockedInstalmentChanged, noReceivable, planVersionConflict } from './errors.js';
import { instalmentState, outstandingOf } from './instalment-state.js';
import { generateInstalments, type PlanSpec } from './plan-generation.js';
import { isLocked, openAmount, revisePlan, type PlannedInstalment } from './plan-revision.js';
import type { OrderFinance, StoredInstalment } from './ports.js';
import { INSTALMENT_STATE_LABELS, type CollectionPlan, type Instalment, type InstalmentDraft, type InstalmentState, type PlanRevision } from './types.js';

export interface InstalmentView extends Instalment {
  readonly state: InstalmentState;
  readonly stateLabel: string;
  readonly outstandingFen: number;
  /** Holds money of a receipt: a revision keeps it as it is. */
  readonly locked: boolean;
}

export interface PlanView {
  readonly orderId: string;
  readonly plan: CollectionPlan | null;
  readonly instalments: readonly InstalmentView[];
  readonly receivableFen: number;
  readonly receivedFen: number;
  readonly outstandingFen: number;
  /** The instalments add up to the receivable (false after the contract amount changed: revise the plan). */
  readonly matchesReceivable: boolean;
  /** What a revision has to plan: the receivable less the locked instalments. */
  readonly openFen: number;
  /** The order is closed (结单): the plan is read-only. */
  readonly readOnly: boolean;
}

export interface SavePlanInput {
  /** The plan's version the editor saw; 0 for a new plan. */
  readonly version: number;
  /** How to make the instalments that are not locked; for a revision, they share what is left to plan. */
  readonly spec: PlanSpec;
  /** 修改原因: kept with the revision. */
  readonly reason?: string | null | undefined;
}

export interface PlanPreview {
  readonly openFen: number;
  readonly instalments: readonly PlannedInstalment[];
}

export function instalmentView(i: Instalment, today: string): InstalmentView {
  const state = instalmentState(i, today);
  return { ...i, state, stateLabel: INSTALMENT_STATE_LABELS[state], outstandingFen: outstandingOf(i), locked: isLocked(i) };
}

const strip = ({ remindedFor: _r, ...i }: StoredInstalment): Instalment => i;

export class CollectionPlanService {
  constructor(private readonly d: CollectionsDeps) {}

  /** The order's plan with each instalment's state in the tenant's calendar today. */
  async get(actor: Actor, orderId: string): Promise<PlanView> {
    return this.d.uow.read(async (tx) => {
      const order = visibleFinance(actor, await this.d.plans.orderFinance(tx, actor.tenantId, orderId), orderId);
      return this.view(tx, actor, order);
    });
  }

  /** The plan a spec would make now, without saving it (the 生成 button). */
  async preview(actor: Actor, orderId: string, spec: PlanSpec): Promise<PlanPreview> {
    return this.d.uow.read(async (tx) => {
      const order = recordableFinance(actor, await this.d.plans.orderFinance(tx, actor.tenantId, orderId), orderId);
      const current = (await this.d.plans.instalments(tx, actor.tenantId, orderId)).map(strip);
      return { openFen: openAmount(current, order.receivableFen), instalments: this.plan(order, current, spec) };
    });
  }

  /**
   * Saves a new plan or a revision at the version the editor saw. Locked instalments stay; the rest are
   * replaced; together they must add up to the receivable (`collection.plan_total_mismatch`). The order row is
   * locked meanwhile, so a receipt cannot take money from an instalment being replaced.
   */
  async save(actor: Actor, orderId: string, input: SavePlanInput): Promise<PlanView> {
    const reason = input.reason?.trim() || null;
    if (reason !== null && reason.length > 500) throw validationFailed([{ path: '/reason', code: 'too_long', zh: '最多 500 字', en: 'at most 500 characters' }]);
    return this.d.uow.run(async (tx) => {
      const order = recordableFinance(actor, await this.d.plans.lockOrder(tx, actor.tenantId, orderId), orderId);
      const plan = await this.d.plans.getPlan(tx, actor.tenantId, orderId);
      if (input.version !== (plan?.version ?? 0)) throw planVersionConflict(input.version, plan?.version ?? 0);
      const current = (await this.d.plans.instalments(tx, actor.tenantId, orderId)).map(strip);
      const planned = this.plan(order, current, input.spec);
      const byId = new Map(current.map((i) => [i.id, i]));
      const instalments: Instalment[] = planned.map((p) => {
        const kept = p.id === null ? undefined : byId.get(p.id);
        if (kept) return { ...kept, number: p.number, proposed: false }; // the person's save confirms a proposed one
        return {
          tenantId: actor.tenantId, id: this.d.ids.id(), orderId, number: p.number, dueOn: p.dueOn, amountFen: p.amountFen, onDisbursement: p.onDisbursement,
          reservedFen: 0, collectedFen: 0,
        };
      });
      const now = this.d.clock.now();
      const revision = (await this.lastRevision(tx, actor.tenantId, orderId)) + 1;
      const next: CollectionPlan = plan
        ? { ...plan, revision, method: input.spec.method, totalFen: order.receivableFen, updatedBy: actor.userId, updatedAt: now, version: plan.version + 1 }
        : {
            tenantId: actor.tenantId, orderId, revision, method: input.spec.method, totalFen: order.receivableFen, createdBy: actor.userId, createdAt: now,
            updatedBy: actor.userId, updatedAt: now, version: 1,
          };
      const kept: PlanRevision = {
        tenantId: actor.tenantId, orderId, revision, method: next.method, totalFen: next.totalFen, reason, createdBy: actor.userId, createdAt: now,
        instalments: planned.map((p) => ({ number: p.number, dueOn: p.dueOn, amountFen: p.amountFen, onDisbursement: p.onDisbursement, locked: p.locked })),
      };
      if (!(await this.d.plans.savePlan(tx, next, instalments, kept))) throw planVersionConflict(input.version, (plan?.version ?? 0) + 1);
      const what = plan ? `修改了回款计划（第${revision}版）` : '制定了回款计划';
      const summary = `${what}：共 ${instalments.length} 期，合计 ¥${formatYuanGrouped(next.totalFen)}${reason ? `；原因：${reason}` : ''}`;
      const data = { revision, method: next.method, totalFen: next.totalFen, instalments: instalments.length, reason };
      await record(this.d, tx, [entry(actor.tenantId, ORDER_SUBJECT, orderId, actor.userId, 'collection.plan_saved', summary, data)], [
        event(actor.tenantId, ORDER_SUBJECT, orderId, actor.userId, 'collection.plan_saved', { ...data, orderTitle: order.title }),
      ]);
      return this.view(tx, actor, order);
    });
  }

  /** Every revision of the order's plan, newest first. */
  async revisions(actor: Actor, orderId: string): Promise<PlanRevision[]> {
    return this.d.uow.read(async (tx) => {
      visibleFinance(actor, await this.d.plans.orderFinance(tx, actor.tenantId, orderId), orderId);
      return this.d.plans.revisions(tx, actor.tenantId, orderId);
    });
  }

  /** Removes a plan none of whose instalments holds money; the removal is kept as a revision without instalments. */
  async remove(actor: Actor, orderId: string, version: number): Promise<void> {
    await this.d.uow.run(async (tx) => {
      recordableFinance(actor, await this.d.plans.lockOrder(tx, actor.tenantId, orderId), orderId);
      const plan = await this.d.plans.getPlan(tx, actor.tenantId, orderId);
      if (!plan || plan.version !== version) throw planVersionConflict(version, plan?.version ?? 0);
      const locked = (await this.d.plans.instalments(tx, actor.tenantId, orderId)).find(isLocked);
      if (locked) throw lockedInstalmentChanged(locked.number);
      const now = this.d.clock.now();
      const revision = (await this.lastRevision(tx, actor.tenantId, orderId)) + 1;
      const kept: PlanRevision = {
        tenantId: actor.tenantId, orderId, revision, method: plan.method, totalFen: 0, reason: '删除回款计划', instalments: [], createdBy: actor.userId, createdAt: now,
      };
      if (!(await this.d.plans.savePlan(tx, { ...plan, revision, totalFen: 0, version: plan.version + 1, updatedAt: now, updatedBy: actor.userId }, [], kept))) {
        throw planVersionConflict(version, version + 1);
      }
      if (!(await this.d.plans.deletePlan(tx, actor.tenantId, orderId, plan.version + 1))) throw planVersionConflict(version, version + 1);
      await record(this.d, tx, [entry(actor.tenantId, ORDER_SUBJECT, orderId, actor.userId, 'collection.plan_removed', '删除了回款计划', { revision })], [
        event(actor.tenantId, ORDER_SUBJECT, orderId, actor.userId, 'collection.plan_removed', { revision }),
      ]);
    });
  }

  /** The plan after applying a spec to what is not locked (a DomainError is thrown). */
  private plan(order: OrderFinance, current: readonly Instalment[], spec: PlanSpec): PlannedInstalment[] {
    if (order.receivableFen <= 0) throw noReceivable(order.orderId);
    const open = openAmount(current, order.receivableFen);
    let drafts: InstalmentDraft[];
    if (spec.method === 'manual') {
      drafts = (spec.instalments ?? []).map((x) => ({ dueOn: x.dueOn, amountFen: x.amountFen, onDisbursement: x.onDisbursement === true })); // a body may leave the list out
    } else {
      const generated = generateInstalments(spec, open);
      if (isDomainError(generated)) throw generated;
      drafts = generated;
    }
    const planned = revisePlan(current, drafts, order.receivableFen);
    if (isDomainError(planned)) throw planned;
    return planned;
  }

  private async lastRevision(tx: Tx, tenantId: string, orderId: string): Promise<number> {
    return (await this.d.plans.revisions(tx, tenantId, orderId)).reduce((m, r) => Math.max(m, r.revision), 0);
  }

  private async view(tx: Tx, actor: Actor, order: OrderFinance): Promise<PlanView> {
    const plan = await this.d.plans.getPlan(tx, actor.tenantId, order.orderId);
    const current = (await this.d.plans.instalments(tx, actor.tenantId, order.orderId)).map(strip);
    const today = localDate(this.d.clock.now(), actor.timeZone);
    const total = current.reduce((s, i) => s + i.amountFen, 0);
    return {
      orderId: order.orderId,
      plan,
      instalments: current.map((i) => instalmentView(i, today)),
      receivableFen: order.receivableFen,
      receivedFen: order.receivedFen,
      outstandingFen: Math.max(order.receivableFen - order.receivedFen, 0),
      matchesReceivable: plan !== null && total === order.receivableFen,
      openFen: openAmount(current, order.receivableFen),
      readOnly: order.completedAt !== null,
    };
  }
}
