// 资料清单: the documents a product needs, each with how long a copy stays good and whether its absence
// stops an application from being submitted. Documents are matched by their name as the firm writes it
// ('征信报告'), the same names a product's requiredDocuments lists today.
import type { LocalizedText } from '../shared/index.js';

/**
 * How long a collected copy is good:
 * - 'none': for ever (身份证复印件 kept on file);
 * - 'days_from_document_date': `days` calendar days after the date on the document (征信报告 30 days);
 * - 'covers_last_months': a statement covering `months` whole months, good until `endWithinDays` days after
 *   the end of the period it covers (银行流水: 6 months, ending within the last 30 days);
 * - 'until_expiry_date': until the expiry date printed on it, or for ever when it says 长期 (营业执照).
 */
export type DocumentValidity =
  | { readonly kind: 'none' }
  | { readonly kind: 'days_from_document_date'; readonly days: number }
  | { readonly kind: 'covers_last_months'; readonly months: number; readonly endWithinDays: number }
  | { readonly kind: 'until_expiry_date' };
export type DocumentValidityKind = DocumentValidity['kind'];
export const DOCUMENT_VALIDITY_KINDS: readonly DocumentValidityKind[] = ['none', 'days_from_document_date', 'covers_last_months', 'until_expiry_date'];

/** A statement's period may end this many days before the day it is used, unless the product says otherwise. */
export const DEFAULT_END_WITHIN_DAYS = 30;

export interface DocumentRequirement {
  /** The document's name ('征信报告'): a collected file counts when its `document` is the same name. */
  readonly document: string;
  readonly validity: DocumentValidity;
  /** Whether an application to the product may not be submitted while this document is missing or expired. */
  readonly blocksSubmission: boolean;
}

/** The checklist of one product. */
export interface ProductDocuments {
  readonly productId: string;
  readonly documents: readonly DocumentRequirement[];
}

/** A file collected for the order, with the facts about it that its validity is counted from. */
export interface CollectedDocument {
  readonly fileId: string;
  /** Which document the file is ('征信报告'). */
  readonly document: string;
  /** The date on the document (出具日期), 'YYYY-MM-DD'. */
  readonly documentDate?: string | null;
  /** The period a statement covers (流水起止日期), 'YYYY-MM-DD'. */
  readonly coversFrom?: string | null;
  readonly coversTo?: string | null;
  /** The expiry date printed on it (有效期至), 'YYYY-MM-DD'. */
  readonly expiresOn?: string | null;
  /** 长期有效: it has no expiry date. */
  readonly longTerm?: boolean;
}

export function validityText(v: DocumentValidity): LocalizedText {
  switch (v.kind) {
    case 'none': return { zh: '长期有效', en: 'does not expire' };
    case 'days_from_document_date': return { zh: `出具日起 ${v.days} 天内有效`, en: `good for ${v.days} days from its date` };
    case 'covers_last_months': return {
      zh: `须覆盖近 ${v.months} 个月，截止日起 ${v.endWithinDays} 天内有效`,
      en: `must cover ${v.months} months, ending at most ${v.endWithinDays} days before use`,
    };
    case 'until_expiry_date': return { zh: '有效期内', en: 'until its expiry date' };
  }
}

// Documents whose validity a firm almost always states the same way; a suggestion for the person filling the form.
const SUGGESTIONS: readonly (readonly [RegExp, DocumentValidity])[] = [
  [/征信报告/, { kind: 'days_from_document_date', days: 30 }],
  [/近(一|1)年.*流水/, { kind: 'covers_last_months', months: 12, endWithinDays: DEFAULT_END_WITHIN_DAYS }],
  [/流水/, { kind: 'covers_last_months', months: 6, endWithinDays: DEFAULT_END_WITHIN_DAYS }],
  [/营业执照/, { kind: 'until_expiry_date' }],
];

/** The validity a firm usually gives a document of that name ('近半年银行流水' → 6 months), else 'none'. */
export function suggestedValidity(document: string): DocumentValidity {
  return SUGGESTIONS.find(([pattern]) => pattern.test(document))?.[1] ?? { kind: 'none' };
}

/**
 * Today's product.requiredDocuments (names only) as a checklist: the suggested validity, and not blocking,
 * so that a product nobody has reviewed yet never starts refusing submissions.
 */
export function requirementsFromNames(names: readonly string[]): DocumentRequirement[] {
  return [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))]
    .map((document) => ({ document, validity: suggestedValidity(document), blocksSubmission: false }));
}

/**
 * A product's checklist in force: the one the firm saved, followed by the names of requiredDocuments it does not
 * list (as requirementsFromNames gives them), so a name added through the old field is never lost; without a
 * saved checklist, the names alone.
 */
export function effectiveDocuments(requiredDocuments: readonly string[], saved: readonly DocumentRequirement[] | null): DocumentRequirement[] {
  if (saved === null) return requirementsFromNames(requiredDocuments);
  const listed = new Set(saved.map((d) => d.document.trim()));
  return [...saved, ...requirementsFromNames(requiredDocuments).filter((d) => !listed.has(d.document))];
}
