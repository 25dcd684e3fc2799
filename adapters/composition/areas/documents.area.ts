// Documents: the PdfRenderer port bound to pdfkit (font parsed on first use), the DocumentCharset port
// answered by the same font, and the invoice, contract and plan PDFs of stored records. Their routes are the
// invoices area's and the orders' (.pdf paths), served with the invoices' routes.
import { ContainerModule } from 'inversify';
import { OrderDocumentSources, PdfRenderer } from '../../../core/documents/ports.js';
import { DocumentCharset } from '../../../core/shared/document-charset.js';
import { invoiceSettings, visibleOrderSummary, type InvoiceRecordDeps } from '../../../core/invoices/invoice-records.js';
import type { InvoicesService } from '../../../core/invoices/invoices.service.js';
import { DocumentsService } from '../../../core/documents/documents.service.js';
import { OrderDocuments } from '../../../core/documents/order-documents.js';
import type { ContractService } from '../../../core/orders/contract.service.js';
import type { PlanService } from '../../../core/orders/plan.service.js';
import type { OrderProductsService } from '../../../core/products/order-products.service.js';
import type { CollectionPlanService } from '../../../core/collections/plan.service.js';
import { LazyPdfRenderer, pdfOptionsFromEnv } from '../../pdf/lazy-pdf-renderer.js';
import { defineArea } from '../area.js';
import { DocumentsServiceToken } from './documents.tokens.js';
import { InvoiceRecordDepsToken, InvoicesServiceToken } from './invoices.tokens.js';
import { ContractServiceToken, PlanServiceToken } from './orders.tokens.js';
import { OrderProductsServiceToken } from './products.tokens.js';
import { CollectionPlanServiceToken } from './collections.tokens.js';

const module = new ContainerModule(({ bind }) => {
  bind<LazyPdfRenderer>(LazyPdfRenderer).toResolvedValue(() => new LazyPdfRenderer(pdfOptionsFromEnv())).inSingletonScope();
  bind<PdfRenderer>(PdfRenderer).toResolvedValue((r: LazyPdfRenderer) => r, [LazyPdfRenderer]).inSingletonScope();
  bind<DocumentCharset>(DocumentCharset).toResolvedValue((r: LazyPdfRenderer) => r, [LazyPdfRenderer]).inSingletonScope();

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

export const documentsArea = defineArea({
  name: 'documents',
  module,
  /** Invoice, contract and plan PDFs of stored records. */
  facade: { documents: DocumentsServiceToken },
});
