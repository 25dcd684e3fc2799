// The console's session: the same bearer token the API issues, kept in an HttpOnly, SameSite=Strict cookie
// so that no script on the page can read it. Integrations keep using the Authorization header.
import type Koa from 'koa';
import { domainError } from '../core/shared/domain-error.js';

export const SESSION_COOKIE = 'yz_session';
/** The header the console sends with every request; a cookie-authenticated write without it is refused. */
export const CONSOLE_HEADER = 'x-requested-with';
export const CONSOLE_HEADER_VALUE = 'yunzhou-console';

/** The session token from a Cookie header, if any. */
export function sessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('=')) || null;
  }
  return null;
}

/** Set-Cookie for a new session (expiresAt: the token's own expiry) or, with null, for ending it. */
export function sessionCookie(token: string | null, opts: { secure: boolean; expiresAt?: Date }): string {
  const attrs = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(opts.secure ? ['Secure'] : [])];
  if (token === null) return [`${SESSION_COOKIE}=`, 'Max-Age=0', ...attrs].join('; ');
  const expires = opts.expiresAt ? [`Expires=${opts.expiresAt.toUTCString()}`] : [];
  return [`${SESSION_COOKIE}=${encodeURIComponent(token)}`, ...expires, ...attrs].join('; ');
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request to /api/v1 without an Authorization header but with the session cookie is authenticated by
 * the cookie's token, as if it had been sent as a bearer token. Writes must also carry the console's
 * header, which no cross-site form can send (SameSite=Strict already keeps the cookie off cross-site
 * requests; this is the second lock).
 */
export function sessionCookieAuth(): Koa.Middleware {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/api/v1/') || ctx.get('authorization')) return next();
    const token = sessionToken(ctx.get('cookie') || undefined);
    if (!token) return next();
    if (!SAFE.has(ctx.method) && ctx.get(CONSOLE_HEADER) !== CONSOLE_HEADER_VALUE) {
      throw domainError('auth.console_header_missing', 'forbidden', '请从控制台发起此操作（缺少 X-Requested-With 请求头）', 'Send this from the console (the X-Requested-With header is missing)');
    }
    ctx.request.headers.authorization = `Bearer ${token}`;
    return next();
  };
}
