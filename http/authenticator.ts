// The authenticator port of the HTTP adapter: from a request's headers to an actor. The default reads a
// bearer token; an embedding host can supply its own (its session, its SSO) that yields tenant and user.
import type { Actor } from '../core/organisation/actor.js';
import { domainError } from '../core/shared/domain-error.js';
import type { Crm } from '../adapters/composition/create-crm.js';

export interface Authenticator {
  authenticate(headers: Readonly<Record<string, string | undefined>>): Promise<Actor>;
}

export function bearerToken(headers: Readonly<Record<string, string | undefined>>): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return m ? (m[1] as string) : null;
}

export class BearerAuthenticator implements Authenticator {
  constructor(private readonly crm: Crm) {}
  async authenticate(headers: Readonly<Record<string, string | undefined>>): Promise<Actor> {
    const token = bearerToken(headers);
    if (!token) {
      throw domainError('auth.missing_token', 'unauthenticated', '请先登录（缺少 Authorization: Bearer 令牌）', 'Log in first (no Authorization: Bearer token)');
    }
    return this.crm.auth.authenticate(token);
  }
}
