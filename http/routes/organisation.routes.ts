// Departments, users, roles and role assignments (admin endpoints need org.manage).
import type { OrganisationService } from '../../core/organisation/organisation.service.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { DATA_SCOPES } from '../../core/organisation/actor.js';
import { idParams, mobile, nonEmpty, objectSchema, pageOf, pageQuery, uuid } from '../schemas.js';
import { presentUser } from './presenters.js';

const roleCodes = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 40 }, maxItems: 20 };
const nullableUuid = { anyOf: [uuid, { type: 'null' }] };

export function organisationRoutes(s: { organisation: OrganisationService }): RouteDef[] {
  const org = s.organisation;
  return [
    {
      method: 'get', path: '/tenant', tags: ['organisation'], summary: '本机构 The actor\'s firm',
      handler: async ({ actor }) => org.getTenant(actor),
    },
    {
      method: 'get', path: '/departments', tags: ['organisation'], summary: '部门列表 Departments (a tree by parentId)',
      handler: async ({ actor }) => ({ items: await org.listDepartments(actor) }),
    },
    {
      method: 'post', path: '/departments', tags: ['organisation'], summary: '新建部门 Create a department', successStatus: 201,
      schemas: { body: objectSchema({ name: nonEmpty(100), parentId: nullableUuid, headUserId: nullableUuid, sortOrder: { type: 'integer' } }, ['name', 'parentId']) },
      handler: async ({ actor, body }) => org.createDepartment(actor, body),
    },
    {
      method: 'patch', path: '/departments/:id', tags: ['organisation'], summary: '修改部门 Rename, move or set the head',
      schemas: {
        params: idParams,
        body: objectSchema({ version: { type: 'integer', minimum: 1 }, name: nonEmpty(100), parentId: nullableUuid, headUserId: nullableUuid, sortOrder: { type: 'integer' } }, ['version']),
      },
      handler: async ({ actor, params, body }) => org.updateDepartment(actor, params.id, body),
    },
    {
      method: 'delete', path: '/departments/:id', tags: ['organisation'], summary: '删除部门 Delete an empty department',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => org.deleteDepartment(actor, params.id),
    },
    {
      method: 'get', path: '/roles', tags: ['organisation'], summary: '角色 Roles with permissions and data scope',
      handler: async ({ actor }) => ({ items: await org.listRoles(actor), dataScopes: DATA_SCOPES }),
    },
    {
      method: 'put', path: '/roles/:code', tags: ['organisation'], summary: '保存角色 Create a role or change its permissions and data scope (its holders log in again)',
      schemas: {
        params: objectSchema({ code: { type: 'string', pattern: '^[a-z][a-z0-9_]{1,39}$' } }, ['code']),
        body: objectSchema({ name: nonEmpty(50), permissions: { type: 'array', items: { type: 'string', maxLength: 60 }, maxItems: 100 }, dataScope: { enum: [...DATA_SCOPES] } }, ['name', 'permissions', 'dataScope']),
      },
      handler: async ({ actor, params, body }) => org.saveRole(actor, { code: params.code, ...body }),
    },
    {
      method: 'get', path: '/users', tags: ['organisation'], summary: '用户列表 Users (mobiles masked unless you manage the organisation)',
      schemas: {
        query: objectSchema({ ...pageQuery, departmentId: uuid, active: { type: 'boolean' }, keyword: { type: 'string', maxLength: 50 }, role: { type: 'string', maxLength: 40 } }),
      },
      handler: async ({ actor, query }) => {
        const p = await org.listUsers(actor, { departmentId: query.departmentId, active: query.active, keyword: query.keyword, roleCode: query.role }, pageOf(query));
        return { ...p, items: p.items.map(presentUser) };
      },
    },
    {
      method: 'get', path: '/users/:id', tags: ['organisation'], summary: '用户 One user',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => presentUser(await org.getUser(actor, params.id)),
    },
    {
      method: 'post', path: '/users', tags: ['organisation'], summary: '新建用户 Create a user', successStatus: 201,
      schemas: { body: objectSchema({ name: nonEmpty(50), mobile, departmentId: nullableUuid, roleCodes, password: nonEmpty(128) }, ['name', 'mobile', 'departmentId', 'roleCodes', 'password']) },
      handler: async ({ actor, body }) => presentUser(await org.createUser(actor, body)),
    },
    {
      method: 'patch', path: '/users/:id', tags: ['organisation'], summary: '修改用户 Change name, department, roles or deactivate',
      schemas: {
        params: idParams,
        body: objectSchema({ version: { type: 'integer', minimum: 1 }, name: nonEmpty(50), departmentId: nullableUuid, roleCodes, active: { type: 'boolean' } }, ['version']),
      },
      handler: async ({ actor, params, body }) => presentUser(await org.updateUser(actor, params.id, body)),
    },
    {
      method: 'post', path: '/users/:id/password', tags: ['organisation'], summary: '重置密码 Set a user\'s password (their sessions end)',
      schemas: { params: idParams, body: objectSchema({ password: nonEmpty(128) }, ['password']) },
      handler: async ({ actor, params, body }) => org.resetPassword(actor, params.id, body.password),
    },
  ];
}
