// Bearer tokens by (tenant, digest). Every request checks its token with two primary-key reads; the full
// resolve (tenant, user, roles) runs only when the actor is not cached.
import type { Tx } from '../../../core/shared/ports.js';
import type { ResolvedToken, TokenRepository } from '../../../core/organisation/ports.js';
import { sql } from '../unit-of-work.js';
import { hotQuery } from '../hot-query.js';
import { toRole, toTenant, toUser } from './knex-organisation.repository.js';

const RESOLVE = `
select t.expires_at, u.id, u.name, u.mobile, u.department_id, u.active, u.version, u.created_at,
  tn.name as tenant_name, tn.time_zone, tn.settings, tn.created_at as tenant_created_at,
  (select jsonb_agg(jsonb_build_object('id', r.id, 'code', r.code, 'name', r.name, 'permissions', r.permissions, 'data_scope', r.data_scope))
    from user_roles ur join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
    where ur.tenant_id = t.tenant_id and ur.user_id = t.user_id) as roles
from auth_tokens t
join users u on u.tenant_id = t.tenant_id and u.id = t.user_id
join tenants tn on tn.id = t.tenant_id
where t.tenant_id = $1 and t.token_hash = $2 and t.revoked_at is null and t.expires_at > $3`;

const CHECK = `
select t.user_id, u.version from auth_tokens t join users u on u.tenant_id = t.tenant_id and u.id = t.user_id
where t.tenant_id = $1 and t.token_hash = $2 and t.revoked_at is null and t.expires_at > $3 and u.active`;

export class KnexTokenRepository implements TokenRepository {
  async check(tx: Tx, tenantId: string, tokenHash: string, now: Date): Promise<{ userId: string; userVersion: number } | null> {
    const [r] = await hotQuery(sql(tx), 'yunzhou_check_token', CHECK, [tenantId, tokenHash, now]);
    return r ? { userId: r.user_id, userVersion: r.version } : null;
  }

  async insert(tx: Tx, tenantId: string, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
    await sql(tx)('auth_tokens').insert({ tenant_id: tenantId, token_hash: tokenHash, user_id: userId, expires_at: expiresAt });
  }

  async resolve(tx: Tx, tenantId: string, tokenHash: string, now: Date): Promise<ResolvedToken | null> {
    const [r] = await hotQuery(sql(tx), 'yunzhou_resolve_token', RESOLVE, [tenantId, tokenHash, now]);
    if (!r) return null;
    const roles = ((r.roles ?? []) as Record<string, unknown>[]).map((x) => toRole({ ...x, tenant_id: tenantId }));
    const tenant = toTenant({ id: tenantId, name: r.tenant_name, time_zone: r.time_zone, settings: r.settings, created_at: r.tenant_created_at });
    const user = toUser({ ...r, tenant_id: tenantId, role_codes: roles.map((x) => x.code).sort() });
    return { tenant, user, roles, expiresAt: r.expires_at };
  }

  async revoke(tx: Tx, tenantId: string, tokenHash: string, at: Date): Promise<void> {
    await sql(tx)('auth_tokens').where({ tenant_id: tenantId, token_hash: tokenHash }).whereNull('revoked_at').update({ revoked_at: at });
  }

  async revokeAllForUser(tx: Tx, tenantId: string, userId: string, at: Date): Promise<number> {
    return sql(tx)('auth_tokens').where({ tenant_id: tenantId, user_id: userId }).whereNull('revoked_at').update({ revoked_at: at });
  }
}
