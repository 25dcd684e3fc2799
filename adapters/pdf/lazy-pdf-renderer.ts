// A PdfRenderer that parses its CJK font (about 7 MB) on first use (a document, or a save that checks text bound
// for one), not when the container starts, so a Crm that does neither pays nothing. YUNZHOU_PDF_FONT and
// YUNZHOU_PDF_BOLD_FONT name other font files (the shipped Noto Sans SC, GB 18030 level 2 subset, by default).
import type { Readable } from 'node:stream';
import type { PdfRenderer } from '../../core/documents/ports.js';
import type { DocumentCharset } from '../../core/shared/document-charset.js';
import type { ContractDocument, InvoiceDocument, PlanDocument } from '../../core/documents/types.js';
import type { DepartmentStatementDocument, StatementDocument } from '../../core/commissions/statement-export.js';
import { PdfkitRenderer, type PdfRendererOptions } from './pdfkit-renderer.js';

/**
 * A PdfRenderer that creates its pdfkit renderer (and parses the font) once, on the first document or the first
 * save that checks text bound for a document (DocumentCharset), so both answer from the same font.
 */
export class LazyPdfRenderer implements PdfRenderer, DocumentCharset {
  private renderer: PdfkitRenderer | undefined;

  constructor(private readonly options: PdfRendererOptions = {}) {}

  invoiceStream(data: InvoiceDocument): Readable {
    return this.get().invoiceStream(data);
  }

  contractStream(data: ContractDocument): Readable {
    return this.get().contractStream(data);
  }

  planStream(data: PlanDocument): Readable {
    return this.get().planStream(data);
  }

  statementStream(data: StatementDocument): Readable {
    return this.get().statementStream(data);
  }

  departmentStatementStream(data: DepartmentStatementDocument): Readable {
    return this.get().departmentStatementStream(data);
  }

  drawable(codePoint: number): boolean {
    return this.get().drawable(codePoint);
  }

  private get(): PdfkitRenderer {
    this.renderer ??= new PdfkitRenderer(this.options);
    return this.renderer;
  }
}

/** Font options from the environment: YUNZHOU_PDF_FONT, YUNZHOU_PDF_BOLD_FONT. */
export function pdfOptionsFromEnv(): PdfRendererOptions {
  return {
    ...(process.env.YUNZHOU_PDF_FONT ? { fontPath: process.env.YUNZHOU_PDF_FONT } : {}),
    ...(process.env.YUNZHOU_PDF_BOLD_FONT ? { boldFontPath: process.env.YUNZHOU_PDF_BOLD_FONT } : {}),
  };
}
