// HTTP routes as data (STYLE.md, after Strapi): method, path, schemas, permission and a typed handler.
// Framework-free, so core areas and plugins declare routes alike; http/ turns them into Koa routes,
// validates with ajv and documents them in OpenAPI.
import type { Readable } from 'node:stream';
import type { Actor } from '../../core/organisation/actor.js';

export type JsonSchema = Record<string, unknown>;

export interface RouteRequest {
  readonly actor: Actor;
  readonly body: any;
  readonly query: any;
  readonly params: any;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly ip: string;
  readonly requestId: string;
  readonly lang: 'zh' | 'en';
  /** Whether the request came over HTTPS (directly or, by X-Forwarded-Proto, through a proxy). */
  readonly secure?: boolean;
  /** The raw body, for routes that stream uploads (rawBody set). */
  readonly bodyStream: Readable | null;
}

/** A handler may return plain JSON data (200), or say status, headers and a body or stream itself. */
export interface RouteResult {
  readonly __result: true;
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly stream?: Readable | Buffer;
}

export function respond(r: Omit<RouteResult, '__result'>): RouteResult {
  return { __result: true, ...r };
}

export interface RouteDef {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Koa-style path below /api/v1, e.g. '/inquiries/:id'. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** 'none' for public routes (login, the customer status page); otherwise a bearer token is required. */
  readonly auth?: 'required' | 'none';
  readonly schemas?: {
    readonly body?: JsonSchema;
    readonly query?: JsonSchema;
    readonly params?: JsonSchema;
    readonly response?: JsonSchema;
  };
  /** The body is not parsed as JSON but handed over as a stream, at most maxBytes long. */
  readonly rawBody?: { readonly maxBytes: number; readonly contentTypes?: readonly string[] };
  readonly successStatus?: number;
  handler(req: RouteRequest): Promise<unknown>;
}
