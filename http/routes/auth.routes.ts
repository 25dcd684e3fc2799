// Login, the current actor, logout and password change.
import type { Crm } from '../../adapters/composition/create-crm.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { bearerToken } from '../authenticator.js';
import { mobile, nonEmpty, objectSchema, uuid } from '../schemas.js';
import { presentUser } from './presenters.js';

export function authRoutes(crm: Crm): RouteDef[] {
  return [
    {
      method: 'post', path: '/auth/login', auth: 'none', tags: ['auth'],
      summary: '登录 Log in with mobile and password',
      description: 'Returns a bearer token. Wrong passwords slow down further attempts (auth.throttled with Retry-After), then lock the account for 15 minutes.',
      schemas: { body: objectSchema({ mobile, password: nonEmpty(128), tenantId: uuid }, ['mobile', 'password']) },
      handler: async ({ body, ip }) => {
        const r = await crm.auth.login({ ...body, clientAddress: ip });
        return { token: r.token, expiresAt: r.expiresAt, user: presentUser(r.user), tenant: r.tenant };
      },
    },
    {
      method: 'get', path: '/me', tags: ['auth'],
      summary: '当前用户 The acting user, with permissions and data scope',
      handler: async ({ actor }) => ({
        tenantId: actor.tenantId, userId: actor.userId, name: actor.name, departmentId: actor.departmentId, roles: actor.roles,
        permissions: [...actor.permissions].sort(), dataScope: actor.dataScope, timeZone: actor.timeZone,
      }),
    },
    {
      method: 'post', path: '/auth/logout', tags: ['auth'], summary: '退出登录 Revoke this token',
      handler: async ({ headers }) => {
        const token = bearerToken(headers);
        if (token) await crm.auth.logout(token);
      },
    },
    {
      method: 'post', path: '/auth/password', tags: ['auth'], summary: '修改密码 Change password (every session ends)',
      schemas: { body: objectSchema({ currentPassword: nonEmpty(128), newPassword: nonEmpty(128) }, ['currentPassword', 'newPassword']) },
      handler: async ({ actor, body }) => {
        await crm.auth.changePassword(actor, body.currentPassword, body.newPassword);
      },
    },
  ];
}
