// The task rules' storage (each firm's settings) and their condition queries. A query returns only records
// that have no task of that rule for that occasion yet, oldest first, so a backlog drains over passes.
import type { Tx } from '../../../core/shared/ports.js';
import type { TaskRuleRepository, TaskRuleSource } from '../../../core/workcenter/ports.js';
import type { RuleCandidate, TaskCondition, TaskRuleSetting } from '../../../core/workcenter/task-rules.js';
import type { TaskPriority } from '../../../core/workcenter/task.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

export class KnexTaskRuleRepository implements TaskRuleRepository {
  async settings(tx: Tx, tenantId: string): Promise<TaskRuleSetting[]> {
    const rows = await sql(tx)('task_rule_settings').where({ tenant_id: tenantId });
    return rows.map((r: Row) => ({ ruleKey: r.rule_key, enabled: r.enabled, afterDays: r.after_days, dueInHours: r.due_in_hours, priority: r.priority as TaskPriority }));
  }

  async saveSetting(tx: Tx, tenantId: string, s: TaskRuleSetting, by: string, at: Date): Promise<void> {
    await sql(tx)('task_rule_settings')
      .insert({ tenant_id: tenantId, rule_key: s.ruleKey, enabled: s.enabled, after_days: s.afterDays, due_in_hours: s.dueInHours, priority: s.priority, updated_by: by, updated_at: at })
      .onConflict(['tenant_id', 'rule_key'])
      .merge();
  }
}

export class KnexTaskRuleSource implements TaskRuleSource {
  async candidates(tx: Tx, tenantId: string, ruleKey: string, condition: TaskCondition, since: Date, limit: number): Promise<RuleCandidate[]> {
    const db = sql(tx);
    switch (condition.kind) {
      case 'application_in_status': {
        // An application (order line) in the status since `status_changed_at`; the task goes to the order's owner.
        const rows = await db('order_lines as l')
          .join('orders as o', function () { this.on('o.tenant_id', 'l.tenant_id').andOn('o.id', 'l.order_id'); })
          .where({ 'l.tenant_id': tenantId, 'l.status': condition.status })
          .andWhere('l.status_changed_at', '<=', since)
          .whereNotExists(db('tasks as t').whereRaw(`t.tenant_id = l.tenant_id and t.rule_key = ? and t.rule_record = 'application:' || l.id::text
            and t.rule_occasion = l.status_changed_at`, [ruleKey]))
          .orderBy([{ column: 'l.status_changed_at' }, { column: 'l.id' }])
          .limit(limit)
          .select('l.id', 'l.order_id', 'l.product_name', 'l.institution', 'l.status_changed_at', 'o.owner_id', 'o.department_id', 'o.company_name', 'o.title');
        return rows.map((r: Row) => ({
          record: `application:${r.id}`, occasion: r.status_changed_at, relatedType: 'order', relatedId: r.order_id, assigneeId: r.owner_id,
          departmentId: r.department_id, values: { productName: r.product_name, institution: r.institution, companyName: r.company_name, orderTitle: r.title },
        }));
      }
      case 'follow_up_overdue': {
        // An owned inquiry whose planned follow-up passed; the occasion is the planned time.
        const rows = await db('inquiries as i')
          .where('i.tenant_id', tenantId)
          .whereNull('i.merged_into_id')
          .whereNotNull('i.owner_id')
          .andWhere('i.next_follow_up_at', '<=', since)
          .whereNotExists(db('tasks as t').whereRaw(`t.tenant_id = i.tenant_id and t.rule_key = ? and t.rule_record = 'inquiry:' || i.id::text
            and t.rule_occasion = i.next_follow_up_at`, [ruleKey]))
          .orderBy([{ column: 'i.next_follow_up_at' }, { column: 'i.id' }])
          .limit(limit)
          .select('i.id', 'i.company_name', 'i.contact_name', 'i.owner_id', 'i.department_id', 'i.next_follow_up_at');
        return rows.map((r: Row) => ({
          record: `inquiry:${r.id}`, occasion: r.next_follow_up_at, relatedType: 'inquiry', relatedId: r.id, assigneeId: r.owner_id,
          departmentId: r.department_id, values: { companyName: r.company_name, contactName: r.contact_name, nextFollowUpAt: (r.next_follow_up_at as Date).toISOString() },
        }));
      }
    }
  }
}
