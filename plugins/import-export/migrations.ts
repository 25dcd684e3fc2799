// The import-export plugin's tables, tracked apart from core's (knex_migrations_import_export): import jobs
// with their progress and lease, and the per-row results, one row per committed chunk of the file.
import type { Knex } from 'knex';
import type { Migration } from 'yunzhou/plugin';

export const importJobsTables: Migration = {
  name: '202611270420_import_jobs',
  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('import_jobs', (t) => {
      t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable();
      t.uuid('created_by').notNullable();
      t.text('file_name').notNullable();
      t.text('format').notNullable(); // xlsx, csv
      t.bigInteger('size_bytes').notNullable();
      t.text('storage_key'); // the spooled upload, relative to the plugin's folder; null once finished
      t.text('status').notNullable(); // queued, running, succeeded, failed
      t.integer('total'); // data rows, known once the file is read
      t.integer('processed').notNullable().defaultTo(0);
      t.integer('imported').notNullable().defaultTo(0);
      t.integer('duplicates').notNullable().defaultTo(0);
      t.integer('invalid').notNullable().defaultTo(0);
      t.jsonb('columns'); // the file's recognised headers, in its order (the report repeats them)
      t.jsonb('ignored_columns');
      t.text('error_code');
      t.text('error_zh');
      t.text('error_en');
      t.jsonb('error_details');
      t.text('runner'); // who holds the lease
      t.timestamp('lease_until', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('started_at', { useTz: true });
      t.timestamp('finished_at', { useTz: true });
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.primary(['tenant_id', 'id']);
      t.foreign(['tenant_id', 'created_by']).references(['tenant_id', 'id']).inTable('users');
      t.check(`status in ('queued', 'running', 'succeeded', 'failed')`, [], 'import_jobs_status_check');
      t.check(`format in ('xlsx', 'csv')`, [], 'import_jobs_format_check');
    });
    await knex.raw('create index import_jobs_list on import_jobs (tenant_id, created_at desc, id desc)');
    await knex.raw(`create index import_jobs_unfinished on import_jobs (lease_until) where status in ('queued', 'running')`);
    await knex.schema.createTable('import_job_chunks', (t) => {
      t.uuid('tenant_id').notNullable();
      t.uuid('job_id').notNullable();
      t.integer('chunk').notNullable();
      t.integer('first_index').notNullable(); // position of its first row among the file's data rows
      t.json('results').notNullable(); // RowResult[] (json: written once, read whole, never queried inside)
      t.primary(['tenant_id', 'job_id', 'chunk']);
      t.foreign(['tenant_id', 'job_id']).references(['tenant_id', 'id']).inTable('import_jobs');
    });
  },
};
