// Whose figures a briefing shows: the whole firm, a department and its subtree, or one person, never beyond
// what the viewer's data scope lets them see.
import { domainError, notFound, type DomainError } from '../shared/index.js';
import { subtreeIds, type Actor, type Department, type User } from '../organisation/index.js';

export interface ScopeRequest {
  readonly departmentId?: string | undefined;
  readonly userId?: string | undefined;
}

/** The records a briefing counts: departmentIds null means every department; ownerId null means every person. */
export interface BriefingScope {
  readonly kind: 'tenant' | 'department' | 'person';
  readonly departmentId: string | null;
  readonly userId: string | null;
  readonly departmentIds: readonly string[] | null;
  readonly ownerId: string | null;
}

const person = (userId: string): BriefingScope => ({ kind: 'person', departmentId: null, userId, departmentIds: null, ownerId: userId });

/**
 * The scope asked for, within the viewer's: a tenant-wide viewer may ask for anything; a department viewer for
 * a department it sees (its subtree, cut to what it sees) or a person of those departments; a viewer who sees
 * only its own records gets only its own figures. Without a request, the widest the viewer may see. A
 * department or person the viewer may not see is "not found".
 */
export function resolveScope(actor: Actor, req: ScopeRequest, departments: readonly Department[], target: User | null): BriefingScope | DomainError {
  if (req.departmentId && req.userId) {
    return domainError('briefing.one_scope', 'invalid', '请只选择部门或人员其中之一', 'Choose a department or a person, not both');
  }
  const visible = new Set(actor.visibleDepartmentIds);
  const wide = actor.dataScope === 'tenant';
  if (req.userId) {
    if (!target || target.tenantId !== actor.tenantId) return notFound('user', '人员', req.userId);
    const allowed = wide || target.id === actor.userId || (actor.dataScope !== 'self' && target.departmentId !== null && visible.has(target.departmentId));
    return allowed ? person(target.id) : notFound('user', '人员', req.userId);
  }
  if (req.departmentId) {
    if (!departments.some((d) => d.id === req.departmentId) || (!wide && !visible.has(req.departmentId))) return notFound('department', '部门', req.departmentId);
    const ids = subtreeIds(departments, req.departmentId).filter((id) => wide || visible.has(id));
    return { kind: 'department', departmentId: req.departmentId, userId: null, departmentIds: ids, ownerId: null };
  }
  if (wide) return { kind: 'tenant', departmentId: null, userId: null, departmentIds: null, ownerId: null };
  if (actor.dataScope === 'self' || visible.size === 0) return person(actor.userId);
  return { kind: 'department', departmentId: actor.departmentId, userId: null, departmentIds: [...visible], ownerId: null };
}
