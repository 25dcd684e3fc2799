// 提交申请: an application to a product may go to the bank only when every document the product marks as
// blocking is collected (or expiring, which is still good today). The refusal lists what is missing or
// expired, so the person knows what to fetch.
import { DomainError } from '../shared/index.js';
import { DOCUMENT_STATE_LABELS, type DocumentState, type OrderChecklist } from './checklist.js';

export interface BlockingDocument {
  readonly document: string;
  readonly state: Extract<DocumentState, 'missing' | 'expired'>;
  /** For an expired document: the last day its latest file was good. */
  readonly validThrough: string | null;
  readonly zh: string;
  readonly en: string;
}

/** The blocking documents of a product that stop its submission now; empty when it may be submitted. */
export function blockingDocuments(checklist: OrderChecklist, productId: string): BlockingDocument[] {
  const product = checklist.products.find((p) => p.productId === productId);
  if (!product) return [];
  return product.documents.flatMap((d) => {
    if (!d.blocksSubmission || (d.state !== 'missing' && d.state !== 'expired')) return [];
    const when = d.state === 'expired' && d.validThrough !== null;
    return [{
      document: d.document, state: d.state, validThrough: d.validThrough,
      zh: `${d.document}（${DOCUMENT_STATE_LABELS[d.state].zh}${when ? `，有效至 ${d.validThrough}` : ''}）`,
      en: `${d.document} (${DOCUMENT_STATE_LABELS[d.state].en}${when ? `, was good through ${d.validThrough}` : ''})`,
    }];
  });
}

/**
 * null when an application to the product may be submitted; otherwise `checklist.documents_incomplete`
 * (a business rule, 422) with `details.documents` listing each missing or expired blocking document.
 */
export function submissionProblem(checklist: OrderChecklist, productId: string): DomainError | null {
  const blocking = blockingDocuments(checklist, productId);
  if (blocking.length === 0) return null;
  return new DomainError(
    'checklist.documents_incomplete',
    'rule',
    {
      zh: `资料不全，暂不能提交申请：${blocking.map((b) => b.zh).join('、')}`,
      en: `Documents incomplete; the application cannot be submitted yet: ${blocking.map((b) => b.en).join(', ')}`,
    },
    { productId, asOfDate: checklist.asOfDate, documents: blocking },
  );
}
