// 自动任务规则: everyone with task.write reads the firm's rules; an administrator (org.manage) switches a rule
// on or off and tunes its days, time to do it and priority.
import type { Clock, UnitOfWork } from '../shared/index.js';
import { settingsChange, type OperationLog } from '../audit/index.js';
import { requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import type { TaskRuleRepository } from './ports.js';
import { checkRuleSetting, effectiveRules, type TaskRule, type TaskRuleSetting } from './task-rules.js';

export interface TaskRuleServiceDeps {
  readonly uow: UnitOfWork;
  readonly settings: TaskRuleRepository;
  readonly clock: Clock;
  readonly rules: readonly TaskRule[];
  /** The operation log: changed settings are recorded before and after. */
  readonly operations?: OperationLog | undefined;
}

export class TaskRuleService {
  constructor(private readonly d: TaskRuleServiceDeps) {}

  async list(actor: Actor): Promise<TaskRule[]> {
    requirePermission(actor, PERMISSIONS.taskWrite);
    return effectiveRules(this.d.rules, await this.d.uow.read((tx) => this.d.settings.settings(tx, actor.tenantId)));
  }

  async update(actor: Actor, key: string, change: Omit<TaskRuleSetting, 'ruleKey'>): Promise<TaskRule> {
    requirePermission(actor, PERMISSIONS.orgManage);
    const setting: TaskRuleSetting = { ...change, ruleKey: key };
    checkRuleSetting(this.d.rules, setting);
    return this.d.uow.run(async (tx) => {
      const before = effectiveRules(this.d.rules, await this.d.settings.settings(tx, actor.tenantId)).find((r) => r.key === key) ?? null;
      await this.d.settings.saveSetting(tx, actor.tenantId, setting, actor.userId, this.d.clock.now());
      const rule = effectiveRules(this.d.rules, await this.d.settings.settings(tx, actor.tenantId)).find((r) => r.key === key);
      if (!rule) throw new Error(`rule ${key} vanished`);
      await this.d.operations?.record(tx, [settingsChange(actor, `task_rule:${key}`, before, rule)]);
      return rule;
    });
  }
}
