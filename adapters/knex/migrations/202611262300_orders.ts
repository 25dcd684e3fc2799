// Orders (订单) and the tenant's order settings. The pipeline position (stage, handler) lives on the order; its
// history is the 订单动态 timeline. Amounts are not stored here: see 202611262302_order_amounts.
import type { Knex } from 'knex';

export const name = '202611262300_orders';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('order_settings', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.jsonb('pipeline').notNullable(); // { stages: StageConfig[] }, validated when saved
    t.text('preset'); // the preset the stages came from, null for the tenant's own
    t.jsonb('required_profile_fields').notNullable();
    t.integer('version').notNullable();
    t.uuid('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id']);
  });

  await knex.schema.createTable('orders', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.uuid('inquiry_id').notNullable();
    t.text('title').notNullable();
    t.text('company_name').notNullable();
    t.text('company_key').notNullable(); // normalizeCompanyName(company_name), for 查重 and search
    t.uuid('owner_id').notNullable();
    t.uuid('department_id');
    t.uuid('handler_id').notNullable();
    t.text('stage_key').notNullable();
    t.text('stage_before_off'); // while lost/cancelled: where 重新打开 returns
    t.timestamp('stage_entered_at', { useTz: true }).notNullable();
    t.text('off_reason');
    t.timestamp('completed_at', { useTz: true });
    t.uuid('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'id']).inTable('inquiries');
    t.foreign(['tenant_id', 'owner_id']).references(['tenant_id', 'id']).inTable('users');
    t.foreign(['tenant_id', 'handler_id']).references(['tenant_id', 'id']).inTable('users');
    t.foreign(['tenant_id', 'created_by']).references(['tenant_id', 'id']).inTable('users');
    t.check(`(stage_key in ('lost', 'cancelled')) = (stage_before_off is not null)`, [], 'orders_stage_before_off_check');
  });
  // A department can be deleted under its orders: they keep their owner and lose only the department.
  await knex.raw(`alter table orders add constraint orders_department_fk foreign key (tenant_id, department_id)
    references departments (tenant_id, id) on delete set null (department_id)`);
  // The list (newest first) over the whole tenant, by owner (self scope), by handler and by department.
  await knex.raw('create index orders_list on orders (tenant_id, created_at desc, id desc)');
  await knex.raw('create index orders_owner on orders (tenant_id, owner_id, created_at desc, id desc)');
  await knex.raw('create index orders_handler on orders (tenant_id, handler_id, created_at desc, id desc)');
  await knex.raw('create index orders_department on orders (tenant_id, department_id, created_at desc, id desc)');
  await knex.raw('create index orders_stage on orders (tenant_id, stage_key)');
  await knex.raw('create index orders_company_key on orders (tenant_id, company_key)');
  await knex.raw('create index orders_inquiry on orders (tenant_id, inquiry_id)');
}
