// 审批流程: one row per flow (its current version, archived or not) and every saved version as a snapshot, so
// an instance keeps pointing at the exact definition it started on. One active flow per business type.
import type { Knex } from 'knex';

export const name = '202611270100_approval_flows';

const BUSINESS_TYPES = "('order_review', 'receipt', 'invoice', 'red_invoice', 'order_close')";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('approval_flows', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.text('business_type').notNullable();
    t.integer('current_version').notNullable();
    t.timestamp('archived_at', { useTz: true });
    t.uuid('archived_by');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.uuid('updated_by');
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'updated_by']).references(['tenant_id', 'id']).inTable('users');
  });
  await knex.raw(`alter table approval_flows add constraint approval_flows_business_type check (business_type in ${BUSINESS_TYPES})`);
  // One active flow per business type; archived ones stay for the instances that ran on them.
  await knex.raw('create unique index approval_flows_active on approval_flows (tenant_id, business_type) where archived_at is null');

  await knex.schema.createTable('approval_flow_versions', (t) => {
    t.uuid('tenant_id').notNullable();
    t.uuid('flow_id').notNullable();
    t.integer('version').notNullable();
    t.text('name').notNullable();
    // The whole FlowDefinition as validated when saved (nodes, approvers, conditions, time limits).
    t.jsonb('definition').notNullable();
    t.uuid('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'flow_id', 'version']);
    t.foreign(['tenant_id', 'flow_id']).references(['tenant_id', 'id']).inTable('approval_flows');
    t.foreign(['tenant_id', 'created_by']).references(['tenant_id', 'id']).inTable('users');
  });
}
