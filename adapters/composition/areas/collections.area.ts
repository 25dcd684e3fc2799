// Collections: the Knex repositories and queries, the use cases and their routes, the two approval business
// types this area answers ('receipt', 'order_close'), the bank slip's file access, the instalment reminder
// job and the work center's message rules for collections events.
import { ContainerModule } from 'inversify';
import { OperationLog } from '../../../core/audit/ports.js';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../../../core/shared/ports.js';
import { OrganisationRepository } from '../../../core/organisation/ports.js';
import type { OrderPipeline } from '../../../core/orders/order-pipeline.js';
import type { ApprovalService } from '../../../core/approvals/approval.service.js';
import { ApprovalSubjectContribution } from '../../../core/approvals/subjects.js';
import { AccountsQueries, CollectionPlanRepository, CollectionSettingsRepository, ReceiptRepository, ReceiptSettlementListener } from '../../../core/collections/ports.js';
import { SpreadsheetWriter } from '../../../core/documents/spreadsheet.js';
import type { CollectionsDeps } from '../../../core/collections/collections-deps.js';
import { CollectionPlanService } from '../../../core/collections/plan.service.js';
import { ReceiptService } from '../../../core/collections/receipt.service.js';
import { CloseService } from '../../../core/collections/close.service.js';
import { AccountsService } from '../../../core/collections/accounts.service.js';
import { CollectionSettingsService } from '../../../core/collections/settings.service.js';
import { CollectionReminders } from '../../../core/collections/reminders.js';
import { ReceiptSubject } from '../../../core/collections/receipt-subject.js';
import { CloseSubject } from '../../../core/collections/close-subject.js';
import { ReceiptFileAccess } from '../../../core/collections/receipt-file-access.js';
import { SubjectAccessContribution } from '../../../core/files/ports.js';
import { MessageRuleContribution, type MessageRule } from '../../../core/workcenter/message-rules.js';
import { KnexCollectionPlanRepository } from '../../knex/repositories/knex-collection-plan.repository.js';
import { KnexReceiptRepository } from '../../knex/repositories/knex-receipt.repository.js';
import { KnexCollectionSettingsRepository } from '../../knex/repositories/knex-collection-settings.repository.js';
import { KnexAccountsQueries } from '../../knex/repositories/knex-accounts.queries.js';
import type { ScheduledJob } from '../plugin-api.js';
import { defineArea } from '../area.js';
import { ScheduledJobContribution } from '../tokens.js';
import {
  AccountsServiceToken, CloseServiceToken, CollectionPlanServiceToken, CollectionRemindersToken, CollectionsDepsToken, CollectionSettingsServiceToken, ReceiptServiceToken,
} from './collections.tokens.js';
import { ApprovalServiceToken } from './approvals.tokens.js';
import { OrderPipelineToken } from './orders.tokens.js';

/** Messages for collections events the work center's built-in table does not know. */
export const COLLECTION_MESSAGE_RULES: readonly MessageRule[] = [
  {
    eventType: 'collection.instalment_due_soon', kind: 'finance', recipients: ['recipientId'], notifyActor: true,
    title: { zh: '回款即将到期：{companyName} 第{number}期', en: 'Instalment {number} of {companyName} falls due soon' },
    body: { zh: '到期日 {dueOn}[[，订单「{orderTitle}」]]', en: 'Due on {dueOn}[[, order "{orderTitle}"]]' },
  },
  {
    eventType: 'receipt.rejected', kind: 'finance', recipients: ['notifyUserIds', 'ownerId'],
    title: { zh: '回款单被驳回[[：{orderTitle}]]', en: 'Receipt rejected[[: {orderTitle}]]' },
    body: { zh: '[[金额 {amountText}]]', en: '[[Amount {amountText}]]' },
  },
  {
    eventType: 'receipt.reversed', kind: 'finance', recipients: ['notifyUserIds', 'ownerId'],
    title: { zh: '回款已冲销[[：{orderTitle}]]', en: 'Receipt reversed[[: {orderTitle}]]' },
    body: { zh: '[[金额 {amountText}]]', en: '[[Amount {amountText}]]' },
  },
];

const module = new ContainerModule(({ bind }) => {
  bind<CollectionPlanRepository>(CollectionPlanRepository).toConstantValue(new KnexCollectionPlanRepository());
  bind<ReceiptRepository>(ReceiptRepository).toConstantValue(new KnexReceiptRepository());
  bind<CollectionSettingsRepository>(CollectionSettingsRepository).toConstantValue(new KnexCollectionSettingsRepository());
  bind<AccountsQueries>(AccountsQueries).toConstantValue(new KnexAccountsQueries());

  bind<CollectionsDeps>(CollectionsDepsToken)
    .toResolvedValue(
      (uow: UnitOfWork, plans: CollectionPlanRepository, receipts: ReceiptRepository, settings: CollectionSettingsRepository, accounts: AccountsQueries,
        org: OrganisationRepository, timeline: Timeline, events: EventSink, clock: Clock, ids: IdGenerator, settlement: ReceiptSettlementListener[] | undefined) =>
        ({ uow, plans, receipts, settings, accounts, org, timeline, events, clock, ids, settlement: settlement ?? [] }),
      [
        UnitOfWork, CollectionPlanRepository, ReceiptRepository, CollectionSettingsRepository, AccountsQueries, OrganisationRepository, Timeline, EventSink, Clock, IdGenerator,
        // Other areas (提成) told of confirmations and reversals in the deciding transaction.
        { serviceIdentifier: ReceiptSettlementListener, isMultiple: true, optional: true },
      ],
    )
    .inSingletonScope();

  bind<CollectionPlanService>(CollectionPlanServiceToken).toResolvedValue((d: CollectionsDeps) => new CollectionPlanService(d), [CollectionsDepsToken]).inSingletonScope();
  bind<ReceiptService>(ReceiptServiceToken)
    .toResolvedValue((d: CollectionsDeps, approvals: ApprovalService) => new ReceiptService({ ...d, approvals }), [CollectionsDepsToken, ApprovalServiceToken])
    .inSingletonScope();
  bind<CloseService>(CloseServiceToken)
    .toResolvedValue(
      (d: CollectionsDeps, approvals: ApprovalService, completion: OrderPipeline) => new CloseService({ ...d, approvals, completion }),
      [CollectionsDepsToken, ApprovalServiceToken, OrderPipelineToken],
    )
    .inSingletonScope();
  bind<AccountsService>(AccountsServiceToken)
    .toResolvedValue((d: CollectionsDeps, spreadsheets: SpreadsheetWriter) => new AccountsService({ ...d, spreadsheets }), [CollectionsDepsToken, SpreadsheetWriter])
    .inSingletonScope();
  bind<CollectionSettingsService>(CollectionSettingsServiceToken).toResolvedValue((d: CollectionsDeps, operations: OperationLog) => new CollectionSettingsService({ ...d, operations }), [CollectionsDepsToken, OperationLog]).inSingletonScope();
  bind<CollectionReminders>(CollectionRemindersToken)
    .toResolvedValue((d: CollectionsDeps) => new CollectionReminders({ uow: d.uow, accounts: d.accounts, events: d.events, clock: d.clock }), [CollectionsDepsToken])
    .inSingletonScope();
  // 回款单 and 结单 answer the approval engine for their business types.
  bind<ApprovalSubjectContribution>(ApprovalSubjectContribution)
    .toResolvedValue((d: CollectionsDeps) => ({ businessType: 'receipt', subject: new ReceiptSubject(d) }), [CollectionsDepsToken])
    .inSingletonScope();
  bind<ApprovalSubjectContribution>(ApprovalSubjectContribution)
    .toResolvedValue(
      (d: CollectionsDeps, completion: OrderPipeline) => ({ businessType: 'order_close', subject: new CloseSubject({ ...d, completion }) }),
      [CollectionsDepsToken, OrderPipelineToken],
    )
    .inSingletonScope();

  // A receipt's bank slip (银行回单) is a file of subject type 'receipt'.
  bind<SubjectAccessContribution>(SubjectAccessContribution)
    .toResolvedValue((d: CollectionsDeps) => ({ subjectType: 'receipt', access: new ReceiptFileAccess(d) }), [CollectionsDepsToken])
    .inSingletonScope();

  bind<ScheduledJob>(ScheduledJobContribution)
    .toResolvedValue((r: CollectionReminders) => ({ name: 'collections.due_reminders', everySeconds: 3600, run: async (_slot: Date, now: Date) => { await r.run(now); } }), [
      CollectionRemindersToken,
    ])
    .inSingletonScope();
  bind<readonly MessageRule[]>(MessageRuleContribution).toConstantValue(COLLECTION_MESSAGE_RULES);

});

export const collectionsArea = defineArea({
  name: 'collections',
  module,
  facade: {
    /** 回款计划: an order's plan, generate (equal / percentages / deposit / by hand), revise, every revision kept. */
    collectionPlans: CollectionPlanServiceToken,
    /** 回款单: record (idempotent), allocate, submit to approval, reverse (冲销), and 回款办理 (awaitingMe). */
    receipts: ReceiptServiceToken,
    /** 结单: close status and the close request through the order_close approval flow. */
    closes: CloseServiceToken,
    /** 账务管理: receipts, instalments and overdue lists with totals, and their .xlsx exports. */
    accounts: AccountsServiceToken,
    /** The firm's payment methods, receipt types and collection rules. */
    collectionSettings: CollectionSettingsServiceToken,
    /** 到期提醒: one pass of the instalment reminders (a scheduled job). */
    collectionReminders: CollectionRemindersToken,
  },
});
