// The approval engine's Directory from the organisation tables: every user with role codes and active flag
// (in the order they joined, which is the order a role's members are asked), the heads of the submitter's
// department and of each department above it, and the users whose roles grant approval.admin.
import type { Tx } from '../../../core/shared/ports.js';
import type { Directory } from '../../../core/approvals/directory.js';
import type { ApprovalDirectoryLoader } from '../../../core/approvals/ports.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

const ADMIN_PERMISSIONS = ['*', 'approval.*', 'approval.admin'];

/** Heads from the department up to the root (null where a department has none), stopping at a cycle. */
export function headsUpFrom(departmentId: string | null, departments: ReadonlyMap<string, { parentId: string | null; headUserId: string | null }>): (string | null)[] {
  const heads: (string | null)[] = [];
  const seen = new Set<string>();
  for (let id = departmentId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const d = departments.get(id);
    if (!d) break;
    heads.push(d.headUserId);
    id = d.parentId;
  }
  return heads;
}

export class KnexApprovalDirectoryLoader implements ApprovalDirectoryLoader {
  async load(tx: Tx, tenantId: string, submitterId: string): Promise<Directory> {
    const db = sql(tx);
    // Two flat reads, not usersWithRoles (a role sub-select per user): every approval step loads the whole
    // firm, so this is paid once per step per person in the firm (bench/flow.ts at 200 staff).
    const users: Row[] = await db('users').where({ tenant_id: tenantId }).orderBy([{ column: 'created_at' }, { column: 'id' }]).select('id', 'active', 'department_id');
    const held: Row[] = await db('user_roles as ur').join('roles as r', (j) => j.on('r.tenant_id', 'ur.tenant_id').andOn('r.id', 'ur.role_id'))
      .where('ur.tenant_id', tenantId).orderBy('r.code').select('ur.user_id', 'r.code');
    const codesOf = new Map<string, string[]>();
    for (const h of held) {
      const codes = codesOf.get(h.user_id as string) ?? [];
      codes.push(h.code as string);
      codesOf.set(h.user_id as string, codes);
    }
    for (const u of users) u.role_codes = codesOf.get(u.id as string) ?? [];
    const roles: Row[] = await db('roles').where({ tenant_id: tenantId }).select('code', 'permissions');
    const departments: Row[] = await db('departments').where({ tenant_id: tenantId }).select('id', 'parent_id', 'head_user_id');
    const adminRoles = new Set(roles.filter((r) => (r.permissions as string[]).some((p) => ADMIN_PERMISSIONS.includes(p))).map((r) => r.code as string));
    const byId = new Map(departments.map((d) => [d.id as string, { parentId: d.parent_id as string | null, headUserId: d.head_user_id as string | null }]));
    const submitter = users.find((u) => u.id === submitterId);
    return {
      users: users.map((u) => ({ id: u.id, active: u.active === true, roles: (u.role_codes ?? []) as string[] })),
      submitterDepartmentHeads: headsUpFrom(submitter?.department_id ?? null, byId),
      administratorIds: users.filter((u) => ((u.role_codes ?? []) as string[]).some((c) => adminRoles.has(c))).map((u) => u.id as string),
    };
  }

  async roleCodes(tx: Tx, tenantId: string): Promise<string[]> {
    return (await sql(tx)('roles').where({ tenant_id: tenantId }).orderBy('code').select('code')).map((r: Row) => r.code as string);
  }

  async names(tx: Tx, tenantId: string, userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: Row[] = await sql(tx)('users').where({ tenant_id: tenantId }).whereIn('id', [...userIds]).select('id', 'name');
    return new Map(rows.map((r) => [r.id as string, r.name as string]));
  }
}
