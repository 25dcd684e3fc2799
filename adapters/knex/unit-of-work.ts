// The UnitOfWork port on Knex: a use case's queries share one transaction object (on the embedded database a
// query on the root instance inside a transaction would wait for the only connection forever).
import type { Knex } from 'knex';
import type { Tx, UnitOfWork } from '../../core/shared/ports.js';

export class KnexUnitOfWork implements UnitOfWork {
  constructor(private readonly knex: Knex) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.knex.transaction((trx) => work(trx as unknown as Tx));
  }

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work(this.knex as unknown as Tx);
  }
}

/** The Knex behind an opaque Tx (only adapters know what a Tx is). */
export function sql(tx: Tx): Knex {
  return tx as unknown as Knex;
}
