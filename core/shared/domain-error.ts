// One error type for every expected failure of a rule or use case: a stable machine code, a message a
// person can act on in Chinese and English, and a kind that the HTTP adapter maps to a status code.

export type ErrorKind =
  | 'invalid' // the input breaks a rule of its own shape (400)
  | 'unauthenticated' // no or bad credentials (401)
  | 'forbidden' // the actor may not do this (403)
  | 'not_found' // nothing visible to the actor under that id (404)
  | 'conflict' // the state moved on: stale version, already decided, duplicate (409)
  | 'rule' // a business rule refuses it right now (422)
  | 'rate_limited'; // too many attempts (429)

export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** One field's problem, with its JSON pointer-ish path ("/mobile", "/lines/0/quantity"). */
export interface FieldError {
  readonly path: string;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly text: LocalizedText;
  readonly details: Readonly<Record<string, unknown>>;
  readonly fieldErrors: readonly FieldError[];

  constructor(
    code: string,
    kind: ErrorKind,
    text: LocalizedText,
    details: Record<string, unknown> = {},
    fieldErrors: readonly FieldError[] = [],
  ) {
    super(`${code}: ${text.en}`);
    this.name = 'DomainError';
    this.code = code;
    this.kind = kind;
    this.text = text;
    this.details = details;
    this.fieldErrors = fieldErrors;
  }

  message_(lang: 'zh' | 'en'): string {
    return this.text[lang];
  }
}

/** Shorthand used by the rules: `fail('inquiry.duplicate_mobile', 'conflict', '…', '…', { owner })`. */
export function domainError(
  code: string,
  kind: ErrorKind,
  zh: string,
  en: string,
  details: Record<string, unknown> = {},
): DomainError {
  return new DomainError(code, kind, { zh, en }, details);
}

/** Field-level validation failure: code `validation.failed` with every field's problem listed. */
export function validationFailed(fieldErrors: readonly FieldError[]): DomainError {
  const first = fieldErrors[0];
  return new DomainError(
    'validation.failed',
    'invalid',
    {
      zh: first ? `输入有误：${fieldErrors.map((f) => `${f.path} ${f.zh}`).join('；')}` : '输入有误',
      en: first ? `Invalid input: ${fieldErrors.map((f) => `${f.path} ${f.en}`).join('; ')}` : 'Invalid input',
    },
    {},
    fieldErrors,
  );
}

export function notFound(what: string, zhWhat: string, id: string): DomainError {
  return domainError(`${what}.not_found`, 'not_found', `找不到该${zhWhat}（${id}）`, `No ${what} ${id} is visible to you`, { id });
}

export function forbidden(permission: string): DomainError {
  return domainError(
    'auth.forbidden',
    'forbidden',
    `您没有执行此操作的权限（需要 ${permission}）`,
    `You do not have the permission this needs (${permission})`,
    { permission },
  );
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
