// 资料到期提醒 as a scheduled job: for every open application (待申请, 申请中, 已批核), when a collected document
// its product needs stops being good within `daysBefore` days, the order's owner gets a task (任务管理) to
// fetch a fresh copy. One task per order, file, document and last good day: the tasks' unique rule key
// refuses a second one, so a rerun, or two processes at once, add nothing. Dates are the job's asOf in the
// firm's calendar, never the wall clock. How many days before is each firm's 资料到期提醒提前天数.
import { addDaysToLocalDate, instantOfLocalDateTime, type Clock, type EventSink, type IdGenerator, type UnitOfWork } from '../shared/index.js';
import { taskEvent, type Task, type TaskRepository, type WorkcenterDirectory } from '../workcenter/index.js';
import type { ChecklistService } from './checklist.service.js';
import { DEFAULT_REMINDER_DAYS_BEFORE } from './checklist-settings.js';
import type { ChecklistRepository, ChecklistSettingsRepository, OpenApplication } from './ports.js';
import { dueReminders } from './reminders.js';

/** The tasks' rule key: which rule made a task (and, with record and occasion, one task each). */
export const CHECKLIST_REMINDER_RULE = 'checklist.document_expiring';

export interface ChecklistReminderDeps {
  readonly uow: UnitOfWork;
  readonly checklists: ChecklistRepository;
  readonly service: ChecklistService;
  readonly tasks: TaskRepository;
  readonly directory: WorkcenterDirectory;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Each firm's saved 资料到期提醒提前天数; without it (or for a firm that never saved one), `daysBefore`. */
  readonly settings?: ChecklistSettingsRepository | undefined;
  /** Days of notice for a firm without its own setting (default 7). */
  readonly daysBefore?: number | undefined;
  /** Orders looked at per transaction (default 100). */
  readonly batchSize?: number | undefined;
}

function byOrder(apps: readonly OpenApplication[]): Map<string, OpenApplication[]> {
  const out = new Map<string, OpenApplication[]>();
  for (const a of apps) out.set(a.orderId, [...(out.get(a.orderId) ?? []), a]);
  return out;
}

export class ChecklistReminders {
  constructor(private readonly d: ChecklistReminderDeps) {}

  /** One pass over every firm (or one); returns how many tasks were made. */
  async run(asOf: Date = this.d.clock.now(), options: { tenantId?: string } = {}): Promise<{ created: number }> {
    const tenantIds = options.tenantId ? [options.tenantId] : await this.d.uow.read((tx) => this.d.directory.tenantIds(tx));
    let created = 0;
    for (const tenantId of tenantIds) created += await this.runTenant(tenantId, asOf);
    return { created };
  }

  private async daysBefore(tenantId: string): Promise<number> {
    const fallback = this.d.daysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE;
    const settings = this.d.settings;
    if (!settings) return fallback;
    return (await this.d.uow.read((tx) => settings.get(tx, tenantId)))?.reminderDaysBefore ?? fallback;
  }

  private async runTenant(tenantId: string, asOf: Date): Promise<number> {
    const daysBefore = await this.daysBefore(tenantId);
    const limit = this.d.batchSize ?? 100;
    let after: string | null = null;
    let created = 0;
    for (;;) {
      const from: string | null = after;
      const batch = await this.d.uow.run(async (tx) => {
        const apps = await this.d.checklists.openApplications(tx, tenantId, from, limit);
        const zone = await this.d.directory.timeZone(tx, tenantId);
        const orders = byOrder(apps);
        const owners = [...new Set(apps.map((a) => a.ownerId).filter((x): x is string => x !== null))];
        const active = new Set((await this.d.directory.users(tx, tenantId, owners)).filter((u) => u.active).map((u) => u.id));
        let made = 0;
        for (const [orderId, open] of orders) {
          const first = open[0];
          if (!first?.ownerId || !active.has(first.ownerId)) continue;
          const productIds = open.map((a) => a.productId);
          const checklist = await this.d.service.checklistOf(tx, tenantId, orderId, productIds, asOf, zone);
          for (const r of dueReminders(checklist, productIds, daysBefore)) {
            // Due when the document stops being good: the start of the day after its last good day.
            const dueAt = instantOfLocalDateTime(addDaysToLocalDate(r.validThrough, 1), '00:00', zone);
            const task: Task = {
              tenantId, id: this.d.ids.id(), title: `资料即将过期：${r.document}${first.orderTitle ? `（${first.orderTitle}）` : ''}`,
              description: `${r.text.zh}。请向客户索取新的${r.document}并上传到订单的资料清单。`,
              assigneeId: first.ownerId, departmentId: first.departmentId, creatorId: null, dueAt, priority: 'high', relatedType: 'order', relatedId: orderId,
              status: 'todo', ruleKey: CHECKLIST_REMINDER_RULE, ruleRecord: `${orderId}|${r.key}`, ruleOccasion: dueAt,
              createdAt: asOf, updatedAt: asOf, completedAt: null, version: 1,
            };
            if (!(await this.d.tasks.insertRuleTask(tx, task))) continue;
            await this.d.events.publish(tx, [taskEvent(task, null, 'task.assigned', { ruleKey: CHECKLIST_REMINDER_RULE })]);
            made++;
          }
        }
        return { made, last: apps[apps.length - 1]?.orderId ?? null, full: orders.size >= limit };
      });
      created += batch.made;
      if (!batch.full || batch.last === null) return created;
      after = batch.last;
    }
  }
}
