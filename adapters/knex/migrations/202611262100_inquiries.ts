// Inquiries (咨询), prospects and customers: one table, the lifecycle a column, the owner null while the
// record sits in its public pool. Normalised keys (mobile, company name, tax id, the mobile's last four) are
// stored and indexed so that 查重 and keyword search stay index lookups at a million rows.
import type { Knex } from 'knex';

export const name = '202611262100_inquiries';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('inquiries', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.text('company_name').notNullable();
    t.text('company_key').notNullable(); // normalizeCompanyName(company_name)
    t.text('contact_name').notNullable();
    t.text('mobile').notNullable(); // normalizeMobile: 11 digits
    t.text('mobile_last4').notNullable();
    // Set when the record claimed its mobile for itself (the tenant refuses duplicates): a unique partial index
    // below lets only one active record do so, which makes two concurrent creates of one mobile race-safe.
    t.boolean('mobile_exclusive').notNullable().defaultTo(false);
    t.text('gender').notNullable();
    t.text('level').notNullable();
    t.timestamp('next_follow_up_at', { useTz: true }).notNullable();
    t.timestamp('last_follow_up_at', { useTz: true });
    t.text('source').notNullable();
    t.text('property_type').notNullable();
    t.uuid('owner_id');
    t.uuid('department_id');
    t.text('remark').notNullable();
    t.text('tax_id');
    t.text('lifecycle').notNullable().defaultTo('inquiry');
    t.uuid('merged_into_id');
    t.timestamp('assigned_at', { useTz: true });
    t.timestamp('pool_entered_at', { useTz: true });
    t.timestamp('recycle_reminded_for', { useTz: true });
    t.uuid('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'owner_id']).references(['tenant_id', 'id']).inTable('users');
    t.foreign(['tenant_id', 'merged_into_id']).references(['tenant_id', 'id']).inTable('inquiries');
    t.check(`lifecycle in ('inquiry', 'prospect', 'customer')`, [], 'inquiries_lifecycle_check');
    t.check(`gender in ('male', 'female')`, [], 'inquiries_gender_check');
  });
  // A department can be deleted under its records: they keep their owner and lose only the department.
  await knex.raw(`alter table inquiries add constraint inquiries_department_fk foreign key (tenant_id, department_id)
    references departments (tenant_id, id) on delete set null (department_id)`);
  await knex.raw('create unique index inquiries_mobile_exclusive on inquiries (tenant_id, mobile) where mobile_exclusive');
  await knex.raw('create index inquiries_mobile on inquiries (tenant_id, mobile)');
  await knex.raw('create index inquiries_company_key on inquiries (tenant_id, company_key)');
  await knex.raw('create index inquiries_tax_id on inquiries (tenant_id, tax_id) where tax_id is not null');
  await knex.raw('create index inquiries_mobile_last4 on inquiries (tenant_id, mobile_last4)');
  // The lists: by lifecycle (whole tenant, department scope) and by owner (own records, the pools: owner null),
  // each in both sort orders; the included columns let counts and filters run as index-only scans.
  const live = 'where merged_into_id is null';
  const include = 'include (level, source, owner_id, department_id)';
  await knex.raw(`create index inquiries_list_next on inquiries (tenant_id, lifecycle, next_follow_up_at, id) ${include} ${live}`);
  await knex.raw(`create index inquiries_list_created on inquiries (tenant_id, lifecycle, created_at, id) ${include} ${live}`);
  await knex.raw(`create index inquiries_owner_next on inquiries (tenant_id, owner_id, lifecycle, next_follow_up_at, id) ${live}`);
  await knex.raw(`create index inquiries_owner_created on inquiries (tenant_id, owner_id, lifecycle, created_at, id) ${live}`);
}
