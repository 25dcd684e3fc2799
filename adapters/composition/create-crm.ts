// The composition root: the list of core areas. createCrm() loads their modules and then the plugins', migrates
// every contributed migration set, and hands back the embedding facade the areas' descriptors declare. Each
// area (areas/<area>.area.ts) binds its services, routes, jobs, approval subjects and commands itself.
import 'reflect-metadata';
import { Container } from 'inversify';
import type { Clock, IdGenerator } from '../../core/shared/ports.js';
import { openDatabase, type Database, type DatabaseOptions } from '../knex/database.js';
import { migrateLatest, type MigrationSet } from '../knex/migrator.js';
import { RandomIds, SystemClock } from '../system/node-crypto.js';
import { MigrationContribution, type AreaDescriptor, type FacadeOfAreas } from './area.js';
import type { CrmConfig } from './config.js';
import { configOf, databaseFromEnv } from './environment.js';
import { infrastructureModule } from './infrastructure.js';
import { facadeOf } from './facade.js';
import { organisationArea } from './areas/organisation.area.js';
import { securityArea } from './areas/security.area.js';
import { filesArea } from './areas/files.area.js';
import { documentsArea } from './areas/documents.area.js';
import { inquiriesArea } from './areas/inquiries.area.js';
import { productsArea } from './areas/products.area.js';
import { ordersArea } from './areas/orders.area.js';
import { approvalsArea } from './areas/approvals.area.js';
import { collectionsArea } from './areas/collections.area.js';
import { briefingArea } from './areas/briefing.area.js';
import { commissionsArea } from './areas/commissions.area.js';
import { targetsArea } from './areas/targets.area.js';
import { checklistsArea } from './areas/checklists.area.js';
import { invoicesArea } from './areas/invoices.area.js';
import { workcenterArea } from './areas/workcenter.area.js';
import { inboxArea } from './areas/inbox.area.js';
import { platformArea } from './areas/platform.area.js';

export { defaultDataDir, databaseFromEnv } from './environment.js';

/** The core areas, in the order their routes are matched (and listed in the OpenAPI document) and their jobs run. */
export const AREAS = [
  organisationArea, // login, users, departments, roles, the firm; `yunzhou tenant`
  inquiriesArea, // 咨询, 跟进, 公海, the recycler; `yunzhou recycle`
  filesArea, // files of records and who may see them
  productsArea, // 产品, matching, order lines, the status lookup, the loan calculators
  approvalsArea, // 审批 flows, instances, timers
  ordersArea, // 订单, the pipeline, profile, plan, contract; 订单内审
  workcenterArea, // 消息, 任务, task rules, follow-up reminders
  invoicesArea, // 发票
  collectionsArea, // 回款计划, 回款单, 结单, 账务管理
  commissionsArea, // 提成: schemes, lines with the receipts, statements, running figures
  briefingArea, // 数据简报
  targetsArea, // 业绩目标
  checklistsArea, // 资料清单, the submission check, expiry reminders
  inboxArea, // 办理中心
  securityArea, // encryption of sensitive fields, the PIPL audit trail
  documentsArea, // PDFs (pdfkit) of invoices, contracts and plans
  platformArea, // the outbox relay, the scheduler, core's migrations
] as const;

export interface CrmOptions {
  /** An existing Knex instance, a PostgreSQL URL, a data folder for the embedded database, or in-memory. */
  readonly database?: DatabaseOptions;
  /** Run pending migrations on start (default true). */
  readonly migrate?: boolean;
  /** Plugins' descriptors (definePlugin), loaded after the core areas like one more area each. */
  readonly plugins?: readonly AreaDescriptor[];
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly config?: Partial<CrmConfig>;
}

/** The embedding facade: the core areas' services (crm.inquiries, crm.orders …) and the Crm's own parts. */
export type Crm = FacadeOfAreas<typeof AREAS> & {
  readonly container: Container;
  readonly database: Database;
  readonly config: CrmConfig;
  readonly clock: Clock;
  /** The plugins loaded (their contributions are in the container's multi-bindings). */
  readonly plugins: readonly AreaDescriptor[];
  /** Stops the scheduler (waiting for runs in progress) and closes the database. */
  close(): Promise<void>;
};

export async function createCrm<const P extends readonly AreaDescriptor[] = []>(
  options: CrmOptions & { readonly plugins?: P } = {},
): Promise<Crm & FacadeOfAreas<P>> {
  const dbOptions = options.database ?? databaseFromEnv();
  const config = configOf(options.config, dbOptions);
  const database = await openDatabase(dbOptions);
  const clock = options.clock ?? new SystemClock();
  const ids = options.ids ?? new RandomIds();
  const container = new Container({ defaultScope: 'Singleton' });
  await container.loadAsync(infrastructureModule({ database, config, clock, ids }), ...AREAS.map((a) => a.module));

  const plugins = options.plugins ?? [];
  await container.loadAsync(...plugins.map((p) => p.module)).catch(async (e: unknown) => {
    await database.close(); // a plugin that fails to load leaves no open database behind
    throw e;
  });

  if (options.migrate ?? true) await migrateLatest(database.knex, migrationSets({ container }), database.schema);

  const facade = facadeOf(container, [...AREAS, ...plugins]) as FacadeOfAreas<typeof AREAS> & FacadeOfAreas<P>;
  return {
    ...facade,
    container,
    database,
    config,
    clock,
    plugins,
    close: async () => {
      await facade.scheduler.stop();
      await facade.inboxChanges.close(); // ends the console's streams, closes the LISTEN connection
      await database.close();
    },
  };
}

/** Every contributed migration set (core's, then each plugin's: one history per owner), for createCrm and `yunzhou migrate`. */
export function migrationSets(crm: { readonly container: Container }): MigrationSet[] {
  return crm.container.getAll<MigrationContribution>(MigrationContribution, { optional: true });
}
