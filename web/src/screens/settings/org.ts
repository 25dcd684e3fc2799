// The organisation as the settings screens read it: departments (a tree by parentId), roles, users, and
// the permissions a role may hold with the words for each.
import { PERMISSIONS } from '@core/organisation/permissions.js';
import type { DataScope } from '@core/organisation/actor.js';
import type { Department, Role, User } from '@core/organisation/types.js';
import { api, ok, ApiProblem } from '../../api/client.js';
import type { Json } from '../../api/json.js';

export type Dept = Json<Department>;
export type OrgRole = Json<Role>;
/** A user as GET /users presents one (its roles under `roles`). */
export type OrgUser = Omit<Json<User>, 'roleCodes' | 'tenantId'> & { readonly roles: string[] };

export interface DeptNode {
  readonly dept: Dept;
  readonly depth: number;
  readonly children: DeptNode[];
}

export async function loadDepartments(): Promise<Dept[]> {
  return (await ok<{ items: Dept[] }>(api.GET('/api/v1/departments'))).items;
}

export async function loadRoles(): Promise<{ items: OrgRole[]; dataScopes: DataScope[] }> {
  return ok<{ items: OrgRole[]; dataScopes: DataScope[] }>(api.GET('/api/v1/roles'));
}

/** The departments as a tree, siblings in their sort order then by name. */
export function departmentTree(all: readonly Dept[]): DeptNode[] {
  const ids = new Set(all.map((d) => d.id));
  const byParent = new Map<string | null, Dept[]>();
  for (const d of all) {
    const parent = d.parentId !== null && ids.has(d.parentId) ? d.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), d]);
  }
  const build = (parent: string | null, depth: number, seen: Set<string>): DeptNode[] =>
    (byParent.get(parent) ?? [])
      .filter((d) => !seen.has(d.id))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh'))
      .map((d) => ({ dept: d, depth, children: build(d.id, depth + 1, new Set([...seen, d.id])) }));
  return build(null, 0, new Set());
}

/** The tree flattened in display order, for pickers that indent by depth. */
export function flatTree(nodes: readonly DeptNode[]): DeptNode[] {
  return nodes.flatMap((n) => [n, ...flatTree(n.children)]);
}

/** Indented name for a native <select> option. */
export const indented = (n: DeptNode): string => `${'\u3000'.repeat(n.depth)}${n.dept.name}`;

/** Every permission a role may hold: its code and the key of its words under settings.permission. */
export const PERMISSION_LIST: readonly { key: string; code: string }[] = Object.entries(PERMISSIONS).map(([key, code]) => ({ key, code }));

/** A problem as the screen shows it, whatever was thrown. */
export const asProblem = (e: unknown): ApiProblem => (e instanceof ApiProblem ? e : new ApiProblem(0, 'unknown', String(e)));

/** A password the firm's policy accepts (letters and digits, 10 long, no look-alikes), for the admin to pass on. */
export function generatePassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ';
  const digits = '23456789';
  const pool = letters + digits;
  const bytes = crypto.getRandomValues(new Uint32Array(10));
  const chars = Array.from(bytes, (b) => pool[b % pool.length]!);
  chars[bytes[0]! % 9] = letters[bytes[1]! % letters.length]!; // at least one letter …
  chars[9] = digits[bytes[2]! % digits.length]!; // … and one digit
  return chars.join('');
}
