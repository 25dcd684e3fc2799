// One JSON (or form) request to a vendor with a time limit, through Node's global fetch. Transport
// failures become retryable VendorErrors; the vendor's JSON is returned as sent for the client to judge.
import { VendorError, type Vendor } from './vendor-error.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A source of the current time; the same shape as core's Clock, so the host can pass its own. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface HttpOptions {
  readonly vendor: Vendor;
  readonly timeoutMs: number;
  readonly fetch?: FetchLike;
}

/** How long to wait before retrying after a transport failure or a busy vendor. */
export const UNAVAILABLE_RETRY_MS = 5_000;

export interface VendorResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export async function requestJson(options: HttpOptions, url: string, init: RequestInit = {}): Promise<VendorResponse> {
  const doFetch = options.fetch ?? ((input: string, i: RequestInit) => fetch(input, i));
  let res: Response;
  let text: string;
  try {
    res = await doFetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs) });
    text = await res.text();
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    throw new VendorError(options.vendor, 'unavailable', timedOut ? 'TIMEOUT' : 'NETWORK', timedOut ? `no answer within ${options.timeoutMs} ms` : String((e as Error).message ?? e), UNAVAILABLE_RETRY_MS);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    // Gateways and throttles answer HTML; a 5xx is the vendor's trouble, anything else a request it refuses.
    const kind = res.status >= 500 || res.status === 429 ? 'unavailable' : 'rejected';
    throw new VendorError(options.vendor, kind, `HTTP_${res.status}`, text.slice(0, 200), kind === 'unavailable' ? UNAVAILABLE_RETRY_MS : null);
  }
  return { status: res.status, body: body as Record<string, unknown> };
}

/** A URL under the configured base (which may carry a path prefix, for a firm's proxy). */
export function vendorUrl(baseUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}
