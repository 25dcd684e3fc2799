// 上传方案 (step 5): write the plan of an order; its attachment is a plan_attachment file (a new one replaces
// the current one, earlier ones stay in history). 提交到下一步 is OrdersService.submit.
import { requireDrawable } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import type { FileRecord } from '../files/index.js';
import { checkPlanInput, type PlanInput } from './plan.js';
import { changeableOrder, orderEntry, orderEvent, orderSettings, readableOrder, record, saveOrder, ORDER_SUBJECT, type OrdersDeps } from './order-records.js';
import type { Plan } from './types.js';

export interface PlanView {
  readonly plan: Plan | null;
  /** The current attachment (项目附件), or null. */
  readonly attachment: FileRecord | null;
}

export class PlanService {
  constructor(private readonly d: Pick<OrdersDeps, 'uow' | 'orders' | 'settings' | 'plans' | 'files' | 'timeline' | 'events' | 'clock' | 'charset'>) {}

  /** The plan of an order the actor may see, with its current attachment. */
  async get(actor: Actor, orderId: string): Promise<PlanView> {
    return this.d.uow.read(async (tx) => {
      await readableOrder(this.d, tx, actor, orderId);
      const files = await this.d.files.listBySubject(tx, actor.tenantId, ORDER_SUBJECT, orderId, false);
      return { plan: await this.d.plans.get(tx, actor.tenantId, orderId), attachment: files.find((f) => f.kind === 'plan_attachment') ?? null };
    });
  }

  /** Writes or rewrites the plan of an open order at the version the actor saw. */
  async save(actor: Actor, orderId: string, input: PlanInput & { readonly version: number }): Promise<{ plan: Plan; version: number }> {
    const checked = checkPlanInput(input);
    requireDrawable(this.d.charset, {
      '/projectName': input.projectName, '/overview': input.overview, '/financialPlan': input.financialPlan, '/financingAdvice': input.financingAdvice,
    });
    return this.d.uow.run(async (tx) => {
      const settings = await orderSettings(this.d, tx, actor.tenantId);
      const order = await changeableOrder(this.d, tx, actor, orderId, input.version, settings);
      const current = await this.d.plans.get(tx, actor.tenantId, orderId);
      const now = this.d.clock.now();
      const plan: Plan = {
        tenantId: actor.tenantId, orderId, ...checked,
        createdBy: current?.createdBy ?? actor.userId, createdAt: current?.createdAt ?? now, updatedBy: actor.userId, updatedAt: now,
      };
      await this.d.plans.save(tx, plan);
      const saved = await saveOrder(this.d, tx, order, {});
      const data = { projectName: plan.projectName, expectedCompletion: plan.expectedCompletion, rewritten: current !== null };
      await record(
        this.d, tx,
        [orderEntry(saved, actor.userId, 'order.plan_saved', `${current ? '修改' : '编写'}了方案「${plan.projectName}」，预计 ${plan.expectedCompletion} 完成`, data)],
        [orderEvent(saved, actor.userId, 'order.plan_saved', data)],
      );
      return { plan, version: saved.version };
    });
  }
}
