import { token } from '../area.js';
import type { DocumentsService } from '../../../core/invoices/documents.service.js';

/** Invoice, contract and plan PDFs of stored records. */
export const DocumentsServiceToken = token<DocumentsService>('DocumentsService');
