// Bearer tokens by (tenant, digest); resolving one returns tenant, user and roles in a single query,
// because it runs on every request.
import type { Tx } from '../../../core/shared/ports.js';
import type { ResolvedToken, TokenRepository } from '../../../core/organisation/ports.js';
import { sql } from '../unit-of-work.js';
import { toRole, toTenant, toUser } from './knex-organisation.repository.js';

const RESOLVE = `
select t.expires_at,
  row_to_json(tn) as tenant,
  row_to_json(u) as "user",
  coalesce((select json_agg(json_build_object('tenant_id', r.tenant_id, 'id', r.id, 'code', r.code, 'name', r.name,
      'permissions', r.permissions, 'data_scope', r.data_scope))
    from user_roles ur join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
    where ur.tenant_id = u.tenant_id and ur.user_id = u.id), '[]'::json) as roles
from auth_tokens t
join users u on u.tenant_id = t.tenant_id and u.id = t.user_id
join tenants tn on tn.id = t.tenant_id
where t.tenant_id = ? and t.token_hash = ? and t.revoked_at is null and t.expires_at > ?`;

export class KnexTokenRepository implements TokenRepository {
  async insert(tx: Tx, tenantId: string, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
    await sql(tx)('auth_tokens').insert({ tenant_id: tenantId, token_hash: tokenHash, user_id: userId, expires_at: expiresAt });
  }

  async resolve(tx: Tx, tenantId: string, tokenHash: string, now: Date): Promise<ResolvedToken | null> {
    const res = await sql(tx).raw(RESOLVE, [tenantId, tokenHash, now]);
    const r = res.rows[0];
    if (!r) return null;
    const roles = (r.roles as Record<string, unknown>[]).map(toRole);
    const tenant = toTenant({ ...r.tenant, created_at: new Date(r.tenant.created_at) });
    const user = toUser({ ...r.user, created_at: new Date(r.user.created_at), role_codes: roles.map((x) => x.code).sort() });
    return { tenant, user, roles, expiresAt: r.expires_at };
  }

  async revoke(tx: Tx, tenantId: string, tokenHash: string, at: Date): Promise<void> {
    await sql(tx)('auth_tokens').where({ tenant_id: tenantId, token_hash: tokenHash }).whereNull('revoked_at').update({ revoked_at: at });
  }

  async revokeAllForUser(tx: Tx, tenantId: string, userId: string, at: Date): Promise<number> {
    return sql(tx)('auth_tokens').where({ tenant_id: tenantId, user_id: userId }).whereNull('revoked_at').update({ revoked_at: at });
  }
}
