// The UnitOfWork port on Knex: a use case's queries share one transaction object (on the embedded database a
// query on the root instance inside a transaction would wait for the only connection forever).
import type { Knex } from 'knex';
import type { Tx, UnitOfWork } from '../../core/shared/ports.js';

/** PostgreSQL's answers that mean "nothing happened, run it again": deadlock and serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 4;

function isRetryable(e: unknown): boolean {
  return typeof e === 'object' && e !== null && RETRYABLE.has(String((e as { code?: unknown }).code));
}

export class KnexUnitOfWork implements UnitOfWork {
  constructor(private readonly knex: Knex) {}

  /** One transaction; a deadlock victim (PostgreSQL rolled it back whole) is run again, up to 4 times in all.
   * Summary rows kept by triggers make deadlocks possible when two transactions touch the same people's
   * rows in different orders; retrying the victim is the standard answer and loses nothing. */
  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.knex.transaction((trx) => work(trx as unknown as Tx));
      } catch (e) {
        if (!isRetryable(e) || attempt >= ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.floor(Math.random() * 20)));
      }
    }
  }

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work(this.knex as unknown as Tx);
  }
}

/** The Knex behind an opaque Tx (only adapters know what a Tx is). */
export function sql(tx: Tx): Knex {
  return tx as unknown as Knex;
}
