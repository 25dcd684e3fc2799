// Security headers on every response, and CORS when the host configures allowed origins.
import type Koa from 'koa';

export function securityHeaders(): Koa.Middleware {
  return async (ctx, next) => {
    await next();
    ctx.set('X-Content-Type-Options', 'nosniff');
    // A response may allow its own origin to frame it (the invoice PDF shown in the console); nothing else is framed.
    if (!ctx.response.get('X-Frame-Options')) ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (!ctx.response.get('Content-Security-Policy')) ctx.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    ctx.set('Cache-Control', ctx.response.get('Cache-Control') || 'no-store');
  };
}

export interface CorsOptions {
  /** Exact origins allowed, or '*' for any (no credentials then). */
  readonly origins: readonly string[] | '*';
}

export function cors(options: CorsOptions): Koa.Middleware {
  return async (ctx, next) => {
    const origin = ctx.get('origin');
    const allowed = origin && (options.origins === '*' || options.origins.includes(origin));
    if (allowed) {
      ctx.set('Access-Control-Allow-Origin', options.origins === '*' ? '*' : origin);
      ctx.set('Vary', 'Origin');
      ctx.set('Access-Control-Expose-Headers', 'X-Request-Id, Retry-After');
    }
    if (ctx.method === 'OPTIONS' && ctx.get('access-control-request-method')) {
      if (allowed) {
        ctx.set('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
        ctx.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept-Language, X-Request-Id, Idempotency-Key');
        ctx.set('Access-Control-Max-Age', '600');
      }
      ctx.status = 204;
      return;
    }
    await next();
  };
}
