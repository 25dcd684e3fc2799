// An order's checklist: for each product on it and each document the product needs, whether a collected
// file satisfies it now, in the tenant's calendar (asOf read in its time zone, never the wall clock).
// A file counts for every product that needs its document, each under that product's own validity.
import { localDate, type LocalizedText } from '../shared/index.js';
import { addDays, daysBetween } from './dates.js';
import type { CollectedDocument, DocumentRequirement, DocumentValidity, ProductDocuments } from './document-requirement.js';
import { fileValidity, UNUSABLE_REASON_TEXT, type UnusableReason } from './file-validity.js';

/**
 * 已收集 a file is good and stays good beyond the expiring window; 即将过期 it stops being good within it;
 * 已过期 only files that are no longer good; 缺少 no file that counts.
 */
export type DocumentState = 'collected' | 'expiring' | 'expired' | 'missing';
export const DOCUMENT_STATES: readonly DocumentState[] = ['collected', 'expiring', 'expired', 'missing'];
export const DOCUMENT_STATE_LABELS: Readonly<Record<DocumentState, LocalizedText>> = {
  collected: { zh: '已收集', en: 'collected' },
  expiring: { zh: '即将过期', en: 'expiring' },
  expired: { zh: '已过期', en: 'expired' },
  missing: { zh: '缺少', en: 'missing' },
};

/** A stated default for "expiring": a document that stops being good within a week. */
export const DEFAULT_EXPIRING_WITHIN_DAYS = 7;

export interface DocumentStatus {
  readonly document: string;
  readonly validity: DocumentValidity;
  readonly blocksSubmission: boolean;
  readonly state: DocumentState;
  /** The last good day of the best file ('collected', 'expiring') or of the latest expired one; null: no end or no file. */
  readonly validThrough: string | null;
  /** The files good now, the longest-lasting first. */
  readonly satisfiedBy: readonly string[];
  /** Files of this document that are no longer good, the latest first. */
  readonly expiredFiles: readonly string[];
  /** Files of this document that cannot count, and why. */
  readonly unusableFiles: readonly { readonly fileId: string; readonly reason: UnusableReason }[];
  readonly text: LocalizedText;
}

export interface ProductChecklist {
  readonly productId: string;
  readonly documents: readonly DocumentStatus[];
}

export interface OrderChecklist {
  /** The tenant's calendar date the states hold for. */
  readonly asOfDate: string;
  readonly expiringWithinDays: number;
  readonly products: readonly ProductChecklist[];
}

export interface ChecklistInput {
  readonly products: readonly ProductDocuments[];
  readonly files: readonly CollectedDocument[];
  readonly asOf: Date;
  readonly timeZone: string;
  /** A document is 即将过期 when it stops being good within this many days (0: never). */
  readonly expiringWithinDays?: number;
}

function checkDays(n: number, what: string): void {
  // A tenant setting validated on save; anything else here is a bug in the caller.
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative whole number of days, got ${String(n)}`);
}

// Longest-lasting first; "no end" beats any date; ties keep the files' order.
const byValidThroughDesc = (a: { validThrough: string | null }, b: { validThrough: string | null }): number =>
  a.validThrough === b.validThrough ? 0 : a.validThrough === null ? -1 : b.validThrough === null ? 1 : b.validThrough.localeCompare(a.validThrough);

function statusText(document: string, state: DocumentState, validThrough: string | null, asOfDate: string, unusable: DocumentStatus['unusableFiles']): LocalizedText {
  const label = DOCUMENT_STATE_LABELS[state];
  let zh = `${document}：${label.zh}`;
  let en = `${document}: ${label.en}`;
  if (state === 'collected' || state === 'expiring') {
    if (validThrough === null) {
      zh += '（长期有效）';
      en += ' (does not expire)';
    } else {
      const left = daysBetween(asOfDate, validThrough);
      zh += `，有效至 ${validThrough}（还剩 ${left} 天）`;
      en += `, good through ${validThrough} (${left} days left)`;
    }
  } else if (state === 'expired' && validThrough !== null) {
    zh += `（有效至 ${validThrough}）`;
    en += ` (was good through ${validThrough})`;
  }
  if (state !== 'collected' && state !== 'expiring' && unusable.length > 0) {
    zh += `；${unusable.map((u) => `文件 ${u.fileId} ${UNUSABLE_REASON_TEXT[u.reason].zh}`).join('，')}`;
    en += `; ${unusable.map((u) => `file ${u.fileId} ${UNUSABLE_REASON_TEXT[u.reason].en}`).join(', ')}`;
  }
  return { zh, en };
}

/** The state of one required document among the order's files on a calendar date. */
export function documentStatus(requirement: DocumentRequirement, files: readonly CollectedDocument[], asOfDate: string, expiringWithinDays: number): DocumentStatus {
  checkDays(expiringWithinDays, 'expiringWithinDays');
  const good: { fileId: string; validThrough: string | null }[] = [];
  const expired: { fileId: string; validThrough: string }[] = [];
  const unusableFiles: { fileId: string; reason: UnusableReason }[] = [];
  for (const f of files) {
    if (f.document.trim() !== requirement.document.trim()) continue;
    const v = fileValidity(f, requirement.validity);
    if (!v.usable) unusableFiles.push({ fileId: f.fileId, reason: v.reason });
    else if (v.validThrough !== null && v.validThrough < asOfDate) expired.push({ fileId: f.fileId, validThrough: v.validThrough });
    else good.push({ fileId: f.fileId, validThrough: v.validThrough });
  }
  good.sort(byValidThroughDesc);
  expired.sort(byValidThroughDesc);
  const best = good[0];
  let state: DocumentState;
  let validThrough: string | null;
  if (best) {
    validThrough = best.validThrough;
    // It stops being good on the day after validThrough; expiring when that day is within the window.
    state = validThrough !== null && addDays(validThrough, 1) <= addDays(asOfDate, expiringWithinDays) ? 'expiring' : 'collected';
  } else {
    validThrough = expired[0]?.validThrough ?? null;
    state = expired.length > 0 ? 'expired' : 'missing';
  }
  return {
    document: requirement.document, validity: requirement.validity, blocksSubmission: requirement.blocksSubmission, state, validThrough,
    satisfiedBy: good.map((g) => g.fileId), expiredFiles: expired.map((e) => e.fileId), unusableFiles,
    text: statusText(requirement.document, state, validThrough, asOfDate, unusableFiles),
  };
}

/** The checklist of every product on the order at `asOf`, read as a calendar date in the tenant's time zone. */
export function orderChecklist(input: ChecklistInput): OrderChecklist {
  const expiringWithinDays = input.expiringWithinDays ?? DEFAULT_EXPIRING_WITHIN_DAYS;
  checkDays(expiringWithinDays, 'expiringWithinDays');
  const asOfDate = localDate(input.asOf, input.timeZone);
  return {
    asOfDate,
    expiringWithinDays,
    products: input.products.map((p) => ({
      productId: p.productId,
      documents: p.documents.map((r) => documentStatus(r, input.files, asOfDate, expiringWithinDays)),
    })),
  };
}

/** For each file, the products and documents it satisfies now (the console's link from a file to the checklist). */
export function fileUses(checklist: OrderChecklist): Map<string, { readonly productId: string; readonly document: string }[]> {
  const uses = new Map<string, { productId: string; document: string }[]>();
  for (const p of checklist.products) {
    for (const d of p.documents) {
      for (const fileId of d.satisfiedBy) {
        const list = uses.get(fileId) ?? [];
        list.push({ productId: p.productId, document: d.document });
        uses.set(fileId, list);
      }
    }
  }
  return uses;
}

/** How many of a product's documents are in each state (the console's 已收集 3 · 缺少 1). */
export function stateCounts(product: ProductChecklist): Record<DocumentState, number> {
  const counts: Record<DocumentState, number> = { collected: 0, expiring: 0, expired: 0, missing: 0 };
  for (const d of product.documents) counts[d.state]++;
  return counts;
}
