// What every area leans on: the outbox relay (delivers committed events to EventSubscriber multi-bindings and
// plugins' handlers), the one scheduler (runs every ScheduledJobContribution), the spreadsheet writer, and
// core's database schema: one migration history for all core areas, because their tables reference each
// other with foreign keys and views (orders ↔ products ↔ approvals ↔ collections).
import { hostname } from 'node:os';
import { ContainerModule } from 'inversify';
import { Clock, IdGenerator } from '../../../core/shared/ports.js';
import { EventSubscriber } from '../../../core/events/subscriber.js';
import { SpreadsheetWriter } from '../../../core/documents/spreadsheet.js';
import type { Database } from '../../knex/database.js';
import { coreMigrations } from '../../knex/migrations/index.js';
import { KnexOutboxStore } from '../../events/knex-outbox-store.js';
import { OutboxRelay } from '../../events/outbox-relay.js';
import { OutboxAdmin } from '../../events/outbox-admin.js';
import { OutboxSignalToken, type OutboxSignal } from '../../events/commit-signal.js';
import { KnexSlotStore } from '../../scheduler/knex-slot-store.js';
import { Scheduler } from '../../scheduler/scheduler.js';
import { ExcelJsSpreadsheetWriter } from '../../spreadsheet/exceljs-writer.js';
import { CommandContribution, defineArea, MigrationContribution } from '../area.js';
import { citusPlanCommand } from './platform.commands.js';
import type { ScheduledJob } from '../plugin-api.js';
import type { CrmConfig } from '../config.js';
import { Config, Db, ScheduledJobContribution } from '../tokens.js';
import { OutboxAdminToken, OutboxRelayToken, OutboxStoreToken, SchedulerToken, SlotStoreToken } from './platform.tokens.js';

/** The relay's job: every 2 s in every process (claims make overlapping runs safe). */
export const RELAY_JOB = 'outbox.relay';

const many = (serviceIdentifier: symbol) => ({ serviceIdentifier, isMultiple: true as const, optional: true as const });

const module = new ContainerModule(({ bind }) => {
  bind<MigrationContribution>(MigrationContribution).toConstantValue(coreMigrations);
  bind<CommandContribution>(CommandContribution).toDynamicValue((ctx) => citusPlanCommand(() => ctx.get<Database>(Db)));
  bind<SpreadsheetWriter>(SpreadsheetWriter).toConstantValue(new ExcelJsSpreadsheetWriter());

  bind<KnexOutboxStore>(OutboxStoreToken).toResolvedValue((db: Database) => new KnexOutboxStore(db.knex), [Db]).inSingletonScope();
  bind<OutboxRelay>(OutboxRelayToken)
    .toResolvedValue(
      (store: KnexOutboxStore, clock: Clock, ids: IdGenerator, config: CrmConfig, subscribers: EventSubscriber[] | undefined) => new OutboxRelay({
        store, clock, ids, subscribers: subscribers ?? [], policy: config.outboxLeaseSeconds ? { leaseMs: config.outboxLeaseSeconds * 1000 } : {},
      }),
      [OutboxStoreToken, Clock, IdGenerator, Config, many(EventSubscriber)],
    )
    .inSingletonScope();
  bind<OutboxAdmin>(OutboxAdminToken).toResolvedValue((store: KnexOutboxStore) => new OutboxAdmin(store), [OutboxStoreToken]).inSingletonScope();

  // The scheduler with every contributed job.
  bind<KnexSlotStore>(SlotStoreToken).toResolvedValue((db: Database) => new KnexSlotStore(db.knex), [Db]).inSingletonScope();
  bind<Scheduler>(SchedulerToken)
    .toResolvedValue(
      (clock: Clock, store: KnexSlotStore, ids: IdGenerator, signal: OutboxSignal, jobs: ScheduledJob[] | undefined) => {
        const s = new Scheduler({ clock, store, runnerId: `${hostname()}:${process.pid}:${ids.secret(6)}`, wake: { signal, job: RELAY_JOB } });
        for (const job of jobs ?? []) s.register(job);
        return s;
      },
      [Clock, SlotStoreToken, IdGenerator, OutboxSignalToken, many(ScheduledJobContribution)],
    )
    .inSingletonScope();

  bind<ScheduledJob>(ScheduledJobContribution)
    .toResolvedValue(
      (relay: OutboxRelay) => ({ name: RELAY_JOB, everySeconds: 2, exclusive: false, run: async (_slot: Date, now: Date) => { await relay.runOnce(now); } }),
      [OutboxRelayToken],
    )
    .inSingletonScope();
  bind<ScheduledJob>(ScheduledJobContribution)
    .toResolvedValue(
      (store: KnexSlotStore) => ({
        name: 'scheduler.prune', everySeconds: 6 * 3600,
        run: async (_slot: Date, now: Date) => { await store.prune(new Date(now.getTime() - 7 * 86_400_000)); },
      }),
      [SlotStoreToken],
    )
    .inSingletonScope();
});

export const platformArea = defineArea({
  name: 'platform',
  module,
  facade: {
    /** Delivers committed outbox events to subscribers and plugins (`runOnce(now)`); a scheduled job. */
    outboxRelay: OutboxRelayToken,
    /** Parked events of a firm, and retrying them. */
    outboxAdmin: OutboxAdminToken,
    /** The one scheduler: `start()` in the server, `runDue(now)` for embedding hosts and tests. */
    scheduler: SchedulerToken,
  },
});
