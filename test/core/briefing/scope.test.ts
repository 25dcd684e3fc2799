import test from 'ava';
import type { DomainError } from '../../../core/shared/domain-error.js';
import type { Actor, DataScope } from '../../../core/organisation/actor.js';
import type { Department, User } from '../../../core/organisation/types.js';
import { resolveScope, type BriefingScope } from '../../../core/briefing/scope.js';

const dept = (id: string, parentId: string | null): Department => ({ tenantId: 't', id, name: id, parentId, headUserId: null, sortOrder: 0, version: 1 });
const departments = [dept('root', null), dept('sales', 'root'), dept('media3', 'sales'), dept('media5', 'sales'), dept('finance', 'root')];
const user = (id: string, departmentId: string | null, tenantId = 't'): User => ({ tenantId, id, name: id, mobile: '', departmentId, active: true, roleCodes: [], version: 1, createdAt: new Date() });
const actor = (dataScope: DataScope, departmentId: string | null, visible: string[]): Actor => ({
  tenantId: 't', userId: 'me', name: 'me', departmentId, roles: [], permissions: new Set(['briefing.read']), dataScope, visibleDepartmentIds: visible, timeZone: 'Asia/Shanghai',
});

test('without a request each viewer gets the widest scope they may see', (t) => {
  t.is((resolveScope(actor('tenant', 'root', []), {}, departments, null) as BriefingScope).kind, 'tenant');
  t.deepEqual(resolveScope(actor('department_tree', 'sales', ['sales', 'media3', 'media5']), {}, departments, null), {
    kind: 'department', departmentId: 'sales', userId: null, departmentIds: ['sales', 'media3', 'media5'], ownerId: null,
  });
  t.deepEqual(resolveScope(actor('self', 'media3', []), {}, departments, null), { kind: 'person', departmentId: null, userId: 'me', departmentIds: null, ownerId: 'me' });
});

test('a department means its subtree, cut to what the viewer sees; outside it is not found', (t) => {
  t.deepEqual((resolveScope(actor('tenant', 'root', []), { departmentId: 'sales' }, departments, null) as BriefingScope).departmentIds, ['sales', 'media5', 'media3']);
  t.deepEqual((resolveScope(actor('department_tree', 'media3', ['media3']), { departmentId: 'media3' }, departments, null) as BriefingScope).departmentIds, ['media3']);
  t.is((resolveScope(actor('department_tree', 'media3', ['media3']), { departmentId: 'sales' }, departments, null) as DomainError).code, 'department.not_found');
  t.is((resolveScope(actor('self', 'media3', []), { departmentId: 'media3' }, departments, null) as DomainError).code, 'department.not_found');
  t.is((resolveScope(actor('tenant', 'root', []), { departmentId: 'nowhere' }, departments, null) as DomainError).code, 'department.not_found');
});

test('a person is visible to a tenant viewer, to themselves, and to a manager of their department; else not found', (t) => {
  t.is((resolveScope(actor('tenant', 'root', []), { userId: 'u1' }, departments, user('u1', 'finance')) as BriefingScope).ownerId, 'u1');
  t.is((resolveScope(actor('department_tree', 'sales', ['sales', 'media3']), { userId: 'u2' }, departments, user('u2', 'media3')) as BriefingScope).ownerId, 'u2');
  t.is((resolveScope(actor('department_tree', 'sales', ['sales', 'media3']), { userId: 'u3' }, departments, user('u3', 'finance')) as DomainError).code, 'user.not_found');
  t.is((resolveScope(actor('self', 'media3', []), { userId: 'me' }, departments, user('me', 'media3')) as BriefingScope).ownerId, 'me');
  t.is((resolveScope(actor('self', 'media3', []), { userId: 'u2' }, departments, user('u2', 'media3')) as DomainError).code, 'user.not_found');
  t.is((resolveScope(actor('tenant', 'root', []), { userId: 'x' }, departments, user('x', 'root', 'other')) as DomainError).code, 'user.not_found');
  t.is((resolveScope(actor('tenant', 'root', []), { userId: 'x', departmentId: 'root' }, departments, null) as DomainError).code, 'briefing.one_scope');
});
