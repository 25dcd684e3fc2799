// Shared helpers of the work center tests: an isolated PostgreSQL database per test file (the relay and the
// scheduler work across firms, so they must not meet other files' events), events written through the
// outbox port, and a recording subscriber.
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../../adapters/knex/database.js';
import { migrateLatest, type MigrationSet } from '../../../adapters/knex/migrator.js';
import { coreMigrations } from '../../../adapters/knex/migrations/index.js';
import test from 'ava';
import { createCrm, type Crm } from '../../../adapters/composition/create-crm.js';
import type { Clock } from '../../../core/shared/ports.js';
import type { Backend } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { EventSink, UnitOfWork, type DomainEvent } from '../../../core/shared/ports.js';
import type { EventSubscriber, OutboxEvent } from '../../../core/events/subscriber.js';

export interface IsolatedDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated PostgreSQL database beside TEST_DATABASE_URL's, dropped by drop(). */
export async function isolatedPostgres(sets: readonly MigrationSet[] = [coreMigrations]): Promise<IsolatedDatabase> {
  const base = new URL(process.env.TEST_DATABASE_URL as string);
  const name = `yz_wc_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ url: base.toString(), poolMax: 1 });
  await admin.knex.raw(`create database ${name}`);
  await admin.close();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolMax: 1 });
  try {
    await migrateLatest(db.knex, sets);
  } finally {
    await db.close();
  }
  return {
    url: url.toString(),
    async drop() {
      const a = await openDatabase({ url: base.toString(), poolMax: 1 });
      try {
        await a.knex.raw(`drop database if exists ${name} with (force)`);
      } finally {
        await a.close();
      }
    },
  };
}

/** Writes events through the outbox port in one committed transaction. */
export async function publish(crm: Crm, events: readonly DomainEvent[]): Promise<void> {
  const uow = crm.container.get<UnitOfWork>(UnitOfWork);
  const sink = crm.container.get<EventSink>(EventSink);
  await uow.run((tx) => sink.publish(tx, events));
}

/** An event about a record of a firm. */
export function anEvent(tenantId: string, subjectId: string, type: string, data: Record<string, unknown> = {}): DomainEvent {
  return { type, tenantId, subjectType: 'probe', subjectId, actorId: null, data };
}

/** A subscriber that records what it saw and can be told to fail for chosen events. */
export class Recorder implements EventSubscriber {
  readonly seen: OutboxEvent[] = [];
  failing: (e: OutboxEvent) => boolean = () => false;
  constructor(readonly name: string, readonly eventTypes: readonly string[] | '*' = '*') {}
  async handle(e: OutboxEvent): Promise<void> {
    if (this.failing(e)) throw new Error(`refused ${e.type}`);
    this.seen.push(e);
  }
  /** The `data.n` of what it saw for one record, in order. */
  sequence(subjectId: string): unknown[] {
    return this.seen.filter((e) => e.subjectId === subjectId).map((e) => e.data.n);
  }
}

/** One Crm per backend for a test file, on PGlite and on an isolated PostgreSQL database, closed after it. */
export function crmsPerBackend(clock: Clock): (backend: Backend) => Promise<Crm> {
  let pg: IsolatedDatabase | null = null;
  const shared = new Map<Backend, Promise<Crm>>();
  test.before(async () => {
    if (process.env.TEST_DATABASE_URL) pg = await isolatedPostgres();
  });
  test.after.always(async () => {
    for (const c of shared.values()) await (await c).close();
    await pg?.drop();
  });
  return (backend) => {
    let c = shared.get(backend);
    if (!c) {
      c = backend === 'pglite'
        ? testCrm('pglite', { clock })
        : createCrm({ database: { url: (pg as IsolatedDatabase).url, poolMax: 4 }, migrate: false, clock, config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } });
      shared.set(backend, c);
    }
    return c;
  };
}
