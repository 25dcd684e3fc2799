// Tenants, departments, users, roles and login tokens. tenant_id leads every key (DESIGN.md: distributable
// by tenant, and no query can cross tenants by accident).
import type { Knex } from 'knex';

export const name = '202611261940_organisation';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tenants', (t) => {
    t.uuid('id').primary();
    t.text('name').notNullable();
    t.text('time_zone').notNullable().defaultTo('Asia/Shanghai');
    t.jsonb('settings').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('departments', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.text('name').notNullable();
    t.uuid('parent_id');
    t.uuid('head_user_id');
    t.integer('sort_order').notNullable().defaultTo(0);
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'parent_id']).references(['tenant_id', 'id']).inTable('departments');
  });
  await knex.schema.createTable('users', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.text('name').notNullable();
    t.text('mobile').notNullable();
    t.uuid('department_id');
    t.text('password_hash').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('failed_logins').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true });
    t.timestamp('password_changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'id']);
    t.unique(['tenant_id', 'mobile']);
    t.index(['mobile']); // login by mobile before the tenant is known
    t.foreign(['tenant_id', 'department_id']).references(['tenant_id', 'id']).inTable('departments');
  });
  await knex.schema.alterTable('departments', (t) => {
    t.foreign(['tenant_id', 'head_user_id']).references(['tenant_id', 'id']).inTable('users');
  });
  await knex.schema.createTable('roles', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.text('code').notNullable();
    t.text('name').notNullable();
    t.jsonb('permissions').notNullable().defaultTo('[]');
    t.text('data_scope').notNullable();
    t.primary(['tenant_id', 'id']);
    t.unique(['tenant_id', 'code']);
  });
  await knex.schema.createTable('user_roles', (t) => {
    t.uuid('tenant_id').notNullable();
    t.uuid('user_id').notNullable();
    t.uuid('role_id').notNullable();
    t.primary(['tenant_id', 'user_id', 'role_id']);
    t.foreign(['tenant_id', 'user_id']).references(['tenant_id', 'id']).inTable('users').onDelete('CASCADE');
    t.foreign(['tenant_id', 'role_id']).references(['tenant_id', 'id']).inTable('roles').onDelete('CASCADE');
  });
  await knex.schema.createTable('auth_tokens', (t) => {
    t.uuid('tenant_id').notNullable();
    t.text('token_hash').notNullable();
    t.uuid('user_id').notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'token_hash']);
    t.foreign(['tenant_id', 'user_id']).references(['tenant_id', 'id']).inTable('users').onDelete('CASCADE');
    t.index(['tenant_id', 'user_id']);
  });
}
