// The composition root: builds the Inversify container from one ContainerModule per adapter and per plugin,
// migrates, and hands back the use cases grouped by area. Core classes carry no decorators; they are bound
// here with factory bindings.
import 'reflect-metadata';
import { Container, ContainerModule } from 'inversify';
import { join, resolve } from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../../core/shared/ports.js';
import type { AuthService } from '../../core/organisation/auth.service.js';
import type { OrganisationService } from '../../core/organisation/organisation.service.js';
import { openDatabase, type Database, type DatabaseOptions } from '../knex/database.js';
import { KnexUnitOfWork } from '../knex/unit-of-work.js';
import { migrateLatest, type Migration, type MigrationSet } from '../knex/migrator.js';
import { coreMigrations } from '../knex/migrations/index.js';
import { KnexTimeline } from '../knex/repositories/knex-timeline.js';
import { KnexOutbox } from '../knex/repositories/knex-outbox.js';
import { RandomIds, SystemClock } from '../system/node-crypto.js';
import type { CrmConfig } from './config.js';
import { organisationModule } from './organisation.module.js';
import { securityModule } from './security.module.js';
import { filesModule } from './files.module.js';
import { keyringFromEnv } from '../security/keyring.js';
import type { FilesService } from '../../core/files/files.service.js';
import type { EventHandler, Plugin, PluginContext, ScheduledJob } from './plugin-api.js';
import type { RouteDef } from './route-def.js';
import { AuthServiceToken, Config, Db, FilesServiceToken, OrganisationServiceToken } from './tokens.js';

export interface CrmOptions {
  /** An existing Knex instance, a PostgreSQL URL, a data folder for the embedded database, or in-memory. */
  readonly database?: DatabaseOptions;
  /** Run pending migrations on start (default true). */
  readonly migrate?: boolean;
  readonly plugins?: readonly Plugin[];
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly config?: Partial<CrmConfig>;
}

export interface PluginRegistration {
  readonly name: string;
  readonly routes: RouteDef[];
  readonly migrations: Migration[];
  readonly handlers: { eventType: string; handler: EventHandler }[];
  readonly jobs: ScheduledJob[];
}

export interface Crm {
  readonly container: Container;
  readonly database: Database;
  readonly config: CrmConfig;
  readonly clock: Clock;
  readonly auth: AuthService;
  readonly organisation: OrganisationService;
  readonly files: FilesService;
  readonly plugins: readonly PluginRegistration[];
  close(): Promise<void>;
}

/** The embedded database's folder: YUNZHOU_DATA_DIR or ./.yunzhou/data. */
export function defaultDataDir(): string {
  return resolve(process.env.YUNZHOU_DATA_DIR ?? join('.yunzhou', 'data'));
}

/** Database options from the environment: DATABASE_URL, else the embedded database on disk. */
export function databaseFromEnv(): DatabaseOptions {
  return process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: defaultDataDir() };
}

/** A secret for the embedded install, generated once beside the data; production sets YUNZHOU_SECRET. */
function defaultSecret(db: DatabaseOptions): string {
  if (process.env.YUNZHOU_SECRET) return process.env.YUNZHOU_SECRET;
  if ('dataDir' in db) {
    const file = join(db.dataDir, '..', 'secret.key');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(join(db.dataDir, '..'), { recursive: true });
    const s = randomBytes(32).toString('base64url');
    writeFileSync(file, s, { mode: 0o600 });
    return s;
  }
  throw new Error('Set config.secret or YUNZHOU_SECRET: it protects tokens and encrypted fields');
}

export async function createCrm(options: CrmOptions = {}): Promise<Crm> {
  const dbOptions = options.database ?? databaseFromEnv();
  const config: CrmConfig = {
    secret: options.config?.secret ?? defaultSecret(dbOptions),
    tokenTtlMinutes: options.config?.tokenTtlMinutes ?? 12 * 60,
    filesDir: options.config?.filesDir ?? ('dataDir' in dbOptions ? join(dbOptions.dataDir, '..', 'files') : join(defaultDataDir(), '..', 'files')),
    encryption: options.config?.encryption ?? keyringFromEnv(),
  };
  const database = await openDatabase(dbOptions);
  const container = new Container({ defaultScope: 'Singleton' });
  const clock = options.clock ?? new SystemClock();
  const ids = options.ids ?? new RandomIds();

  const infrastructure = new ContainerModule(({ bind }) => {
    bind<Database>(Db).toConstantValue(database);
    bind<CrmConfig>(Config).toConstantValue(config);
    bind<Clock>(Clock).toConstantValue(clock);
    bind<IdGenerator>(IdGenerator).toConstantValue(ids);
    bind<UnitOfWork>(UnitOfWork).toConstantValue(new KnexUnitOfWork(database.knex));
    bind<Timeline>(Timeline).toConstantValue(new KnexTimeline(clock, ids));
    bind<EventSink>(EventSink).toConstantValue(new KnexOutbox(clock));
  });
  await container.loadAsync(infrastructure, organisationModule, securityModule, filesModule);

  const registrations: PluginRegistration[] = [];
  for (const plugin of options.plugins ?? []) {
    const reg: PluginRegistration = { name: plugin.name, routes: [], migrations: [], handlers: [], jobs: [] };
    const ctx: PluginContext = {
      container,
      load: (m) => container.loadAsync(m),
      addRoutes: (r) => reg.routes.push(...r),
      addMigrations: (m) => reg.migrations.push(...m),
      on: (eventType, handler) => reg.handlers.push({ eventType, handler }),
      addJob: (job) => reg.jobs.push(job),
    };
    await plugin.register(ctx);
    registrations.push(reg);
  }

  if (options.migrate ?? true) {
    const sets: MigrationSet[] = [coreMigrations, ...registrations.map((r) => ({ owner: r.name, migrations: r.migrations }))];
    await migrateLatest(database.knex, sets);
  }

  return {
    container,
    database,
    config,
    clock,
    auth: container.get<AuthService>(AuthServiceToken),
    organisation: container.get<OrganisationService>(OrganisationServiceToken),
    files: container.get<FilesService>(FilesServiceToken),
    plugins: registrations,
    close: () => database.close(),
  };
}

/** Every migration set of a Crm (core and its plugins), for `yunzhou migrate`. */
export function migrationSets(crm: Crm): MigrationSet[] {
  return [coreMigrations, ...crm.plugins.map((r) => ({ owner: r.name, migrations: r.migrations }))];
}
