// The Koa adapter: routes as data composed as errors → request context → auth → validation → handler
// (STYLE.md, after Strapi), one router per surface mounted on the root router.
import Koa from 'koa';
import Router from '@koa/router';
import { ContainerModule } from 'inversify';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { DomainError, domainError } from '../core/shared/domain-error.js';
import type { Crm } from '../adapters/composition/create-crm.js';
import type { Clock } from '../core/shared/ports.js';
import type { RouteDef, RouteRequest, RouteResult } from '../adapters/composition/route-def.js';
import { RouteContribution } from '../adapters/composition/area.js';
import { coreRoutes } from './routes/index.js';
import { BearerAuthenticator, type Authenticator } from './authenticator.js';
import { compileValidator, type Validator } from './validation.js';
import { refuseBadHeaders, refuseBadText } from './text-input.js';
import { withBoundedIntegers } from './integer-bounds.js';
import { internalProblem, languageOf, problemOf, statusOf } from './problem.js';
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailableProblem } from './problem.js';
import { isConnectionLost } from '../adapters/knex/connection-lost.js';
import { ThrottledLog } from './throttled-log.js';
import { readJson, tooLarge } from './middleware/body.js';
import { securityHeaders, cors, type CorsOptions } from './middleware/security.js';
import { buildOpenApi } from './openapi.js';
import { RateLimiter, routeGroupOf, type RateLimitOptions } from './middleware/rate-limit.js';
import { KnexRateLimitStore } from '../adapters/knex/rate-limit-store.js';
import { systemRouter } from './routes/system-router.js';
import { statusPageRouter } from './routes/status-page.js';
import { createLogger } from './logger.js';
import { consoleMiddleware, type ConsoleOptions } from './console.js';
import { sessionCookieAuth } from './session-cookie.js';

export interface HttpOptions {
  readonly authenticator?: Authenticator;
  readonly logger?: Logger;
  readonly cors?: CorsOptions;
  /** JSON bodies larger than this are refused (default 1 MiB). */
  readonly maxJsonBytes?: number;
  /** Says whether the app may take requests (false while shutting down). */
  readonly isReady?: () => boolean;
  /** The staff console (web/): served at '/' by default when built; false leaves it out, or mount it elsewhere. */
  readonly console?: false | ConsoleOptions;
  /** Requests per user and per address, per route group (defaults: DEFAULT_RATE_LIMITS); false turns it off. */
  readonly rateLimits?: RateLimitOptions | false;
  /** The clock of the rate limiter's windows: wall time by default, not the Crm's business clock. */
  readonly rateLimitClock?: Clock;
}

export const HttpApp = Symbol.for('yunzhou.HttpApp');

interface CompiledRoute {
  readonly def: RouteDef;
  readonly body?: Validator;
  readonly query?: Validator;
  readonly params?: Validator;
}

function compile(def: RouteDef): CompiledRoute {
  const s = def.schemas ?? {};
  return {
    def,
    ...(s.body ? { body: compileValidator(s.body, 'body') } : {}),
    ...(s.query ? { query: compileValidator(s.query, 'query') } : {}),
    ...(s.params ? { params: compileValidator(s.params, 'params') } : {}),
  };
}

function isResult(x: unknown): x is RouteResult {
  return typeof x === 'object' && x !== null && (x as RouteResult).__result === true;
}

function mount(router: Router, routes: readonly MountedRoute[], auth: Authenticator, maxJsonBytes: number, limiter: RateLimiter | null): void {
  for (const { prefix, def } of routes) {
    const r = compile(def);
    const group = routeGroupOf(def);
    router[def.method](prefix + def.path, async (ctx) => {
      const headers = ctx.request.headers as Record<string, string | undefined>;
      await limiter?.check(group, { address: ctx.ip });
      const actor = def.auth === 'none' ? (null as never) : await auth.authenticate(headers);
      if (actor) await limiter?.check(group, { tenantId: actor.tenantId, userId: actor.userId });
      let body: unknown;
      let bodyStream: Readable | null = null;
      if (def.rawBody) {
        const declared = Number(ctx.request.headers['content-length'] ?? 0);
        if (declared > def.rawBody.maxBytes) throw tooLarge(def.rawBody.maxBytes);
        bodyStream = ctx.req;
      } else if (def.method !== 'get' && def.method !== 'delete') {
        // No body at all stays an empty object; a JSON `null` is a value and meets the route's schema.
        const parsed = await readJson(ctx.req, maxJsonBytes);
        body = parsed === undefined ? {} : parsed;
      }
      const query = { ...ctx.query };
      const params = { ...ctx.params };
      refuseBadText({ body, query, params, rawQuery: ctx.querystring });
      refuseBadHeaders(headers);
      r.params?.(params);
      r.query?.(query);
      r.body?.(body);
      const req: RouteRequest = {
        actor, body, query, params, headers, ip: ctx.ip, requestId: ctx.state.requestId as string,
        lang: ctx.state.lang as 'zh' | 'en', bodyStream, secure: ctx.secure || ctx.get('x-forwarded-proto') === 'https',
      };
      ctx.state.actor = actor;
      const out = await def.handler(req);
      if (isResult(out)) {
        ctx.status = out.status ?? def.successStatus ?? 200;
        for (const [k, v] of Object.entries(out.headers ?? {})) ctx.set(k, v);
        if (out.stream !== undefined) ctx.body = out.stream;
        else if (out.body !== undefined) ctx.body = out.body;
        else ctx.body = null;
      } else if (out === undefined) {
        ctx.status = 204;
      } else {
        ctx.status = def.successStatus ?? 200;
        ctx.body = out;
      }
    });
  }
}

interface MountedRoute {
  readonly prefix: string;
  readonly def: RouteDef;
}

/** The surface of an /api/v1 path: its first segment ('inquiries'), or 'plugins/<name>' for a plugin's. */
function surfaceOf(path: string): string {
  const parts = path.slice('/api/v1/'.length).split('/');
  return parts[0] === 'plugins' ? `plugins/${parts[1] ?? ''}` : (parts[0] ?? '');
}

/** Routes grouped by surface ('/api/v1/inquiries/:id' → 'inquiries'), in contribution order: one router per surface. */
function groupBySurface(contributions: readonly RouteContribution[]): Map<string, MountedRoute[]> {
  const groups = new Map<string, MountedRoute[]>();
  for (const c of contributions) {
    for (const def of c.routes) {
      const key = surfaceOf(c.prefix + def.path);
      groups.set(key, [...(groups.get(key) ?? []), { prefix: c.prefix, def }]);
    }
  }
  return groups;
}

/** Sends an /api/v1 request to its surface's router only, so a request is matched against a dozen routes
 * instead of every route of the product (measured: a 200-route router costs a quarter of a bare handler). */
function dispatchBySurface(surfaces: ReadonlyMap<string, Router>): Koa.Middleware {
  const handlers = new Map([...surfaces].map(([k, r]) => [k, { routes: r.routes(), methods: r.allowedMethods() }]));
  const noop = async (): Promise<void> => {};
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/api/v1/')) return next();
    const h = handlers.get(surfaceOf(ctx.path));
    if (!h) return next();
    await h.routes(ctx as never, async () => {
      await h.methods(ctx as never, noop);
    });
  };
}

/** The routes the app serves: the core areas' and every contributed (plugin) route, integers bounded to their columns' range. */
function servedRoutes(crm: Crm): RouteContribution[] {
  const contributed = crm.container.getAll<RouteContribution>(RouteContribution, { optional: true });
  return [...coreRoutes(crm), ...contributed].map((c) => ({ ...c, routes: withBoundedIntegers(c.routes) }));
}

/** The OpenAPI document of what the app serves. */
export function buildOpenApiOf(crm: Crm, served = servedRoutes(crm)): Record<string, unknown> {
  return buildOpenApi(served);
}

/** A Koa app over a Crm that a host can mount, or that startServer runs standalone. */
export function createHttpApp(crm: Crm, options: HttpOptions = {}): Koa {
  const logger = options.logger ?? createLogger();
  const auth = options.authenticator ?? new BearerAuthenticator(crm);
  const maxJsonBytes = options.maxJsonBytes ?? 1024 * 1024;
  const limiter = options.rateLimits === false ? null : new RateLimiter(new KnexRateLimitStore(crm.database.knex), options.rateLimitClock ?? { now: () => new Date() }, options.rateLimits);
  const app = new Koa({ proxy: false });
  app.silent = true;

  const served = servedRoutes(crm);
  const surfaces = new Map<string, Router>();
  for (const [key, group] of groupBySurface(served)) {
    const router = new Router();
    mount(router, group, auth, maxJsonBytes, limiter);
    surfaces.set(key, router);
  }
  const openapi = buildOpenApiOf(crm, served);

  const outageLog = new ThrottledLog(60_000);
  // Errors, request id, language and the access log wrap everything.
  app.use(async (ctx, next) => {
    const started = process.hrtime.bigint();
    const requestId = (ctx.get('x-request-id') || '').slice(0, 64) || randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.lang = languageOf(ctx.get('accept-language'));
    ctx.set('X-Request-Id', requestId);
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw domainError('http.not_found', 'not_found', `没有这个接口：${ctx.method} ${ctx.path}`, `No such endpoint: ${ctx.method} ${ctx.path}`);
      }
    } catch (err) {
      const lang = ctx.state.lang as 'zh' | 'en';
      if (err instanceof DomainError) {
        ctx.status = statusOf(err);
        ctx.body = problemOf(err, lang);
        if (err.kind === 'rate_limited' && typeof err.details.retryAfterSeconds === 'number') ctx.set('Retry-After', String(err.details.retryAfterSeconds));
      } else if (isConnectionLost(err)) {
        // The database is away (restart, network): 503 and try again, logged once a minute, not per request.
        const leftOut = outageLog.take();
        if (leftOut !== null) logger.error({ err, requestId, leftOut }, 'database unavailable: answering 503');
        ctx.status = 503;
        ctx.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
        ctx.body = databaseUnavailableProblem(lang);
      } else {
        logger.error({ err, requestId }, 'unhandled error');
        ctx.status = 500;
        ctx.body = internalProblem(lang, requestId);
      }
      ctx.set('Content-Type', 'application/problem+json; charset=utf-8');
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const actor = ctx.state.actor as { tenantId: string; userId: string } | undefined;
    logger.info({ requestId, method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10, tenantId: actor?.tenantId, userId: actor?.userId }, 'request');
  });
  app.use(securityHeaders());
  if (options.cors) app.use(cors(options.cors));

  const root = new Router();
  root.use(systemRouter(crm, openapi, options.isReady ?? (() => true)).routes());
  root.use(statusPageRouter().routes());
  app.use(root.routes());
  app.use(root.allowedMethods());
  app.use(sessionCookieAuth());
  app.use(dispatchBySurface(surfaces));
  const staffConsole = options.console === false ? null : consoleMiddleware(options.console ?? {});
  if (staffConsole) app.use(staffConsole);

  // The http ContainerModule: the app and its authenticator are resolvable like every other adapter.
  crm.container.load(
    new ContainerModule(({ bind, isBound }) => {
      if (!isBound(HttpApp)) bind(HttpApp).toConstantValue(app);
    }),
  );
  return app;
}

export { Readable };
