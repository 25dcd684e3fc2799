// The composition root: builds the Inversify container from one ContainerModule per adapter and per plugin,
// migrates, and hands back the use cases grouped by area. Core classes carry no decorators; they are bound
// here with factory bindings.
import 'reflect-metadata';
import { Container, ContainerModule } from 'inversify';
import { join } from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DATA_SUBDIR, dataHome, moveOldLayout, type DataHomeLog } from './data-home.js';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../../core/shared/ports.js';
import type { AuthService } from '../../core/organisation/auth.service.js';
import type { OrganisationService } from '../../core/organisation/organisation.service.js';
import { openDatabase, type Database, type DatabaseOptions } from '../knex/database.js';
import { KnexUnitOfWork } from '../knex/unit-of-work.js';
import { migrateLatest, type MigrationSet } from '../knex/migrator.js';
import { coreMigrations } from '../knex/migrations/index.js';
import { KnexTimeline } from '../knex/repositories/knex-timeline.js';
import { KnexOutbox } from '../knex/repositories/knex-outbox.js';
import { RandomIds, SystemClock } from '../system/node-crypto.js';
import { outboxLeaseFromEnv, type CrmConfig } from './config.js';
import { organisationModule } from './organisation.module.js';
import { inquiriesModule } from './inquiries.module.js';
import type { InquiryService } from '../../core/inquiries/inquiry.service.js';
import type { FollowUpService } from '../../core/inquiries/follow-up.service.js';
import type { PoolService } from '../../core/inquiries/pool.service.js';
import type { PoolRecycler } from '../../core/inquiries/pool-recycler.js';
import type { InquirySettingsService } from '../../core/inquiries/settings.service.js';
import { InquiryLifecycle } from '../../core/inquiries/ports.js';
import { securityModule } from './security.module.js';
import { productsModule } from './products.module.js';
import type { ProductCatalogueService } from '../../core/products/catalogue.service.js';
import type { OrderProductsService } from '../../core/products/order-products.service.js';
import type { StatusLookupService } from '../../core/products/status-lookup.service.js';
import { OrderProductsServiceToken, ProductCatalogueServiceToken, StatusLookupServiceToken } from './tokens.js';
import { filesModule } from './files.module.js';
import { keyringFromEnv } from '../security/keyring.js';
import { fileStoreFromEnv } from '../files/file-store-config.js';
import type { FilesService } from '../../core/files/files.service.js';
import { MigrationContribution, type AreaDescriptor } from './area.js';
import { AuditServiceToken, AuthServiceToken, Config, Db, FilesServiceToken, OrganisationServiceToken } from './tokens.js';
import type { AuditService } from '../../core/audit/index.js';
import { FollowUpServiceToken, InquiryServiceToken, InquirySettingsServiceToken, PoolRecyclerToken, PoolServiceToken } from './tokens.js';
import { ordersModule } from './orders.module.js';
import { approvalsModule } from './approvals.module.js';
import type { ApprovalFlowService } from '../../core/approvals/approval-flow.service.js';
import type { ApprovalService } from '../../core/approvals/approval.service.js';
import type { ApprovalTimers } from '../../core/approvals/approval-timers.js';
import type { ApprovalSubjects } from '../../core/approvals/subjects.js';
import { ApprovalFlowServiceToken, ApprovalServiceToken, ApprovalSubjectsToken, ApprovalTimersToken } from './tokens.js';
import type { OrdersService } from '../../core/orders/orders.service.js';
import type { EnterpriseProfileService } from '../../core/orders/enterprise-profile.service.js';
import type { PlanService } from '../../core/orders/plan.service.js';
import type { ContractService } from '../../core/orders/contract.service.js';
import type { OrderSettingsService } from '../../core/orders/order-settings.service.js';
import { ContractServiceToken, EnterpriseProfileServiceToken, OrderSettingsServiceToken, OrdersServiceToken, PlanServiceToken } from './tokens.js';
import { workcenterModule } from './workcenter.module.js';
import { invoicesModule } from './invoices.module.js';
import { pdfModule } from './pdf.module.js';
import type { InvoicesService } from '../../core/invoices/invoices.service.js';
import type { DocumentsService } from '../../core/documents/documents.service.js';
import { DocumentsServiceToken, InvoicesServiceToken } from './tokens.js';
import { OutboxSignal, OutboxSignalToken, SignallingEventSink } from '../events/commit-signal.js';
import type { OutboxRelay } from '../events/outbox-relay.js';
import type { OutboxAdmin } from '../events/outbox-admin.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { MessageService } from '../../core/workcenter/message.service.js';
import type { TaskService } from '../../core/workcenter/task.service.js';
import type { TaskRuleService } from '../../core/workcenter/task-rule.service.js';
import type { TaskRuleRunner } from '../../core/workcenter/task-rule-runner.js';
import type { FollowUpReminders } from '../../core/workcenter/follow-up-reminders.js';
import {
  FollowUpRemindersToken, MessageServiceToken, OutboxAdminToken, OutboxRelayToken, SchedulerToken, TaskRuleRunnerToken, TaskRuleServiceToken, TaskServiceToken,
} from './tokens.js';
import { collectionsModule } from './collections.module.js';
import { inboxModule } from './inbox.module.js';
import type { InboxService } from '../../core/workcenter/inbox.service.js';
import { InboxServiceToken } from './tokens.js';
import type { CollectionPlanService } from '../../core/collections/plan.service.js';
import type { ReceiptService } from '../../core/collections/receipt.service.js';
import type { CloseService } from '../../core/collections/close.service.js';
import type { AccountsService } from '../../core/collections/accounts.service.js';
import type { CollectionSettingsService } from '../../core/collections/settings.service.js';
import type { CollectionReminders } from '../../core/collections/reminders.js';
import type { BriefingService } from '../../core/briefing/briefing.service.js';
import {
  AccountsServiceToken, BriefingServiceToken, CloseServiceToken, CollectionPlanServiceToken, CollectionRemindersToken, CollectionSettingsServiceToken, ReceiptServiceToken,
} from './tokens.js';

export interface CrmOptions {
  /** An existing Knex instance, a PostgreSQL URL, a data folder for the embedded database, or in-memory. */
  readonly database?: DatabaseOptions;
  /** Run pending migrations on start (default true). */
  readonly migrate?: boolean;
  /** Plugins (definePlugin from yunzhou/plugin), loaded after the core areas. */
  readonly plugins?: readonly AreaDescriptor[];
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly config?: Partial<CrmConfig>;
}

export interface Crm {
  readonly container: Container;
  readonly database: Database;
  readonly config: CrmConfig;
  readonly clock: Clock;
  readonly auth: AuthService;
  readonly organisation: OrganisationService;
  /** The PIPL audit trail: the operation log and the sensitive-read log (audit.view). */
  readonly audit: AuditService;
  readonly files: FilesService;
  /** 产品管理: categories and products. */
  readonly products: ProductCatalogueService;
  /** 自动匹配 / 手动匹配, an order's products (lines) and their applications, repayment comparisons. */
  readonly orderProducts: OrderProductsService;
  /** 客户可查询: query codes and the public status lookup. */
  readonly statusLookup: StatusLookupService;
  /** 咨询: 生成, 查重, create, lists, edit, timeline, merge. */
  readonly inquiries: InquiryService;
  readonly followUps: FollowUpService;
  /** 咨询公海 / 客户公海: claim, assign, transfer, release. */
  readonly pools: PoolService;
  readonly inquirySettings: InquirySettingsService;
  /** The 准客户 / 客户 moves the orders area calls inside its transaction. */
  readonly inquiryLifecycle: InquiryLifecycle;
  /** Returns overdue and neglected records to their pools (`yunzhou recycle`, the server's schedule). */
  readonly poolRecycler: PoolRecycler;
  /** 订单: create from an inquiry, lists, detail, the pipeline, 提交到下一步, and the finance close (complete). */
  readonly orders: OrdersService;
  /** 完善企业信息: the enterprise profile (sensitive fields sealed, masked) and 查重. */
  readonly orderProfiles: EnterpriseProfileService;
  /** 方案. */
  readonly orderPlans: PlanService;
  /** 合同: record, confirm, and the contract document for the PDF. */
  readonly orderContracts: ContractService;
  /** The tenant's stages and required profile fields. */
  readonly orderSettings: OrderSettingsService;
  /** 审批流程: the tenant's approval flows per business type (versioned). */
  readonly approvalFlows: ApprovalFlowService;
  /** 审批: submit, decide (通过/否决, 代审), transfer, withdraw, my pending tasks, the record. */
  readonly approvals: ApprovalService;
  /** 审批时限: the scheduler calls approvalTimers.runApprovalTimers(now). */
  readonly approvalTimers: ApprovalTimers;
  /** Business types plugged into approvals (ApprovalSubjectContribution, or register() here). */
  readonly approvalSubjects: ApprovalSubjects;
  /** 回款计划: an order's plan, generate (equal / percentages / deposit / by hand), revise, every revision kept. */
  readonly collectionPlans: CollectionPlanService;
  /** 回款单: record (idempotent), allocate, submit to approval, reverse (冲销), and 回款办理 (awaitingMe). */
  readonly receipts: ReceiptService;
  /** 结单: close status and the close request through the order_close approval flow. */
  readonly closes: CloseService;
  /** 账务管理: receipts, instalments and overdue lists with totals, and their .xlsx exports. */
  readonly accounts: AccountsService;
  /** The firm's payment methods, receipt types and collection rules. */
  readonly collectionSettings: CollectionSettingsService;
  /** 到期提醒: one pass of the instalment reminders (a scheduled job). */
  readonly collectionReminders: CollectionReminders;
  /** 数据简报: the home screen's briefing for a period and a scope. */
  readonly briefing: BriefingService;
  /** 发票: requests, approval (issued with a number), red-letter reversal, 账务管理 lists and the invoice settings. */
  readonly invoices: InvoicesService;
  /** Invoice, contract and plan PDFs of stored records. */
  readonly documents: DocumentsService;
  /** 消息: the actor's notifications, unread counts, mark read. */
  readonly messages: MessageService;
  /** 任务管理: tasks by hand, their status and comments. */
  readonly tasks: TaskService;
  /** 办理中心: what waits on the signed-in person, counted per kind and listed by kind. */
  readonly inbox: InboxService;
  /** 自动任务规则: the firm's task rules and their settings. */
  readonly taskRules: TaskRuleService;
  /** The task rules' pass (a scheduled job; callable by hosts and tests). */
  readonly taskRuleRunner: TaskRuleRunner;
  /** 跟进提醒: one pass of the follow-up reminders (a scheduled job). */
  readonly followUpReminders: FollowUpReminders;
  /** Delivers committed outbox events to subscribers and plugins (`runOnce(now)`); a scheduled job. */
  readonly outboxRelay: OutboxRelay;
  /** Parked events of a firm, and retrying them. */
  readonly outboxAdmin: OutboxAdmin;
  /** The one scheduler: `start()` in the server, `runDue(now)` for embedding hosts and tests. */
  readonly scheduler: Scheduler;
  /** The plugins loaded (their contributions are in the container's multi-bindings). */
  readonly plugins: readonly AreaDescriptor[];
  /** Stops the scheduler (waiting for runs in progress) and closes the database. */
  close(): Promise<void>;
}

/** The embedded database's folder: <YUNZHOU_DATA_DIR or ./.yunzhou>/data. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataHome(env), DATA_SUBDIR);
}

const warn: DataHomeLog = (message, details) => console.warn(JSON.stringify({ level: 'warn', message, ...details }));

/**
 * Database options from the environment: DATABASE_URL, else the embedded database on disk, whose folder is
 * first brought to the one-folder layout when YUNZHOU_DATA_DIR still names an old one (logged through `log`).
 */
export function databaseFromEnv(env: NodeJS.ProcessEnv = process.env, log: DataHomeLog = warn): DatabaseOptions {
  const schema = env.YUNZHOU_DB_SCHEMA ? { schema: env.YUNZHOU_DB_SCHEMA } : {};
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, ...schema };
  if (env.YUNZHOU_DATA_DIR) moveOldLayout(dataHome(env), log);
  return { dataDir: defaultDataDir(env), ...schema };
}

/** A secret for the embedded install, generated once beside the database folder (<home>/secret.key); production sets YUNZHOU_SECRET. */
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
    files: options.config?.files ?? fileStoreFromEnv(),
    encryption: options.config?.encryption ?? keyringFromEnv(),
    outboxLeaseSeconds: options.config?.outboxLeaseSeconds ?? outboxLeaseFromEnv(),
  };
  const database = await openDatabase(dbOptions);
  const container = new Container({ defaultScope: 'Singleton' });
  const clock = options.clock ?? new SystemClock();
  const ids = options.ids ?? new RandomIds();

  const outboxSignal = new OutboxSignal();
  const infrastructure = new ContainerModule(({ bind }) => {
    bind<Database>(Db).toConstantValue(database);
    bind<CrmConfig>(Config).toConstantValue(config);
    bind<Clock>(Clock).toConstantValue(clock);
    bind<IdGenerator>(IdGenerator).toConstantValue(ids);
    bind<UnitOfWork>(UnitOfWork).toConstantValue(new KnexUnitOfWork(database.knex));
    bind<Timeline>(Timeline).toConstantValue(new KnexTimeline(clock, ids));
    bind<OutboxSignal>(OutboxSignalToken).toConstantValue(outboxSignal);
    bind<EventSink>(EventSink).toConstantValue(new SignallingEventSink(new KnexOutbox(clock), outboxSignal));
  });
  await container.loadAsync(infrastructure, organisationModule, securityModule, filesModule, inquiriesModule, productsModule, ordersModule, approvalsModule, collectionsModule, workcenterModule, pdfModule, invoicesModule, inboxModule);

  const plugins = options.plugins ?? [];
  await container.loadAsync(...plugins.map((p) => p.module)).catch(async (e: unknown) => {
    await database.close(); // a plugin that fails to load leaves no open database behind
    throw e;
  });

  if (options.migrate ?? true) await migrateLatest(database.knex, migrationSetsOf(container), database.schema);
  const scheduler = container.get<Scheduler>(SchedulerToken);

  return {
    container,
    database,
    config,
    clock,
    auth: container.get<AuthService>(AuthServiceToken),
    organisation: container.get<OrganisationService>(OrganisationServiceToken),
    audit: container.get<AuditService>(AuditServiceToken),
    files: container.get<FilesService>(FilesServiceToken),
    products: container.get<ProductCatalogueService>(ProductCatalogueServiceToken),
    orderProducts: container.get<OrderProductsService>(OrderProductsServiceToken),
    statusLookup: container.get<StatusLookupService>(StatusLookupServiceToken),
    inquiries: container.get<InquiryService>(InquiryServiceToken),
    followUps: container.get<FollowUpService>(FollowUpServiceToken),
    pools: container.get<PoolService>(PoolServiceToken),
    inquirySettings: container.get<InquirySettingsService>(InquirySettingsServiceToken),
    inquiryLifecycle: container.get<InquiryLifecycle>(InquiryLifecycle),
    poolRecycler: container.get<PoolRecycler>(PoolRecyclerToken),
    orders: container.get<OrdersService>(OrdersServiceToken),
    orderProfiles: container.get<EnterpriseProfileService>(EnterpriseProfileServiceToken),
    orderPlans: container.get<PlanService>(PlanServiceToken),
    orderContracts: container.get<ContractService>(ContractServiceToken),
    orderSettings: container.get<OrderSettingsService>(OrderSettingsServiceToken),
    approvalFlows: container.get<ApprovalFlowService>(ApprovalFlowServiceToken),
    approvals: container.get<ApprovalService>(ApprovalServiceToken),
    approvalTimers: container.get<ApprovalTimers>(ApprovalTimersToken),
    approvalSubjects: container.get<ApprovalSubjects>(ApprovalSubjectsToken),
    collectionPlans: container.get<CollectionPlanService>(CollectionPlanServiceToken),
    receipts: container.get<ReceiptService>(ReceiptServiceToken),
    closes: container.get<CloseService>(CloseServiceToken),
    accounts: container.get<AccountsService>(AccountsServiceToken),
    collectionSettings: container.get<CollectionSettingsService>(CollectionSettingsServiceToken),
    collectionReminders: container.get<CollectionReminders>(CollectionRemindersToken),
    briefing: container.get<BriefingService>(BriefingServiceToken),
    invoices: container.get<InvoicesService>(InvoicesServiceToken),
    documents: container.get<DocumentsService>(DocumentsServiceToken),
    messages: container.get<MessageService>(MessageServiceToken),
    tasks: container.get<TaskService>(TaskServiceToken),
    inbox: container.get<InboxService>(InboxServiceToken),
    taskRules: container.get<TaskRuleService>(TaskRuleServiceToken),
    taskRuleRunner: container.get<TaskRuleRunner>(TaskRuleRunnerToken),
    followUpReminders: container.get<FollowUpReminders>(FollowUpRemindersToken),
    outboxRelay: container.get<OutboxRelay>(OutboxRelayToken),
    outboxAdmin: container.get<OutboxAdmin>(OutboxAdminToken),
    scheduler,
    plugins,
    close: async () => {
      await scheduler.stop();
      await database.close();
    },
  };
}

/** Every migration set of a Crm (core and its plugins), for `yunzhou migrate`. */
export function migrationSets(crm: Pick<Crm, 'container'>): MigrationSet[] {
  return migrationSetsOf(crm.container);
}

/** Core's history first, then each MigrationContribution's (one history per owner). */
function migrationSetsOf(container: Container): MigrationSet[] {
  return [coreMigrations, ...container.getAll<MigrationContribution>(MigrationContribution, { optional: true }).filter((c) => c.owner !== 'core')];
}
