// Invoices: the Knex repositories, the receipts read from the collections area, the two approval business
// types ('invoice', 'red_invoice') registered with the approval engine, the invoice use cases, and the
// documents (invoice, contract and plan PDFs) built from the stored records and rendered by PdfRenderer.
import { ContainerModule } from 'inversify';
import { OperationLog } from '../../core/audit/ports.js';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../../core/shared/ports.js';
import { OrganisationRepository } from '../../core/organisation/ports.js';
import { OrderRepository, ProfileRepository } from '../../core/orders/ports.js';
import { OrderDocumentSources, PdfRenderer } from '../../core/documents/ports.js';
import { DocumentCharset } from '../../core/shared/document-charset.js';
import { ApprovalSubjectContribution } from '../../core/approvals/subjects.js';
import type { ApprovalService } from '../../core/approvals/approval.service.js';
import type { ContractService } from '../../core/orders/contract.service.js';
import type { PlanService } from '../../core/orders/plan.service.js';
import type { OrderProductsService } from '../../core/products/order-products.service.js';
import type { CollectionPlanService } from '../../core/collections/plan.service.js';
import {
  InvoiceNumberCounter, InvoiceRepository, InvoiceSettingsRepository, ReceiptSource,
} from '../../core/invoices/ports.js';
import { invoiceSettings, visibleOrderSummary, type InvoiceRecordDeps } from '../../core/invoices/invoice-records.js';
import { InvoicesService } from '../../core/invoices/invoices.service.js';
import { InvoiceApprovalSubject } from '../../core/invoices/invoice-approval-subject.js';
import { DocumentsService } from '../../core/documents/documents.service.js';
import { OrderDocuments } from '../../core/documents/order-documents.js';
import { KnexInvoiceNumberCounter, KnexInvoiceRepository, KnexInvoiceSettingsRepository } from '../knex/repositories/knex-invoice.repository.js';
import { KnexInvoiceReceiptSource } from '../knex/repositories/knex-invoice-receipts.js';
import {
  ApprovalServiceToken, CollectionPlanServiceToken, ContractServiceToken, DocumentsServiceToken, InvoiceRecordDepsToken, InvoicesServiceToken, OrderProductsServiceToken, PlanServiceToken,
} from './tokens.js';

export const invoicesModule = new ContainerModule(({ bind }) => {
  bind<InvoiceRepository>(InvoiceRepository).toConstantValue(new KnexInvoiceRepository());
  bind<InvoiceNumberCounter>(InvoiceNumberCounter).toConstantValue(new KnexInvoiceNumberCounter());
  bind<InvoiceSettingsRepository>(InvoiceSettingsRepository).toConstantValue(new KnexInvoiceSettingsRepository());
  bind<ReceiptSource>(ReceiptSource).toConstantValue(new KnexInvoiceReceiptSource());
  bind<InvoiceRecordDeps>(InvoiceRecordDepsToken)
    .toResolvedValue(
      (
        uow: UnitOfWork, invoices: InvoiceRepository, counter: InvoiceNumberCounter, settings: InvoiceSettingsRepository, receipts: ReceiptSource,
        orders: OrderRepository, profiles: ProfileRepository, org: OrganisationRepository, timeline: Timeline, events: EventSink, clock: Clock, ids: IdGenerator,
        charset: DocumentCharset,
      ) => ({ uow, invoices, counter, settings, receipts, orders, profiles, org, timeline, events, clock, ids, charset }),
      [
        UnitOfWork, InvoiceRepository, InvoiceNumberCounter, InvoiceSettingsRepository, ReceiptSource, OrderRepository, ProfileRepository, OrganisationRepository,
        Timeline, EventSink, Clock, IdGenerator, DocumentCharset,
      ],
    )
    .inSingletonScope();

  // 发票 and 红冲发票 in the approval engine: approval issues the invoice (number, date) in the deciding transaction.
  bind<ApprovalSubjectContribution>(ApprovalSubjectContribution)
    .toResolvedValue((d: InvoiceRecordDeps) => ({ businessType: 'invoice', subject: new InvoiceApprovalSubject(d, 'blue') }), [InvoiceRecordDepsToken])
    .inSingletonScope();
  bind<ApprovalSubjectContribution>(ApprovalSubjectContribution)
    .toResolvedValue((d: InvoiceRecordDeps) => ({ businessType: 'red_invoice', subject: new InvoiceApprovalSubject(d, 'red') }), [InvoiceRecordDepsToken])
    .inSingletonScope();

  bind<InvoicesService>(InvoicesServiceToken)
    .toResolvedValue((d: InvoiceRecordDeps, approvals: ApprovalService, operations: OperationLog) => new InvoicesService({ ...d, approvals, operations }), [InvoiceRecordDepsToken, ApprovalServiceToken, OperationLog])
    .inSingletonScope();

  bind<OrderDocumentSources>(OrderDocumentSources)
    .toResolvedValue(
      (d: InvoiceRecordDeps, contracts: ContractService, plans: PlanService, products: OrderProductsService, collections: CollectionPlanService) =>
        new OrderDocuments({
          uow: d.uow, org: d.org,
          firm: async (tx, tenantId) => (await invoiceSettings(d, tx, tenantId)).seller,
          order: (tx, actor, orderId) => visibleOrderSummary(d, tx, actor, orderId),
          contractDocument: (actor, orderId) => contracts.document(actor, orderId),
          plan: (actor, orderId) => plans.get(actor, orderId),
          lines: (actor, orderId) => products.listLines(actor, orderId),
          comparison: (actor, orderId, lineId) => products.lineComparison(actor, orderId, lineId, {}),
          collectionPlan: (actor, orderId) => collections.get(actor, orderId),
        }),
      [InvoiceRecordDepsToken, ContractServiceToken, PlanServiceToken, OrderProductsServiceToken, CollectionPlanServiceToken],
    )
    .inSingletonScope();
  bind<DocumentsService>(DocumentsServiceToken)
    .toResolvedValue(
      (invoices: InvoicesService, orders: OrderDocumentSources, renderer: PdfRenderer) =>
        new DocumentsService({ invoiceDocument: (actor, id) => invoices.document(actor, id), orders, renderer }),
      [InvoicesServiceToken, OrderDocumentSources, PdfRenderer],
    )
    .inSingletonScope();
});
