// The console's one way to the server: openapi-fetch typed by the generated OpenAPI types (schema.d.ts),
// the session cookie sent along, the console's header that cookie-authenticated writes require, and
// problem+json turned into an ApiProblem that screens show beside the field it names.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';
import { currentLocale } from '../i18n/index.js';

const apiBase = document.querySelector('meta[name="yunzhou-api"]')?.getAttribute('content') ?? '/api/v1';

/** The URL of an API path (for links the browser opens itself: PDFs, downloads). */
export function apiUrl(path: string): string {
  return apiBase.replace(/\/$/, '') + path;
}

export interface FieldProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** An error the server answered with (application/problem+json): its stable code and its message. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: readonly FieldProblem[] = [],
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }

  /** The message for one field (its JSON path, e.g. '/customerMobile'), if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.path === `/${field}` || e.path === field || e.path.endsWith(`/${field}`))?.message;
  }
}

let onUnauthenticated: () => void = () => {};
/** What to do when the session has ended (the router sends the person to sign in, keeping the page). */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

const headersMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLocale());
    request.headers.set('X-Requested-With', 'yunzhou-console');
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: apiBase.replace(/\/api\/v1\/?$/, ''), credentials: 'same-origin' });
api.use(headersMiddleware);

/** Reads a problem body whatever shape it has, so that a proxy's HTML error page is still an ApiProblem. */
export async function problemOf(response: Response, body?: unknown): Promise<ApiProblem> {
  let p = body as { code?: string; detail?: string; title?: string; errors?: FieldProblem[] } | undefined;
  if (p === undefined) {
    try {
      p = (await response.clone().json()) as typeof p;
    } catch {
      p = undefined;
    }
  }
  const retry = Number(response.headers.get('Retry-After'));
  return new ApiProblem(
    response.status,
    p?.code ?? `http.${response.status}`,
    p?.detail ?? p?.title ?? response.statusText,
    p?.errors ?? [],
    Number.isFinite(retry) && retry > 0 ? retry : null,
  );
}

/** Awaits an openapi-fetch call: its data as T, or throws the server's problem. A 401 ends the session. */
export async function ok<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  let r: { data?: unknown; error?: unknown; response: Response };
  try {
    r = await call;
  } catch (err) {
    throw new ApiProblem(0, 'network.offline', navigator.onLine ? String(err) : 'offline');
  }
  if (!r.response.ok) {
    const problem = await problemOf(r.response, r.error);
    if (r.response.status === 401 && problem.code !== 'auth.invalid_credentials') onUnauthenticated();
    throw problem;
  }
  return r.data as T;
}
