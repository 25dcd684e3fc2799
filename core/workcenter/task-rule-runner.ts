// The scheduled job of the task rules: for every firm and every rule it has switched on, find the records
// that meet the condition for long enough and make one task each (per rule, record and occasion). Running it
// twice, or in two processes at once, makes no second task: the store's unique key refuses it.
import type { Clock, EventSink, IdGenerator, UnitOfWork } from '../shared/index.js';
import type { TaskRepository, TaskRuleRepository, TaskRuleSource, WorkcenterDirectory } from './ports.js';
import type { Task } from './task.js';
import { effectiveRules, ruleTaskDraft, ruleThreshold, type TaskRule } from './task-rules.js';
import { taskEvent } from './task.service.js';

export interface TaskRuleRunnerDeps {
  readonly uow: UnitOfWork;
  readonly tasks: TaskRepository;
  readonly settings: TaskRuleRepository;
  readonly source: TaskRuleSource;
  readonly directory: WorkcenterDirectory;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly rules: readonly TaskRule[];
  /** Records looked at per rule and firm in one pass (default 500; the rest next pass). */
  readonly batchSize?: number;
}

export class TaskRuleRunner {
  constructor(private readonly d: TaskRuleRunnerDeps) {}

  async run(now: Date = this.d.clock.now(), options: { tenantId?: string } = {}): Promise<{ created: number }> {
    const tenantIds = options.tenantId ? [options.tenantId] : await this.d.uow.read((tx) => this.d.directory.tenantIds(tx));
    let created = 0;
    for (const tenantId of tenantIds) {
      const rules = effectiveRules(this.d.rules, await this.d.uow.read((tx) => this.d.settings.settings(tx, tenantId))).filter((r) => r.enabled);
      for (const rule of rules) created += await this.runRule(tenantId, rule, now);
    }
    return { created };
  }

  private runRule(tenantId: string, rule: TaskRule, now: Date): Promise<number> {
    return this.d.uow.run(async (tx) => {
      const found = await this.d.source.candidates(tx, tenantId, rule.key, rule.condition, ruleThreshold(rule, now), this.d.batchSize ?? 500);
      if (found.length === 0) return 0;
      const zone = await this.d.directory.timeZone(tx, tenantId);
      const active = new Set((await this.d.directory.users(tx, tenantId, found.map((c) => c.assigneeId))).filter((u) => u.active).map((u) => u.id));
      let created = 0;
      for (const c of found) {
        if (!active.has(c.assigneeId)) continue;
        const draft = ruleTaskDraft(rule, c, now, zone);
        const task: Task = {
          tenantId, id: this.d.ids.id(), title: draft.title, description: draft.description, assigneeId: c.assigneeId, departmentId: c.departmentId,
          creatorId: null, dueAt: draft.dueAt, priority: draft.priority, relatedType: c.relatedType, relatedId: c.relatedId, status: 'todo',
          ruleKey: rule.key, ruleRecord: c.record, ruleOccasion: c.occasion, createdAt: now, updatedAt: now, completedAt: null, version: 1,
        };
        if (!(await this.d.tasks.insertRuleTask(tx, task))) continue;
        await this.d.events.publish(tx, [taskEvent(task, null, 'task.assigned', { ruleKey: rule.key })]);
        created++;
      }
      return created;
    });
  }
}
