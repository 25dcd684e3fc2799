// An order's enterprise profile (企业信息), plan (方案) and contract (合同), one row each. The ID number, bank
// card and tax secrets are stored only sealed (Cipher: AES-256-GCM with the key id in the value), beside a
// keyed hash (blind index) of the ID number and card for equality search.
import type { Knex } from 'knex';

export const name = '202611262301_order_profile_plan_contract';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('order_profiles', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('order_id').notNullable();
    t.text('tax_id'); // 统一社会信用代码, normalised
    t.text('legal_person_name');
    t.text('legal_person_mobile');
    t.text('resident_id_sealed');
    t.text('resident_id_index');
    t.text('bank_card_sealed');
    t.text('bank_card_index');
    t.boolean('bank_card_luhn_confirmed').notNullable().defaultTo(false);
    t.text('bank_branch');
    t.text('home_address');
    t.text('marital_status');
    t.text('tax_secrets_sealed');
    t.text('contact_name');
    t.text('contact_relationship');
    t.uuid('updated_by').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'order_id']);
    t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders').onDelete('CASCADE');
    t.check(`marital_status in ('unmarried', 'married', 'divorced', 'widowed')`, [], 'order_profiles_marital_status_check');
    t.check('(resident_id_sealed is null) = (resident_id_index is null)', [], 'order_profiles_resident_id_check');
    t.check('(bank_card_sealed is null) = (bank_card_index is null)', [], 'order_profiles_bank_card_check');
  });
  await knex.raw('create index order_profiles_tax_id on order_profiles (tenant_id, tax_id) where tax_id is not null');
  await knex.raw('create index order_profiles_resident_id on order_profiles (tenant_id, resident_id_index) where resident_id_index is not null');
  await knex.raw('create index order_profiles_bank_card on order_profiles (tenant_id, bank_card_index) where bank_card_index is not null');

  await knex.schema.createTable('order_plans', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('order_id').notNullable();
    t.text('project_name').notNullable();
    t.text('overview').notNullable();
    t.date('expected_completion').notNullable();
    t.text('financial_plan');
    t.text('financing_advice').notNullable();
    t.uuid('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.uuid('updated_by').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'order_id']);
    t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders').onDelete('CASCADE');
  });

  await knex.schema.createTable('order_contracts', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('order_id').notNullable();
    t.text('number').notNullable();
    t.bigInteger('amount_fen').notNullable();
    t.date('signed_on').notNullable();
    t.text('customer_party').notNullable();
    t.text('customer_signatory');
    t.text('firm_party').notNullable();
    t.text('firm_signatory');
    t.timestamp('confirmed_at', { useTz: true });
    t.uuid('confirmed_by');
    t.uuid('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.uuid('updated_by').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'order_id']);
    t.unique(['tenant_id', 'number']);
    t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders').onDelete('CASCADE');
    t.foreign(['tenant_id', 'confirmed_by']).references(['tenant_id', 'id']).inTable('users');
    t.check('amount_fen > 0', [], 'order_contracts_amount_check');
    t.check('(confirmed_at is null) = (confirmed_by is null)', [], 'order_contracts_confirmed_check');
  });
  await knex.raw('create index order_contracts_confirmed on order_contracts (tenant_id, confirmed_at) where confirmed_at is not null');
}
