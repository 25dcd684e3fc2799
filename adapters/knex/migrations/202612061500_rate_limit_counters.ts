// Requests counted per key (route group + user or client address) per fixed window, shared by every process
// of an installation. Not tenant data: an address is counted before anyone is known. Unlogged: a counter is
// worth nothing after a crash, and skipping the WAL keeps the per-lease write cheap.
import type { Knex } from 'knex';

export const name = '202612061500_rate_limit_counters';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create unlogged table rate_limit_counters (
    key text not null,
    window_start timestamptz not null,
    count integer not null,
    primary key (key, window_start)
  )`);
  await knex.raw('create index rate_limit_counters_window on rate_limit_counters (window_start)'); // expired windows are swept
}
