// Tenants, departments, roles and users in PostgreSQL/PGlite. Every query names the tenant.
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../../core/shared/pagination.js';
import type { OrganisationRepository, UserListFilter } from '../../../core/organisation/ports.js';
import type { Department, Role, Tenant, TenantSettings, User, UserCredentials } from '../../../core/organisation/types.js';
import type { DataScope } from '../../../core/organisation/actor.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

export const toTenant = (r: Row): Tenant => ({ id: r.id, name: r.name, timeZone: r.time_zone, settings: r.settings ?? {}, createdAt: r.created_at });
export const toRole = (r: Row): Role => ({ tenantId: r.tenant_id, id: r.id, code: r.code, name: r.name, permissions: r.permissions, dataScope: r.data_scope as DataScope });
const toDepartment = (r: Row): Department => ({
  tenantId: r.tenant_id, id: r.id, name: r.name, parentId: r.parent_id, headUserId: r.head_user_id, sortOrder: r.sort_order, version: r.version,
});
export const toUser = (r: Row): User => ({
  tenantId: r.tenant_id, id: r.id, name: r.name, mobile: r.mobile, departmentId: r.department_id, active: r.active,
  roleCodes: r.role_codes ?? [], version: r.version, createdAt: r.created_at,
});
const toCredentials = (r: Row): UserCredentials => ({
  tenantId: r.tenant_id, userId: r.id, passwordHash: r.password_hash, active: r.active, failedLogins: r.failed_logins, nextAttemptAt: r.next_attempt_at,
});

/** Users with their role codes aggregated, so one query returns what the directory shows. */
export function usersWithRoles(db: Knex, tenantId: string): Knex.QueryBuilder {
  return db('users as u')
    .where('u.tenant_id', tenantId)
    .select(
      'u.*',
      db.raw(
        `coalesce((select json_agg(r.code order by r.code) from user_roles ur join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
          where ur.tenant_id = u.tenant_id and ur.user_id = u.id), '[]'::json) as role_codes`,
      ),
    );
}

export class KnexOrganisationRepository implements OrganisationRepository {
  async insertTenant(tx: Tx, t: Tenant): Promise<void> {
    await sql(tx)('tenants').insert({ id: t.id, name: t.name, time_zone: t.timeZone, settings: JSON.stringify(t.settings), created_at: t.createdAt });
  }
  async getTenant(tx: Tx, tenantId: string): Promise<Tenant | null> {
    const r = await sql(tx)('tenants').where({ id: tenantId }).first();
    return r ? toTenant(r) : null;
  }
  async countTenants(tx: Tx): Promise<number> {
    const r = await sql(tx)('tenants').count<{ count: number }[]>('* as count');
    return Number(r[0]?.count ?? 0);
  }
  async updateTenantSettings(tx: Tx, tenantId: string, settings: TenantSettings): Promise<void> {
    await sql(tx)('tenants').where({ id: tenantId }).update({ settings: JSON.stringify(settings) });
  }

  async insertDepartment(tx: Tx, d: Department): Promise<void> {
    await sql(tx)('departments').insert({
      tenant_id: d.tenantId, id: d.id, name: d.name, parent_id: d.parentId, head_user_id: d.headUserId, sort_order: d.sortOrder, version: d.version,
    });
  }
  async updateDepartment(tx: Tx, d: Department): Promise<boolean> {
    const n = await sql(tx)('departments')
      .where({ tenant_id: d.tenantId, id: d.id, version: d.version - 1 })
      .update({ name: d.name, parent_id: d.parentId, head_user_id: d.headUserId, sort_order: d.sortOrder, version: d.version });
    return n === 1;
  }
  async listDepartments(tx: Tx, tenantId: string): Promise<Department[]> {
    return (await sql(tx)('departments').where({ tenant_id: tenantId }).orderBy(['sort_order', 'name'])).map(toDepartment);
  }
  async countDepartmentMembers(tx: Tx, tenantId: string, departmentId: string): Promise<number> {
    const r = await sql(tx)('users').where({ tenant_id: tenantId, department_id: departmentId }).count<{ count: number }[]>('* as count');
    return Number(r[0]?.count ?? 0);
  }
  async deleteDepartment(tx: Tx, tenantId: string, departmentId: string): Promise<void> {
    // What `on delete set null` did before Citus readiness (migration 202612062100): records of the
    // department stay, belonging to no department.
    for (const table of ['inquiries', 'orders', 'tasks']) {
      await sql(tx)(table).where({ tenant_id: tenantId, department_id: departmentId }).update({ department_id: null });
    }
    await sql(tx)('departments').where({ tenant_id: tenantId, id: departmentId }).delete();
  }

  async insertRole(tx: Tx, r: Role): Promise<void> {
    await sql(tx)('roles').insert({ tenant_id: r.tenantId, id: r.id, code: r.code, name: r.name, permissions: JSON.stringify(r.permissions), data_scope: r.dataScope });
  }
  async updateRole(tx: Tx, r: Role): Promise<void> {
    await sql(tx)('roles').where({ tenant_id: r.tenantId, id: r.id }).update({ name: r.name, permissions: JSON.stringify(r.permissions), data_scope: r.dataScope });
  }
  async revokeTokensOfRole(tx: Tx, tenantId: string, roleId: string, at: Date): Promise<void> {
    await sql(tx)('auth_tokens').where({ tenant_id: tenantId }).whereNull('revoked_at')
      .whereIn('user_id', sql(tx)('user_roles').where({ tenant_id: tenantId, role_id: roleId }).select('user_id'))
      .update({ revoked_at: at });
  }
  async listRoles(tx: Tx, tenantId: string): Promise<Role[]> {
    return (await sql(tx)('roles').where({ tenant_id: tenantId }).orderBy('code')).map(toRole);
  }

  async insertUser(tx: Tx, u: User, passwordHash: string): Promise<void> {
    await sql(tx)('users').insert({
      tenant_id: u.tenantId, id: u.id, name: u.name, mobile: u.mobile, department_id: u.departmentId, active: u.active,
      password_hash: passwordHash, version: u.version, created_at: u.createdAt,
    });
    await this.setRoles(tx, u.tenantId, u.id, u.roleCodes);
  }
  async updateUser(tx: Tx, u: User): Promise<boolean> {
    const n = await sql(tx)('users')
      .where({ tenant_id: u.tenantId, id: u.id, version: u.version - 1 })
      .update({ name: u.name, department_id: u.departmentId, active: u.active, version: u.version });
    if (n !== 1) return false;
    await this.setRoles(tx, u.tenantId, u.id, u.roleCodes);
    return true;
  }
  private async setRoles(tx: Tx, tenantId: string, userId: string, codes: readonly string[]): Promise<void> {
    const db = sql(tx);
    await db('user_roles').where({ tenant_id: tenantId, user_id: userId }).delete();
    if (codes.length === 0) return;
    const roles = await db('roles').where({ tenant_id: tenantId }).whereIn('code', [...codes]).select('id');
    if (roles.length) await db('user_roles').insert(roles.map((r: Row) => ({ tenant_id: tenantId, user_id: userId, role_id: r.id })));
  }
  async getUser(tx: Tx, tenantId: string, userId: string): Promise<User | null> {
    const r = await usersWithRoles(sql(tx), tenantId).andWhere('u.id', userId).first();
    return r ? toUser(r) : null;
  }
  async getUsers(tx: Tx, tenantId: string, userIds: readonly string[]): Promise<User[]> {
    if (userIds.length === 0) return [];
    return (await usersWithRoles(sql(tx), tenantId).whereIn('u.id', [...userIds])).map(toUser);
  }
  async findUserByMobile(tx: Tx, tenantId: string, mobile: string): Promise<User | null> {
    const r = await usersWithRoles(sql(tx), tenantId).andWhere('u.mobile', mobile).first();
    return r ? toUser(r) : null;
  }
  async listUsers(tx: Tx, tenantId: string, f: UserListFilter, page: PageRequest): Promise<Page<User>> {
    const db = sql(tx);
    const base = (): Knex.QueryBuilder => {
      const q = usersWithRoles(db, tenantId);
      if (f.departmentId) q.andWhere('u.department_id', f.departmentId);
      if (f.active !== undefined) q.andWhere('u.active', f.active);
      if (f.keyword) q.andWhere((w) => w.whereILike('u.name', `%${f.keyword}%`).orWhere('u.mobile', 'like', `%${f.keyword}`));
      if (f.roleCode) {
        q.whereExists(
          db('user_roles as ur').join('roles as r', (j) => j.on('r.tenant_id', 'ur.tenant_id').andOn('r.id', 'ur.role_id'))
            .whereRaw('ur.tenant_id = u.tenant_id and ur.user_id = u.id').andWhere('r.code', f.roleCode),
        );
      }
      return q;
    };
    const q = base().orderBy([{ column: 'u.created_at' }, { column: 'u.id' }]).limit(page.limit + 1);
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, 2);
      q.andWhereRaw('(u.created_at, u.id) > (?::timestamptz, ?::uuid)', [at ?? null, id ?? null]);
    }
    const rows = await q;
    const items = rows.slice(0, page.limit).map(toUser);
    const last = items[items.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null;
    if (!page.withTotal) return { items, nextCursor };
    const c = await base().clearSelect().clearOrder().count<{ count: number }[]>('* as count');
    return { items, nextCursor, total: Number(c[0]?.count ?? 0) };
  }

  async credentialsByMobile(tx: Tx, mobile: string): Promise<UserCredentials[]> {
    return (await sql(tx)('users').where({ mobile })).map(toCredentials);
  }
  async credentials(tx: Tx, tenantId: string, userId: string): Promise<UserCredentials | null> {
    const r = await sql(tx)('users').where({ tenant_id: tenantId, id: userId }).first();
    return r ? toCredentials(r) : null;
  }
  async lockCredentials(tx: Tx, tenantId: string, userId: string): Promise<UserCredentials | null> {
    const r = await sql(tx)('users').where({ tenant_id: tenantId, id: userId }).forUpdate().first();
    return r ? toCredentials(r) : null;
  }
  async recordLoginFailure(tx: Tx, tenantId: string, userId: string, failedLogins: number, nextAttemptAt: Date | null): Promise<void> {
    await sql(tx)('users').where({ tenant_id: tenantId, id: userId }).update({ failed_logins: failedLogins, next_attempt_at: nextAttemptAt });
  }
  async resetLoginFailures(tx: Tx, tenantId: string, userId: string): Promise<void> {
    await sql(tx)('users').where({ tenant_id: tenantId, id: userId }).update({ failed_logins: 0, next_attempt_at: null });
  }
  async setPassword(tx: Tx, tenantId: string, userId: string, passwordHash: string, at: Date): Promise<void> {
    await sql(tx)('users').where({ tenant_id: tenantId, id: userId }).update({ password_hash: passwordHash, password_changed_at: at, failed_logins: 0, next_attempt_at: null });
  }
}
