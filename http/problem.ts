// Errors as application/problem+json (RFC 9457) carrying the domain code, in the caller's language.
import { DomainError, type ErrorKind } from '../core/shared/domain-error.js';

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  rate_limited: 429,
};

/** Codes whose HTTP status is more precise than their kind's. */
const STATUS_OF_CODE: Record<string, number> = { 'http.payload_too_large': 413, 'http.unsupported_media_type': 415, 'http.not_found': 404, 'file.too_large': 413 };

export function statusOf(e: DomainError): number {
  return STATUS_OF_CODE[e.code] ?? STATUS_OF_KIND[e.kind];
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly { path: string; code: string; message: string }[];
  readonly [extra: string]: unknown;
}

/** Picks Chinese unless the client prefers English. */
export function languageOf(acceptLanguage: string | undefined): 'zh' | 'en' {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export function problemOf(e: DomainError, lang: 'zh' | 'en'): Problem {
  const status = statusOf(e);
  return {
    type: `https://yunzhou.dev/problems/${e.code}`,
    title: e.code,
    status,
    code: e.code,
    detail: e.text[lang],
    ...(e.fieldErrors.length ? { errors: e.fieldErrors.map((f) => ({ path: f.path, code: f.code, message: lang === 'zh' ? f.zh : f.en })) } : {}),
    ...(Object.keys(e.details).length ? { details: e.details } : {}),
  };
}

export function internalProblem(lang: 'zh' | 'en', requestId: string): Problem {
  return {
    type: 'https://yunzhou.dev/problems/internal',
    title: 'internal',
    status: 500,
    code: 'internal',
    detail: lang === 'zh' ? `服务器内部错误，请联系管理员（请求编号 ${requestId}）` : `Internal error; tell an administrator (request ${requestId})`,
  };
}

/** How long a client should wait before trying again when the database is away (Retry-After, seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The database connection was lost or could not be had: 503, try again shortly (not the request's fault). */
export function databaseUnavailableProblem(lang: 'zh' | 'en'): Problem {
  return {
    type: 'https://yunzhou.dev/problems/database.unavailable',
    title: 'database.unavailable',
    status: 503,
    code: 'database.unavailable',
    detail: lang === 'zh'
      ? `数据库暂时无法连接，请 ${DATABASE_RETRY_AFTER_SECONDS} 秒后重试；本次操作未完成`
      : `The database cannot be reached right now; nothing was done, try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds`,
  };
}

export { DomainError };
