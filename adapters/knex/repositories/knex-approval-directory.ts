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
    // One round trip for the whole firm (people with their role codes, roles, departments): every approval step
    // loads it, and under load each round trip waits its turn on the event loop (bench/flow.ts at 200 staff).
    const { rows } = await sql(tx).raw(`with codes as (
        select ur.user_id, json_agg(r.code order by r.code) as codes from user_roles ur
          join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id where ur.tenant_id = ? group by ur.user_id)
      select
        (select coalesce(json_agg(json_build_object('id', u.id, 'active', u.active, 'department_id', u.department_id,
            'role_codes', coalesce(c.codes, '[]'::json)) order by u.created_at, u.id), '[]'::json)
          from users u left join codes c on c.user_id = u.id where u.tenant_id = ?) as users,
        (select coalesce(json_agg(json_build_object('code', r.code, 'permissions', r.permissions)), '[]'::json) from roles r where r.tenant_id = ?) as roles,
        (select coalesce(json_agg(json_build_object('id', d.id, 'parent_id', d.parent_id, 'head_user_id', d.head_user_id)), '[]'::json)
          from departments d where d.tenant_id = ?) as departments`, [tenantId, tenantId, tenantId, tenantId]);
    const { users, roles, departments } = rows[0] as { users: Row[]; roles: Row[]; departments: Row[] };
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
