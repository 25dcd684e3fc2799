// 审批实例: an instance is saved whole under its version (the header here, the flow snapshot and engine state in
// `state`), its tasks as rows (the 审批信息 record, and the index of everyone's 待审批 list). next_timer_at is
// when the scheduler next has something to do for it (审批时限).
import type { Knex } from 'knex';

export const name = '202611270101_approval_instances';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('approval_instances', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.text('business_type').notNullable();
    t.uuid('business_id').notNullable();
    t.uuid('flow_id').notNullable();
    t.integer('flow_version').notNullable();
    t.text('flow_name').notNullable();
    t.uuid('submitter_id').notNullable();
    t.text('status').notNullable();
    t.integer('current_node_index');
    t.text('current_node_name');
    // nodeApplies, chosenApprovers, activations, appliedRequests and the flow snapshot (approvals/instance.ts).
    t.jsonb('state').notNullable();
    t.text('submit_request_id');
    t.timestamp('next_timer_at', { useTz: true });
    t.timestamp('submitted_at', { useTz: true }).notNullable();
    t.timestamp('ended_at', { useTz: true });
    t.integer('version').notNullable();
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'flow_id', 'flow_version']).references(['tenant_id', 'flow_id', 'version']).inTable('approval_flow_versions');
    t.foreign(['tenant_id', 'submitter_id']).references(['tenant_id', 'id']).inTable('users');
  });
  await knex.raw("alter table approval_instances add constraint approval_instances_status check (status in ('pending', 'approved', 'rejected', 'withdrawn'))");
  // One review at a time per record: two concurrent submissions start one instance.
  await knex.raw("create unique index approval_instances_one_pending on approval_instances (tenant_id, business_type, business_id) where status = 'pending'");
  await knex.raw('create unique index approval_instances_submit_request on approval_instances (tenant_id, submitter_id, submit_request_id) where submit_request_id is not null');
  await knex.raw('create index approval_instances_business on approval_instances (tenant_id, business_type, business_id, submitted_at desc, id desc)');
  await knex.raw('create index approval_instances_submitter on approval_instances (tenant_id, submitter_id, submitted_at desc, id desc)');
  // The scheduler's scan crosses tenants: only pending instances with a timer.
  await knex.raw("create index approval_instances_timer on approval_instances (next_timer_at) where status = 'pending' and next_timer_at is not null");

  await knex.schema.createTable('approval_tasks', (t) => {
    t.uuid('tenant_id').notNullable();
    t.uuid('id').notNullable();
    t.uuid('instance_id').notNullable();
    t.integer('seq').notNullable(); // position in the record (the order things happened)
    t.text('node_key').notNullable();
    t.text('node_name').notNullable();
    t.integer('node_index').notNullable();
    t.integer('activation').notNullable();
    t.integer('position').notNullable(); // the turn within a sequential node
    t.uuid('appointed_approver_id');
    t.uuid('actual_approver_id');
    t.text('status').notNullable();
    t.boolean('on_behalf').notNullable();
    t.boolean('automatic').notNullable();
    t.text('reason');
    t.text('opinion');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('opened_at', { useTz: true });
    t.timestamp('due_at', { useTz: true });
    t.timestamp('reminded_at', { useTz: true });
    t.timestamp('timed_out_at', { useTz: true });
    t.timestamp('decided_at', { useTz: true });
    t.uuid('transferred_from_task_id');
    t.uuid('transferred_to_user_id');
    t.text('request_id');
    t.primary(['tenant_id', 'id']);
    t.unique(['tenant_id', 'instance_id', 'seq']);
    t.foreign(['tenant_id', 'instance_id']).references(['tenant_id', 'id']).inTable('approval_instances');
  });
  await knex.raw("create index approval_tasks_pending on approval_tasks (tenant_id, appointed_approver_id, opened_at, id) where status = 'pending'");
}
