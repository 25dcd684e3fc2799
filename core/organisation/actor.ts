// Who is acting: tenant, user, permissions and data scope. Every use case takes one and checks it here,
// in core, so that HTTP, the CLI and an embedding host get the same rules.
import { forbidden } from '../shared/index.js';

/** How much of the tenant's data a role sees: own records, own department, department subtree, all. */
export type DataScope = 'self' | 'department' | 'department_tree' | 'tenant';
export const DATA_SCOPES: readonly DataScope[] = ['self', 'department', 'department_tree', 'tenant'];

/** The scope of a person holding several roles: the widest of them (self when none). */
export function widestDataScope(scopes: readonly DataScope[]): DataScope {
  return scopes.reduce<DataScope>((widest, s) => (DATA_SCOPES.indexOf(s) > DATA_SCOPES.indexOf(widest) ? s : widest), 'self');
}

export interface Actor {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string;
  readonly departmentId: string | null;
  readonly roles: readonly string[];
  readonly permissions: ReadonlySet<string>;
  readonly dataScope: DataScope;
  /** The departments the actor sees under its scope (own, or own and descendants); empty for self/tenant. */
  readonly visibleDepartmentIds: readonly string[];
  /** The tenant's business time zone, e.g. Asia/Shanghai. */
  readonly timeZone: string;
}

/** A record as far as data scope is concerned. */
export interface Scoped {
  readonly ownerId: string | null;
  readonly departmentId: string | null;
}

/** Whether the actor holds a permission (or its area's wildcard, e.g. `order.*`, or `*`). */
export function can(actor: Actor, permission: string): boolean {
  return grants(actor.permissions, permission);
}

/** Whether a set of held permissions grants one; the console hides what the server would refuse by the same rule. */
export function grants(held: { has(permission: string): boolean }, permission: string): boolean {
  if (held.has('*') || held.has(permission)) return true;
  const area = permission.split('.')[0];
  return held.has(`${area}.*`);
}

/** Refuses with `auth.forbidden` unless the actor holds the permission. */
export function requirePermission(actor: Actor, permission: string): void {
  if (!can(actor, permission)) throw forbidden(permission);
}

/** Whether a record falls inside the actor's data scope (own records are always visible). */
export function inScope(actor: Actor, record: Scoped): boolean {
  if (record.ownerId !== null && record.ownerId === actor.userId) return true;
  switch (actor.dataScope) {
    case 'tenant':
      return true;
    case 'self':
      return false;
    case 'department':
    case 'department_tree':
      return record.departmentId !== null && actor.visibleDepartmentIds.includes(record.departmentId);
  }
}

/** The filter a repository applies to a list: null means no restriction inside the tenant. */
export interface ScopeFilter {
  readonly ownerId: string;
  readonly departmentIds: readonly string[] | null;
}
export function scopeFilter(actor: Actor): ScopeFilter | null {
  if (actor.dataScope === 'tenant') return null;
  return { ownerId: actor.userId, departmentIds: actor.dataScope === 'self' ? [] : actor.visibleDepartmentIds };
}
