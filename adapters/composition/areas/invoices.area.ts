// Invoices: the Knex repositories, the receipts read from the collections area, the two approval business
// types ('invoice', 'red_invoice') registered with the approval engine, the invoice use cases, and the
// routes of 发票 with the documents' PDFs.
import { ContainerModule } from 'inversify';
import { OperationLog } from '../../../core/audit/ports.js';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../../../core/shared/ports.js';
import { OrganisationRepository } from '../../../core/organisation/ports.js';
import { OrderRepository, ProfileRepository } from '../../../core/orders/ports.js';
import { DocumentCharset } from '../../../core/shared/document-charset.js';
import { ApprovalSubjectContribution } from '../../../core/approvals/subjects.js';
import type { ApprovalService } from '../../../core/approvals/approval.service.js';
import { InvoiceNumberCounter, InvoiceRepository, InvoiceSettingsRepository, ReceiptSource } from '../../../core/invoices/ports.js';
import type { InvoiceRecordDeps } from '../../../core/invoices/invoice-records.js';
import { InvoicesService } from '../../../core/invoices/invoices.service.js';
import { InvoiceApprovalSubject } from '../../../core/invoices/invoice-approval-subject.js';
import { KnexInvoiceNumberCounter, KnexInvoiceRepository, KnexInvoiceSettingsRepository } from '../../knex/repositories/knex-invoice.repository.js';
import { KnexInvoiceReceiptSource } from '../../knex/repositories/knex-invoice-receipts.js';
import { defineArea } from '../area.js';
import { InvoiceRecordDepsToken, InvoicesServiceToken } from './invoices.tokens.js';
import { ApprovalServiceToken } from './approvals.tokens.js';

const module = new ContainerModule(({ bind }) => {
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

});

export const invoicesArea = defineArea({
  name: 'invoices',
  module,
  /** 发票: requests, approval (issued with a number), red-letter reversal, 账务管理 lists and the invoice settings. */
  facade: { invoices: InvoicesServiceToken },
});
