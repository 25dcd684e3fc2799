// An actor from what login or a token resolves: the union of its roles' permissions, the widest data scope.
import { widestDataScope, type Actor, type DataScope } from './actor.js';
import { subtreeIds } from './department-tree.js';
import type { Department, Role, Tenant, User } from './types.js';

/** A user with several roles gets every permission of each and the widest of their data scopes. */
export function buildActor(tenant: Tenant, user: User, roles: readonly Role[], departments: readonly Department[]): Actor {
  const mine = roles.filter((r) => user.roleCodes.includes(r.code));
  const permissions = new Set(mine.flatMap((r) => r.permissions));
  const dataScope: DataScope = widestDataScope(mine.map((r) => r.dataScope));
  const dept = user.departmentId;
  const visibleDepartmentIds =
    dept === null ? [] : dataScope === 'department' ? [dept] : dataScope === 'department_tree' ? subtreeIds(departments, dept) : [];
  return {
    tenantId: tenant.id,
    userId: user.id,
    name: user.name,
    departmentId: dept,
    roles: mine.map((r) => r.code),
    permissions,
    dataScope,
    visibleDepartmentIds,
    timeZone: tenant.timeZone,
  };
}
