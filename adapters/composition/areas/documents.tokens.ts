import { token } from '../area.js';
import type { DocumentsService } from '../../../core/documents/documents.service.js';

/** Invoice, contract and plan PDFs of stored records. */
export const DocumentsServiceToken = token<DocumentsService>('DocumentsService');
