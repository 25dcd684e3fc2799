// Login, the current actor, logout and password change.
import type { AuthService } from '../../core/organisation/auth.service.js';
import { respond, type RouteDef } from '../../adapters/composition/route-def.js';
import { bearerToken } from '../authenticator.js';
import { sessionCookie } from '../session-cookie.js';
import { mobile, nonEmpty, objectSchema, uuid } from '../schemas.js';
import { presentUser } from './presenters.js';
import type { Actor } from '../../core/organisation/actor.js';

function presentActor(actor: Actor): Record<string, unknown> {
  return {
    tenantId: actor.tenantId, userId: actor.userId, name: actor.name, departmentId: actor.departmentId, roles: actor.roles,
    permissions: [...actor.permissions].sort(), dataScope: actor.dataScope, timeZone: actor.timeZone,
  };
}

export function authRoutes(s: { auth: AuthService }): RouteDef[] {
  const loginBody = objectSchema({ mobile, password: nonEmpty(128), tenantId: uuid }, ['mobile', 'password']);
  return [
    {
      method: 'post', path: '/auth/login', auth: 'none', tags: ['auth'],
      summary: '登录 Log in with mobile and password',
      description: 'Returns a bearer token. Wrong passwords slow down further attempts (auth.throttled with Retry-After), then lock the account for 15 minutes.',
      schemas: { body: loginBody },
      handler: async ({ body, ip }) => {
        const r = await s.auth.login({ ...body, clientAddress: ip });
        return { token: r.token, expiresAt: r.expiresAt, user: presentUser(r.user), tenant: r.tenant };
      },
    },
    {
      method: 'post', path: '/auth/session', auth: 'none', tags: ['auth'], successStatus: 201,
      summary: '控制台登录 Sign in to the console: the session is an HttpOnly cookie',
      description: 'Like /auth/login, but the token is set as the HttpOnly, SameSite=Strict cookie yz_session and never shown to scripts. Requests with the cookie and no Authorization header are authenticated by it; writes must also send X-Requested-With: yunzhou-console.',
      schemas: { body: loginBody },
      handler: async ({ body, secure, ip }) => {
        const r = await s.auth.login({ ...body, clientAddress: ip });
        return respond({
          status: 201,
          headers: { 'Set-Cookie': sessionCookie(r.token, { secure: secure === true, expiresAt: r.expiresAt }) },
          body: { expiresAt: r.expiresAt, user: presentUser(r.user), tenant: r.tenant },
        });
      },
    },
    {
      method: 'get', path: '/auth/session', auth: 'none', tags: ['auth'],
      summary: '控制台会话 Whether this request carries a live session, and whose',
      description: 'Never 401: { active: false } without a live session, so that a page can ask before anyone signs in.',
      handler: async ({ headers }) => {
        const token = bearerToken(headers);
        if (!token) return { active: false };
        try {
          const actor = await s.auth.authenticate(token);
          return { active: true, me: presentActor(actor) };
        } catch {
          return { active: false };
        }
      },
    },
    {
      method: 'delete', path: '/auth/session', auth: 'none', tags: ['auth'], summary: '控制台退出 Sign out of the console: the session ends on the server and the cookie is cleared',
      handler: async ({ headers, secure }) => {
        const token = bearerToken(headers);
        if (token) await s.auth.logout(token);
        return respond({ status: 204, headers: { 'Set-Cookie': sessionCookie(null, { secure: secure === true }) } });
      },
    },
    {
      method: 'get', path: '/me', tags: ['auth'],
      summary: '当前用户 The acting user, with permissions and data scope',
      handler: async ({ actor }) => presentActor(actor),
    },
    {
      method: 'post', path: '/auth/logout', tags: ['auth'], summary: '退出登录 Revoke this token',
      handler: async ({ headers }) => {
        const token = bearerToken(headers);
        if (token) await s.auth.logout(token);
      },
    },
    {
      method: 'post', path: '/auth/password', tags: ['auth'], summary: '修改密码 Change password (every session ends)',
      schemas: { body: objectSchema({ currentPassword: nonEmpty(128), newPassword: nonEmpty(128) }, ['currentPassword', 'newPassword']) },
      handler: async ({ actor, body }) => {
        await s.auth.changePassword(actor, body.currentPassword, body.newPassword);
      },
    },
  ];
}
