import { token } from '../area.js';
import type { InvoiceRecordDeps } from '../../../core/invoices/invoice-records.js';
import type { InvoicesService } from '../../../core/invoices/invoices.service.js';

export const InvoiceRecordDepsToken = token<InvoiceRecordDeps>('InvoiceRecordDeps');
export const InvoicesServiceToken = token<InvoicesService>('InvoicesService');
