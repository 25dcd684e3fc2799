// The bindings every area builds on, made from a Crm's runtime values: the database and its unit of work,
// the configuration, the clock and ids, the timeline, and the outbox (with the signal that wakes the relay).
import { ContainerModule } from 'inversify';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../../core/shared/ports.js';
import type { Database } from '../knex/database.js';
import { KnexUnitOfWork } from '../knex/unit-of-work.js';
import { KnexTimeline } from '../knex/repositories/knex-timeline.js';
import { KnexOutbox } from '../knex/repositories/knex-outbox.js';
import { OutboxSignal, OutboxSignalToken, SignallingEventSink } from '../events/commit-signal.js';
import type { CrmConfig } from './config.js';
import { Config, Db } from './tokens.js';

export function infrastructureModule(r: { database: Database; config: CrmConfig; clock: Clock; ids: IdGenerator }): ContainerModule {
  const { database, config, clock, ids } = r;
  const outboxSignal = new OutboxSignal();
  return new ContainerModule(({ bind }) => {
    bind<Database>(Db).toConstantValue(database);
    bind<CrmConfig>(Config).toConstantValue(config);
    bind<Clock>(Clock).toConstantValue(clock);
    bind<IdGenerator>(IdGenerator).toConstantValue(ids);
    bind<UnitOfWork>(UnitOfWork).toConstantValue(new KnexUnitOfWork(database.knex));
    bind<Timeline>(Timeline).toConstantValue(new KnexTimeline(clock, ids));
    bind<OutboxSignal>(OutboxSignalToken).toConstantValue(outboxSignal);
    bind<EventSink>(EventSink).toConstantValue(new SignallingEventSink(new KnexOutbox(clock), outboxSignal));
  });
}
