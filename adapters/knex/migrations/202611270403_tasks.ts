// 任务管理: tasks with a status machine, their comments, and each firm's settings of the task rules.
import type { Knex } from 'knex';

export const name = '202611270403_tasks';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tasks', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.text('title').notNullable();
    t.text('description').notNullable().defaultTo('');
    t.uuid('assignee_id').notNullable();
    t.uuid('department_id'); // the assignee's department when assigned: what data scope reads
    t.uuid('creator_id'); // null when a rule created it
    t.timestamp('due_at', { useTz: true });
    t.text('priority').notNullable();
    t.text('related_type');
    t.uuid('related_id');
    t.text('status').notNullable();
    t.text('rule_key'); // a rule's task: one per rule, record and occasion
    t.text('rule_record'); // e.g. 'application:<line id>'
    t.timestamp('rule_occasion', { useTz: true }); // e.g. when the application entered 申请中
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.timestamp('completed_at', { useTz: true });
    t.integer('version').notNullable().defaultTo(1);
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'assignee_id']).references(['tenant_id', 'id']).inTable('users');
    t.foreign(['tenant_id', 'creator_id']).references(['tenant_id', 'id']).inTable('users');
    t.check(`status in ('todo', 'in_progress', 'done', 'cancelled')`, [], 'tasks_status_check');
    t.check(`priority in ('low', 'normal', 'high', 'urgent')`, [], 'tasks_priority_check');
  });
  await knex.raw(`alter table tasks add constraint tasks_department_fk foreign key (tenant_id, department_id)
    references departments (tenant_id, id) on delete set null (department_id)`);
  await knex.raw('create unique index tasks_rule_once on tasks (tenant_id, rule_key, rule_record, rule_occasion) where rule_key is not null');
  await knex.raw('create index tasks_assignee on tasks (tenant_id, assignee_id, status, due_at, id)');
  await knex.raw('create index tasks_creator on tasks (tenant_id, creator_id, due_at, id)');
  await knex.raw('create index tasks_department on tasks (tenant_id, department_id, due_at, id)');
  await knex.raw('create index tasks_related on tasks (tenant_id, related_type, related_id)');

  await knex.schema.createTable('task_comments', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.uuid('task_id').notNullable();
    t.uuid('author_id').notNullable();
    t.text('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'task_id']).references(['tenant_id', 'id']).inTable('tasks').onDelete('CASCADE');
    t.foreign(['tenant_id', 'author_id']).references(['tenant_id', 'id']).inTable('users');
    t.index(['tenant_id', 'task_id', 'created_at']);
  });

  await knex.schema.createTable('task_rule_settings', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.text('rule_key').notNullable();
    t.boolean('enabled').notNullable();
    t.integer('after_days').notNullable();
    t.integer('due_in_hours').notNullable();
    t.text('priority').notNullable();
    t.uuid('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'rule_key']);
  });
}
