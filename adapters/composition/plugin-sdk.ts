// The plugin SDK behind `yunzhou/plugin`: definePlugin turns a plugin's spec into an AreaDescriptor whose
// ContainerModule binds the plugin's contributions (routes, migrations, jobs, subscribers, commands) under
// the same multi-binding tokens the core areas use. A plugin declares the services it uses and gets them
// resolved for it, typed; it never holds the container.
import { join } from 'node:path';
import { ContainerModule } from 'inversify';
import type { Knex } from 'knex';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork, type Tx } from '../../core/shared/ports.js';
import { EventSubscriber, type OutboxEvent } from '../../core/events/subscriber.js';
import type { InquiryService } from '../../core/inquiries/inquiry.service.js';
import { InquiryRepository, InquirySettingsRepository } from '../../core/inquiries/ports.js';
import type { OrganisationService } from '../../core/organisation/organisation.service.js';
import { OrganisationRepository } from '../../core/organisation/ports.js';
import type { AuthService } from '../../core/organisation/auth.service.js';
import { Cipher } from '../../core/security/ports.js';
import type { NotificationSource } from '../../core/notifications/source.js';
import { SpreadsheetWriter } from '../../core/documents/spreadsheet.js';
import { DocumentCharset } from '../../core/shared/document-charset.js';
import type { Migration } from '../knex/migrator.js';
import type { Database } from '../knex/database.js';
import type { CrmConfig } from './config.js';
import type { RouteDef } from './route-def.js';
import { CommandContribution, MigrationContribution, RouteContribution, type AreaDescriptor, type FacadeOf, type FacadeTokens } from './area.js';
import { Config, Db, ScheduledJobContribution } from './tokens.js';
import { InquiryServiceToken } from './areas/inquiries.tokens.js';
import { AuthServiceToken, OrganisationServiceToken } from './areas/organisation.tokens.js';
import { NotificationSourceToken } from './areas/workcenter.tokens.js';
import type { ScheduledJob } from './plugin-api.js';
import { pluginSettings, settingsMigration, settingsRoutes, settingsValidator, type PluginSettings, type SettingsSpec } from './plugin-settings.js';

/** The services a plugin may declare in `uses` and find, resolved, in `ctx.services`. */
export interface PluginServices {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** 咨询 use cases: create, lists, detail (the permission checks and masking of the console's list). */
  readonly inquiries: InquiryService;
  /** 组织: the firm, its departments, people and roles, as the console sees them. */
  readonly organisation: OrganisationService;
  /** .xlsx files from a sheet spec and rows. */
  readonly spreadsheets: SpreadsheetWriter;
  /** Which characters the PDF font can draw (text refused elsewhere is refused on import too). */
  readonly documentCharset: DocumentCharset;
  // Ports for a plugin that writes core records in bulk inside its own transaction (the import): they take
  // the `tx` of ctx.data.transaction, so the plugin's rows and core's commit together.
  readonly inquiryRecords: InquiryRepository;
  readonly inquirySettings: InquirySettingsRepository;
  readonly people: OrganisationRepository;
  /** A record's 动态 lines. */
  readonly timeline: Timeline;
  /** Domain events into the outbox (delivered after commit). */
  readonly events: EventSink;
  /** Sessions for people the plugin identified otherwise than by password (sign-in from a vendor's workbench). */
  readonly sessions: Pick<AuthService, 'startSession'>;
  /** The installation's keyring: seal secrets a plugin must keep (a vendor's app secret), open them to use. */
  readonly cipher: Cipher;
  /** Who an outbox event notifies and with what words: the work center's message rules (issue 17's channels). */
  readonly notifications: NotificationSource;
}
export type ServiceName = keyof PluginServices;

const SERVICE_TOKENS: { readonly [K in ServiceName]: symbol } = {
  clock: Clock, ids: IdGenerator, inquiries: InquiryServiceToken, organisation: OrganisationServiceToken, spreadsheets: SpreadsheetWriter,
  documentCharset: DocumentCharset, inquiryRecords: InquiryRepository, inquirySettings: InquirySettingsRepository, people: OrganisationRepository,
  timeline: Timeline, events: EventSink, sessions: AuthServiceToken, cipher: Cipher, notifications: NotificationSourceToken,
};

/** The plugin's database access: its own tables, in the same transaction as core's ports where that matters. */
export interface PluginData {
  /** The database, for reads and single statements outside a transaction. */
  readonly knex: Knex;
  /**
   * One transaction, run again whole when PostgreSQL picks it as a deadlock victim: `trx` for the plugin's
   * tables, `tx` for the core ports it uses (the same transaction, committed or rolled back together).
   */
  transaction<T>(work: (trx: Knex.Transaction, tx: Tx) => Promise<T>): Promise<T>;
  /** Reads outside a transaction, with a `tx` for core ports' reads. */
  read<T>(work: (knex: Knex, tx: Tx) => Promise<T>): Promise<T>;
}

/** An event as the outbox relay delivers it: its sequence number and when it was written. */
export type DeliveredEvent = OutboxEvent;

/** Runs after commit for each event of those types, at least once, in order per record; a throw has it retried. */
export interface PluginSubscriber {
  /** Event types ('inquiry.created', 'order.handed_over' …) or '*' for every type. */
  readonly events: '*' | readonly string[];
  /** Must tolerate seeing an event twice. */
  handle(event: DeliveredEvent): Promise<void>;
}

/** A `yunzhou <name>` command; `io.progress` rewrites the current line of stderr (a progress bar). */
export type PluginCommand = CommandContribution;

export interface PluginContext<U extends ServiceName, S> {
  readonly name: string;
  /** The services named in `uses`; ready once the application started (use them in handlers, not in setup itself). */
  readonly services: Pick<PluginServices, U>;
  readonly data: PluginData;
  /** The firm's settings of this plugin (the spec's defaults until a firm saves its own). */
  readonly settings: PluginSettings<S>;
  /** A folder of the plugin's own beside the stored files (<filesDir>/.<name>), shared by all server processes. */
  filesDir(): string;
}

/** What setup hands back: each part becomes a contribution collected by the application. */
export interface PluginParts<F extends FacadeTokens> {
  /** Served under /api/v1/plugins/<name>; a bearer token is required unless a route says auth: 'none'. */
  readonly routes?: readonly RouteDef[];
  /** Scheduled as `<name>.<job name>`. */
  readonly jobs?: readonly ScheduledJob[];
  /** Subscribed to the outbox as `<name>:<n>` (1-based, in this order). */
  readonly subscribers?: readonly PluginSubscriber[];
  readonly commands?: readonly PluginCommand[];
  /** The services behind the spec's facade tokens (an embedding host resolves them by those tokens). */
  readonly provides?: FacadeOf<F>;
}

export interface PluginSpec<U extends ServiceName, S, F extends FacadeTokens> {
  /** Lower-case letters, digits and '-': routes go under /api/v1/plugins/<name>, migrations in <schema>.migrations_<name>. */
  readonly name: string;
  readonly uses?: readonly U[];
  /** Forward-only, in order, tracked apart from core's and other plugins'. */
  readonly migrations?: readonly Migration[];
  /** A settings object per firm, checked against its JSON schema; served at GET/PUT /settings. */
  readonly settings?: SettingsSpec<S>;
  /** Tokens of the services the plugin offers an embedding host (bound to `provides`). */
  readonly facade?: F;
  /** Called once per application, when it is assembled; returns the plugin's parts. */
  setup(ctx: PluginContext<U, S>): PluginParts<F>;
}

const NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** A plugin as a descriptor: `createCrm({ plugins: [definePlugin({ … })] })`. */
export function definePlugin<U extends ServiceName = never, S = Record<string, never>, F extends FacadeTokens = Record<never, never>>(
  spec: PluginSpec<U, S, F>,
): AreaDescriptor<F> {
  const { name } = spec;
  if (!NAME.test(name)) throw new Error(`Plugin name "${name}" must be lower-case letters, digits and '-' (at most 40)`);
  const uses = [...new Set(spec.uses ?? [])];
  const facade = spec.facade ?? ({} as F);
  if (spec.settings) settingsValidator(name, spec.settings);

  const module = new ContainerModule(({ bind }) => {
    // Filled when the first of the plugin's contributions is resolved; until then nothing may use it.
    let ready: { db: Database; uow: UnitOfWork; clock: Clock; filesDir: string; services: Record<string, unknown> } | null = null;
    const need = () => {
      if (!ready) throw new Error(`Plugin ${name}: services and data are ready once the application is assembled, not during setup`);
      return ready;
    };
    const services = {} as Record<string, unknown>;
    for (const u of uses) Object.defineProperty(services, u, { enumerable: true, get: () => need().services[u] });
    const data: PluginData = {
      get knex() { return need().db.knex; },
      transaction: (work) => need().uow.run((tx) => work(tx as unknown as Knex.Transaction, tx)),
      read: (work) => need().uow.read((tx) => work(tx as unknown as Knex, tx)),
    };
    const settings = pluginSettings<S>(name, spec.settings, data, () => need().clock);
    const parts = spec.setup({ name, services: services as Pick<PluginServices, U>, data, settings, filesDir: () => need().filesDir });

    const Ready = Symbol(`yunzhou.plugins.${name}.ready`);
    bind(Ready)
      .toResolvedValue((db: Database, uow: UnitOfWork, config: CrmConfig, clock: Clock, ...resolved: unknown[]) => {
        ready = { db, uow, clock, filesDir: join(config.filesDir, `.${name}`), services: Object.fromEntries(uses.map((u, i) => [u, resolved[i]])) };
        return true;
      }, [Db, UnitOfWork, Config, Clock, ...uses.map((u) => SERVICE_TOKENS[u])])
      .inSingletonScope();
    const after = <T>(build: () => T) => (_ready: boolean): T => build();

    const migrations = [...(spec.settings ? [settingsMigration(name)] : []), ...(spec.migrations ?? [])];
    if (migrations.length) bind<MigrationContribution>(MigrationContribution).toConstantValue({ owner: name, migrations });
    const routes = [...(spec.settings ? settingsRoutes(name, spec.settings, settings) : []), ...(parts.routes ?? [])];
    if (routes.length) {
      bind<RouteContribution>(RouteContribution)
        .toResolvedValue(after(() => ({ owner: name, prefix: `/api/v1/plugins/${name}`, routes })), [Ready]).inSingletonScope();
    }
    for (const j of parts.jobs ?? []) {
      const job: ScheduledJob = {
        name: `${name}.${j.name}`, everySeconds: j.everySeconds,
        ...(j.offsetSeconds !== undefined ? { offsetSeconds: j.offsetSeconds } : {}),
        ...(j.exclusive !== undefined ? { exclusive: j.exclusive } : {}),
        ...(j.leaseSeconds !== undefined ? { leaseSeconds: j.leaseSeconds } : {}),
        run: (slot, now) => j.run(slot, now),
      };
      bind<ScheduledJob>(ScheduledJobContribution).toResolvedValue(after(() => job), [Ready]).inSingletonScope();
    }
    (parts.subscribers ?? []).forEach((s, i) => {
      const subscriber: EventSubscriber = {
        name: `${name}:${i + 1}`, eventTypes: s.events === '*' || s.events.includes('*') ? '*' : [...s.events], handle: (e) => s.handle(e),
      };
      bind<EventSubscriber>(EventSubscriber).toResolvedValue(after(() => subscriber), [Ready]).inSingletonScope();
    });
    for (const c of parts.commands ?? []) bind<CommandContribution>(CommandContribution).toResolvedValue(after(() => c), [Ready]).inSingletonScope();
    for (const [key, tok] of Object.entries(facade)) {
      bind(tok).toResolvedValue(after(() => {
        const provided = (parts.provides as Record<string, unknown> | undefined)?.[key];
        if (provided === undefined) throw new Error(`Plugin ${name} declares ${key} in its facade but setup provides none`);
        return provided;
      }), [Ready]).inSingletonScope();
    }
  });
  return { name, module, facade };
}
