// Orders (订单): create from an inquiry (which becomes 准客户), list and read by data scope, edit, move through
// the pipeline (下一步, 回退, 转交, 输单, 取消, 重新打开), 提交到下一步, and the finance close for collections.
import {
  requireDrawable, domainError, isDomainError, notFound, validationFailed, type Activity, type Tx, type PageRequest,
  type UnmetCondition,
} from '../shared/index.js';
import { inScope, requirePermission, scopeFilter, PERMISSIONS, type Actor, type User } from '../organisation/index.js';
import { normalizeCompanyName } from '../identity/index.js';
import type { FileRecord } from '../files/index.js';
import type { OrderGuardContext } from './order-guards.js';
import { changeableOrder, orderEntry, orderEvent, orderSettings, readableOrder, record, saveOrder, ORDER_SUBJECT, type OrdersDeps } from './order-records.js';
import type { OrderPipeline } from './order-pipeline.js';
import { orderStatus } from './order-settings.js';
import { versionConflict, writableOrder } from './order-visibility.js';
import { stageProgress, stageRows, type StageRow } from './pipeline-progress.js';
import { pipelineStateName, transition, type PipelineEvent } from './pipeline.js';
import { pipelineStateOf } from './pipeline-step.js';
import type { OrderListFilter, OrderPage } from './ports.js';
import { profileCompleteness, filledProfileFields, type ProfileCompleteness } from './profile-fields.js';
import type { Order, OrderSettings, OrderStatus, OrderSummary } from './types.js';

export interface NewOrder {
  readonly inquiryId: string;
  /** 订单标题, e.g. 企业信用贷. */
  readonly title: string;
  /** 归属人员. Absent: the actor; anyone else needs pool.assign. */
  readonly ownerId?: string | undefined;
  /** 归属部门. Absent: the owner's department. */
  readonly departmentId?: string | null | undefined;
  /** 当前处理人. Absent: the owner. */
  readonly handlerId?: string | undefined;
}

export interface OrderChanges {
  readonly version: number;
  readonly title?: string | undefined;
  /** Moving an order to another person or department needs pool.assign. */
  readonly ownerId?: string | undefined;
  readonly departmentId?: string | null | undefined;
}

/** A pipeline event as a user sends it; `complete` is refused here (only the finance close completes). */
export type OrderEventInput = PipelineEvent & { readonly version: number };

export interface SubmitInput {
  readonly version: number;
  /** 操作备注. */
  readonly remark: string;
  /** 下一节点操作人: the order's handler from now on. */
  readonly nextHandlerId: string;
}

/** An order in a list: its summary, where it stands and how far along. */
export interface OrderListItem extends OrderSummary {
  readonly status: OrderStatus;
  readonly stageName: string;
  /** Null when the order sits in a stage no longer configured. */
  readonly progress: number | null;
}

/** An order as its detail screen shows it. */
export interface OrderDetail {
  readonly order: OrderSummary;
  readonly status: OrderStatus;
  /** The stage's name (or 输单 / 已取消) and progress (a lost order keeps the progress of the stage it left). */
  readonly stageName: string;
  readonly progress: number;
  readonly stages: readonly StageRow[];
  readonly profile: ProfileCompleteness;
  readonly hasPlan: boolean;
  readonly contractConfirmed: boolean;
  /** What 下一步 would do now: the next stage, and every condition still unmet (empty when it would go). */
  readonly advance: { readonly toStage: string | null; readonly unmet: readonly UnmetCondition[] };
  /** Current files (ID card, licence, plan attachment, contract scan …). */
  readonly files: readonly FileRecord[];
  /** 订单动态, oldest first. */
  readonly timeline: readonly Activity[];
}

export interface OrdersServiceDeps
  extends Pick<OrdersDeps, 'uow' | 'orders' | 'settings' | 'inquiries' | 'org' | 'files' | 'profiles' | 'timeline' | 'events' | 'clock' | 'ids' | 'charset'> {
  /** Every pipeline move (and the facts 下一步 would read) goes through the one use case. */
  readonly pipeline: OrderPipeline;
}

const required = (path: string, zh: string, en: string) => validationFailed([{ path, code: 'required', zh, en }]);

export class OrdersService {
  constructor(private readonly d: OrdersServiceDeps) {}

  /**
   * Creates an order for an inquiry the actor has in scope; the inquiry becomes 准客户 in the same transaction.
   * An inquiry in a public pool must be claimed first (`order.inquiry_in_pool`).
   */
  async create(actor: Actor, input: NewOrder): Promise<OrderSummary> {
    requirePermission(actor, PERMISSIONS.orderWrite);
    const title = input.title.trim();
    if (!title) throw required('/title', '请填写订单标题', 'The order title is required');
    requireDrawable(this.d.charset, { '/title': title }); // the plan prints it
    return this.d.uow.run(async (tx) => {
      const inquiry = await this.d.inquiries.find(tx, actor.tenantId, input.inquiryId);
      if (!inquiry || (inquiry.ownerId !== null && !inScope(actor, inquiry))) throw notFound('inquiry', '咨询', input.inquiryId);
      if (inquiry.ownerId === null) {
        throw domainError('order.inquiry_in_pool', 'rule', '该客户在公海中，请先认领再创建订单', 'The inquiry is in a public pool; claim it before creating an order', { inquiryId: inquiry.id });
      }
      const ownerId = input.ownerId ?? actor.userId;
      if (ownerId !== actor.userId) requirePermission(actor, PERMISSIONS.poolAssign);
      const owner = await this.activeUser(tx, actor, ownerId);
      const departmentId = input.departmentId === undefined ? owner.departmentId : input.departmentId;
      await this.checkDepartment(tx, actor, departmentId);
      const handlerId = input.handlerId ?? ownerId;
      if (handlerId !== ownerId) await this.activeUser(tx, actor, handlerId);
      const settings = await orderSettings(this.d, tx, actor.tenantId);
      const first = settings.pipeline.stages[0];
      if (!first) throw new Error('a validated pipeline has stages');
      const now = this.d.clock.now();
      const order: Order = {
        tenantId: actor.tenantId, id: this.d.ids.id(), inquiryId: inquiry.id, title, companyName: inquiry.companyName,
        companyKey: normalizeCompanyName(inquiry.companyName), ownerId, departmentId, handlerId, stageKey: first.key, stageBeforeOff: null,
        stageEnteredAt: now, offReason: null, completedAt: null, createdBy: actor.userId, createdAt: now, updatedAt: now, version: 1,
      };
      await this.d.orders.insert(tx, order);
      const lifecycle = await this.d.inquiries.markProspect(tx, actor.tenantId, inquiry.id, actor.userId);
      await record(
        this.d, tx,
        [orderEntry(order, actor.userId, 'order.created', `创建订单「${title}」（${inquiry.companyName}），阶段「${first.name}」`, { inquiryId: inquiry.id, ownerId, handlerId, stage: first.key })],
        [orderEvent(order, actor.userId, 'order.created', { inquiryId: inquiry.id, ownerId, departmentId, handlerId, stage: first.key, inquiryLifecycle: lifecycle.to })],
      );
      return this.summaryOf(tx, order);
    });
  }

  /**
   * Orders in the actor's data scope or handled by the actor, newest first, each with its stage's name and
   * progress; with page.withTotal the count and amount totals over every match.
   */
  async list(actor: Actor, filter: OrderListFilter, page: PageRequest): Promise<OrderPage & { items: OrderListItem[] }> {
    requirePermission(actor, PERMISSIONS.orderRead);
    const keyword = filter.keyword?.trim() || undefined;
    return this.d.uow.read(async (tx) => {
      const settings = await orderSettings(this.d, tx, actor.tenantId);
      const p = await this.d.orders.list(tx, actor.tenantId, { ...filter, keyword }, { userId: actor.userId, scope: scopeFilter(actor) }, page);
      return { ...p, items: p.items.map((o) => listItem(o, settings)) };
    });
  }

  /** The detail screen: amounts, stage progress, what 下一步 needs, files and the timeline. */
  async get(actor: Actor, id: string): Promise<OrderDetail> {
    return this.d.uow.read(async (tx) => {
      const order = await readableOrder(this.d, tx, actor, id);
      const settings = await orderSettings(this.d, tx, actor.tenantId);
      const summary = await this.summaryOf(tx, order);
      const files = await this.d.files.listBySubject(tx, actor.tenantId, ORDER_SUBJECT, id, false);
      const profile = profileCompleteness(settings.requiredProfileFields, filledProfileFields(order.companyName, await this.d.profiles.get(tx, actor.tenantId, id), files.map((f) => f.kind)));
      const context = await this.d.pipeline.facts(tx, order, settings);
      const position = pipelineStateOf(order);
      return {
        order: summary,
        status: orderStatus(settings.pipeline, order),
        stageName: pipelineStateName(settings.pipeline, order.stageKey),
        progress: stageProgress(settings.pipeline, position),
        stages: stageRows(settings.pipeline, position),
        profile,
        hasPlan: context.hasPlan,
        contractConfirmed: context.contractConfirmed,
        advance: advanceOutlook(order, context, settings),
        files,
        timeline: await this.d.timeline.list(tx, actor.tenantId, ORDER_SUBJECT, id),
      };
    });
  }

  /** 订单动态 of an order the actor may see, oldest first. */
  async timeline(actor: Actor, id: string): Promise<Activity[]> {
    return this.d.uow.read(async (tx) => {
      await readableOrder(this.d, tx, actor, id);
      return this.d.timeline.list(tx, actor.tenantId, ORDER_SUBJECT, id);
    });
  }

  /** Edits the title, owner or department of an open order at the version the actor saw. */
  async update(actor: Actor, id: string, changes: OrderChanges): Promise<OrderSummary> {
    const title = changes.title?.trim();
    if (changes.title !== undefined && !title) throw required('/title', '请填写订单标题', 'The order title is required');
    requireDrawable(this.d.charset, { '/title': title });
    return this.d.uow.run(async (tx) => {
      const settings = await orderSettings(this.d, tx, actor.tenantId);
      const order = await changeableOrder(this.d, tx, actor, id, changes.version, settings);
      const ownerId = changes.ownerId ?? order.ownerId;
      const departmentId = changes.departmentId === undefined ? order.departmentId : changes.departmentId;
      const moved = ownerId !== order.ownerId || departmentId !== order.departmentId;
      if (moved) {
        requirePermission(actor, PERMISSIONS.poolAssign);
        if (ownerId !== order.ownerId) await this.activeUser(tx, actor, ownerId);
        await this.checkDepartment(tx, actor, departmentId);
      }
      const next = await saveOrder(this.d, tx, order, { title: title ?? order.title, ownerId, departmentId });
      const what: string[] = [];
      if (next.title !== order.title) what.push(`标题改为「${next.title}」`);
      if (ownerId !== order.ownerId) what.push(`归属人员改为 ${(await this.activeUser(tx, actor, ownerId)).name}`);
      if (departmentId !== order.departmentId) what.push('归属部门已变更');
      if (what.length) {
        const data = { title: next.title, ownerId, departmentId, previousOwnerId: order.ownerId, previousDepartmentId: order.departmentId };
        await record(this.d, tx, [orderEntry(next, actor.userId, 'order.updated', what.join('；'), data)], [orderEvent(next, actor.userId, 'order.updated', data)]);
      }
      return this.summaryOf(tx, next);
    });
  }

  /**
   * Fires one pipeline event (下一步, 回退, 转交, 输单, 取消, 重新打开) at the version the actor saw. Refusals name
   * the stage and the event (`order.transition_not_allowed`) or list every unmet condition (`order.guard_failed`).
   */
  async fire(actor: Actor, id: string, input: OrderEventInput): Promise<OrderSummary> {
    return this.d.uow.run(async (tx) => {
      const order = writableOrder(actor, await this.d.orders.get(tx, actor.tenantId, id), id);
      if (order.version !== input.version) throw versionConflict(input.version, order.version);
      if (input.type === 'complete') throw completeByCloseOnly(order.stageKey);
      if (input.type === 'hand_over' && input.toUserId.trim() !== '' && input.toUserId !== order.handlerId) await this.activeUser(tx, actor, input.toUserId);
      const settings = await orderSettings(this.d, tx, actor.tenantId);
      const { version: _v, ...event } = input;
      const { order: next } = await this.d.pipeline.move(tx, actor.userId, order, [event as PipelineEvent], settings);
      return this.summaryOf(tx, next);
    });
  }

  /**
   * 提交到下一步: 下一步 and hand the order to the next operator, who gets an `order.handed_over` event. The
   * remark and the next operator are required; handing to the current handler only moves the stage.
   */
  async submit(actor: Actor, id: string, input: SubmitInput): Promise<OrderSummary> {
    const remark = input.remark.trim();
    const errors = [
      ...(remark ? [] : [{ path: '/remark', code: 'required', zh: '请填写操作备注', en: 'The remark is required' }]),
      ...(input.nextHandlerId.trim() ? [] : [{ path: '/nextHandlerId', code: 'required', zh: '请选择下一节点操作人', en: 'Choose the next operator' }]),
    ];
    if (errors.length) throw validationFailed(errors);
    return this.d.uow.run(async (tx) => {
      const settings = await orderSettings(this.d, tx, actor.tenantId);
      const order = await changeableOrder(this.d, tx, actor, id, input.version, settings);
      await this.activeUser(tx, actor, input.nextHandlerId);
      const events: PipelineEvent[] = [{ type: 'advance' }];
      if (input.nextHandlerId !== order.handlerId) events.push({ type: 'hand_over', toUserId: input.nextHandlerId, remark });
      const { order: next } = await this.d.pipeline.move(tx, actor.userId, order, events, settings, remark);
      return this.summaryOf(tx, next);
    });
  }

  /** 结单, for a host inside its own transaction: the pipeline's final move (OrderPipeline.complete). Needs finance.write. */
  complete(tx: Tx, actor: Actor, orderId: string): Promise<Order> {
    return this.d.pipeline.complete(tx, actor, orderId);
  }

  private async summaryOf(tx: Tx, order: Order): Promise<OrderSummary> {
    const s = await this.d.orders.summary(tx, order.tenantId, order.id);
    if (!s) throw new Error(`order ${order.id} vanished inside its own transaction`);
    return s;
  }

  private async activeUser(tx: Tx, actor: Actor, userId: string): Promise<User> {
    const u = await this.d.org.getUser(tx, actor.tenantId, userId);
    if (!u) throw notFound('user', '用户', userId);
    if (!u.active) throw domainError('order.user_inactive', 'rule', `${u.name} 已停用，不能接手订单`, `${u.name} is deactivated and cannot take orders`, { userId });
    return u;
  }

  private async checkDepartment(tx: Tx, actor: Actor, departmentId: string | null): Promise<void> {
    if (departmentId === null) return;
    if (!(await this.d.org.listDepartments(tx, actor.tenantId)).some((x) => x.id === departmentId)) throw notFound('department', '部门', departmentId);
  }
}

function listItem(o: OrderSummary, settings: OrderSettings): OrderListItem {
  let progress: number | null;
  try {
    progress = stageProgress(settings.pipeline, pipelineStateOf(o));
  } catch (e) {
    if (!isDomainError(e)) throw e;
    progress = null;
  }
  return { ...o, status: orderStatus(settings.pipeline, o), stageName: pipelineStateName(settings.pipeline, o.stageKey), progress };
}

/** What 下一步 would do from the order's stage with these facts. */
function advanceOutlook(order: Order, context: OrderGuardContext, settings: OrderSettings): OrderDetail['advance'] {
  const r = transition(pipelineStateOf(order), { type: 'advance' }, context, settings.pipeline);
  if (!isDomainError(r)) return { toStage: r.order.stageKey, unmet: [] };
  const unmet = r.code === 'order.guard_failed' ? ((r.details.unmet as UnmetCondition[] | undefined) ?? []) : [];
  const at = settings.pipeline.stages.findIndex((s) => s.key === order.stageKey);
  const next = settings.pipeline.stages[at + 1];
  return { toStage: unmet.length && next ? next.key : null, unmet };
}

/** Only the finance close (collections) completes an order; a user asking for it gets the stage and the event named. */
export function completeByCloseOnly(stage: string): ReturnType<typeof domainError> {
  return domainError(
    'order.transition_not_allowed',
    'rule',
    '订单完成只能由财务、运营审批结单后进入，不能直接操作',
    'An order is completed only by the finance close, not directly',
    { state: stage, event: 'complete' },
  );
}
