// A product's checklist as a person submits it, and the facts entered for a collected file, checked in one
// pass with every problem at its field (stable codes, zh and en), nothing accepted half-way.
import { DomainError, type FieldError } from '../shared/index.js';
import { isDate } from './dates.js';
import {
  DEFAULT_END_WITHIN_DAYS, DOCUMENT_VALIDITY_KINDS, type CollectedDocument, type DocumentRequirement, type DocumentValidity,
} from './document-requirement.js';

export const MAX_DOCUMENTS = 50;
export const MAX_DOCUMENT_NAME = 50;
const MAX_DAYS = 3650;
const MAX_MONTHS = 120;

const fieldError = (path: string, code: string, zh: string, en: string): FieldError => ({ path, code, zh, en });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function knownFields(obj: Record<string, unknown>, allowed: readonly string[], path: string, errors: FieldError[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) errors.push(fieldError(`${path}/${key}`, 'unknown_field', '未知字段', 'unknown field'));
  }
}

function integer(v: unknown, path: string, errors: FieldError[], min: number, max: number): number | undefined {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
    errors.push(v === undefined || v === null
      ? fieldError(path, 'required', '必填', 'is required')
      : fieldError(path, 'out_of_range', `须为 ${min}–${max} 的整数`, `must be a whole number from ${min} to ${max}`));
    return undefined;
  }
  return v;
}

function name(v: unknown, path: string, errors: FieldError[]): string | undefined {
  const text = typeof v === 'string' ? v.trim() : '';
  if (text.length === 0 || [...text].length > MAX_DOCUMENT_NAME) {
    errors.push(fieldError(path, v === undefined || v === null ? 'required' : 'bad_name', `须为 1–${MAX_DOCUMENT_NAME} 个字的资料名称`, `must be a document name of 1 to ${MAX_DOCUMENT_NAME} characters`));
    return undefined;
  }
  return text;
}

function validity(v: unknown, path: string, errors: FieldError[]): DocumentValidity | undefined {
  if (v === undefined || v === null) return { kind: 'none' };
  if (!isRecord(v) || !(DOCUMENT_VALIDITY_KINDS as readonly unknown[]).includes(v.kind)) {
    errors.push(fieldError(`${path}/kind`, 'unknown_kind', `有效期类型须为 ${DOCUMENT_VALIDITY_KINDS.join('、')} 之一`, `must be one of ${DOCUMENT_VALIDITY_KINDS.join(', ')}`));
    return undefined;
  }
  const before = errors.length;
  switch (v.kind) {
    case 'days_from_document_date': {
      knownFields(v, ['kind', 'days'], path, errors);
      const days = integer(v.days, `${path}/days`, errors, 1, MAX_DAYS);
      return errors.length > before || days === undefined ? undefined : { kind: 'days_from_document_date', days };
    }
    case 'covers_last_months': {
      knownFields(v, ['kind', 'months', 'endWithinDays'], path, errors);
      const months = integer(v.months, `${path}/months`, errors, 1, MAX_MONTHS);
      const endWithinDays = v.endWithinDays === undefined || v.endWithinDays === null
        ? DEFAULT_END_WITHIN_DAYS
        : integer(v.endWithinDays, `${path}/endWithinDays`, errors, 0, 366);
      return errors.length > before || months === undefined || endWithinDays === undefined ? undefined : { kind: 'covers_last_months', months, endWithinDays };
    }
    default:
      knownFields(v, ['kind'], path, errors);
      return errors.length > before ? undefined : { kind: v.kind as 'none' | 'until_expiry_date' };
  }
}

function invalid(code: string, zh: string, en: string, errors: readonly FieldError[]): DomainError {
  return new DomainError(code, 'invalid', {
    zh: `${zh}：${errors.map((e) => `${e.path} ${e.zh}`).join('；')}`,
    en: `${en}: ${errors.map((e) => `${e.path} ${e.en}`).join('; ')}`,
  }, {}, errors);
}

/** A product's submitted checklist, or `checklist.invalid_requirements` listing every problem (paths /0/validity/days …). */
export function validateDocumentRequirements(input: unknown): DocumentRequirement[] | DomainError {
  const fail = (errors: readonly FieldError[]): DomainError => invalid('checklist.invalid_requirements', '资料清单有误', 'Invalid document checklist', errors);
  if (!Array.isArray(input)) return fail([fieldError('', 'not_array', '须为资料列表', 'must be a list of documents')]);
  if (input.length > MAX_DOCUMENTS) return fail([fieldError('', 'too_many', `最多 ${MAX_DOCUMENTS} 项资料`, `at most ${MAX_DOCUMENTS} documents`)]);
  const errors: FieldError[] = [];
  const out: DocumentRequirement[] = [];
  const seen = new Set<string>();
  input.forEach((item: unknown, i) => {
    const at = `/${i}`;
    if (!isRecord(item)) {
      errors.push(fieldError(at, 'not_object', '须为 { document, validity, blocksSubmission }', 'must be { document, validity, blocksSubmission }'));
      return;
    }
    knownFields(item, ['document', 'validity', 'blocksSubmission'], at, errors);
    const document = name(item.document, `${at}/document`, errors);
    if (document !== undefined && seen.has(document)) errors.push(fieldError(`${at}/document`, 'duplicate', '同一资料只能列一次', 'this document is listed twice'));
    if (document !== undefined) seen.add(document);
    const v = validity(item.validity, `${at}/validity`, errors);
    if (typeof item.blocksSubmission !== 'boolean') {
      errors.push(fieldError(`${at}/blocksSubmission`, 'not_boolean', '须为是或否', 'must be true or false'));
    }
    if (document !== undefined && v !== undefined && typeof item.blocksSubmission === 'boolean') out.push({ document, validity: v, blocksSubmission: item.blocksSubmission });
  });
  return errors.length > 0 ? fail(errors) : out;
}

function optionalDate(v: unknown, path: string, errors: FieldError[]): string | null | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && isDate(v)) return v;
  errors.push(fieldError(path, 'not_date', '须为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD'));
  return undefined;
}

/** The facts entered for a collected file, or `checklist.invalid_document` (bad dates, a period that ends before it starts). */
export function validateCollectedDocument(input: unknown): CollectedDocument | DomainError {
  const fail = (errors: readonly FieldError[]): DomainError => invalid('checklist.invalid_document', '资料信息有误', 'Invalid document facts', errors);
  if (!isRecord(input)) return fail([fieldError('', 'not_object', '须为资料信息', 'must be a document\'s facts')]);
  const errors: FieldError[] = [];
  knownFields(input, ['fileId', 'document', 'documentDate', 'coversFrom', 'coversTo', 'expiresOn', 'longTerm'], '', errors);
  const fileId = typeof input.fileId === 'string' && input.fileId.trim().length > 0 ? input.fileId.trim() : undefined;
  if (fileId === undefined) errors.push(fieldError('/fileId', 'required', '必填', 'is required'));
  const document = name(input.document, '/document', errors);
  const documentDate = optionalDate(input.documentDate, '/documentDate', errors);
  const coversFrom = optionalDate(input.coversFrom, '/coversFrom', errors);
  const coversTo = optionalDate(input.coversTo, '/coversTo', errors);
  const expiresOn = optionalDate(input.expiresOn, '/expiresOn', errors);
  if (coversFrom && coversTo && coversFrom > coversTo) errors.push(fieldError('/coversTo', 'before_start', '截止日期不能早于起始日期', 'must not be before the start'));
  if ((coversFrom === null) !== (coversTo === null)) errors.push(fieldError(coversFrom === null ? '/coversFrom' : '/coversTo', 'required', '覆盖期间须同时填写起止日期', 'a period needs both its start and its end'));
  const longTerm = input.longTerm === undefined || input.longTerm === null ? false : input.longTerm;
  if (typeof longTerm !== 'boolean') errors.push(fieldError('/longTerm', 'not_boolean', '须为是或否', 'must be true or false'));
  else if (longTerm && expiresOn) errors.push(fieldError('/expiresOn', 'long_term_with_expiry', '长期有效的资料不填有效期', 'a long-term document has no expiry date'));
  if (errors.length > 0 || fileId === undefined || document === undefined || documentDate === undefined || coversFrom === undefined || coversTo === undefined || expiresOn === undefined) return fail(errors);
  return { fileId, document, documentDate, coversFrom, coversTo, expiresOn, longTerm: longTerm as boolean };
}
