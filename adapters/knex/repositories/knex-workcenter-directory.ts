// The little of the organisation and of the inquiries the work center reads: firms, their time zone, users,
// and the owned inquiries whose planned follow-up falls in a window (the follow-up reminders).
import type { Tx } from '../../../core/shared/ports.js';
import type { DirectoryUser, FollowUpDue, FollowUpDueSource, WorkcenterDirectory } from '../../../core/workcenter/ports.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class KnexWorkcenterDirectory implements WorkcenterDirectory, FollowUpDueSource {
  async tenantIds(tx: Tx): Promise<string[]> {
    return (await sql(tx)('tenants').orderBy('id').select('id')).map((r: Row) => r.id as string);
  }

  async timeZone(tx: Tx, tenantId: string): Promise<string> {
    const r = await sql(tx)('tenants').where({ id: tenantId }).first('time_zone');
    return (r?.time_zone as string | undefined) ?? 'Asia/Shanghai';
  }

  async users(tx: Tx, tenantId: string, ids: readonly string[]): Promise<DirectoryUser[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const valid = unique.filter((id) => UUID.test(id));
    if (valid.length === 0) return [];
    const rows = await sql(tx)('users').where({ tenant_id: tenantId }).whereIn('id', valid).select('id', 'name', 'department_id', 'active');
    return rows.map((r: Row) => ({ id: r.id, name: r.name, departmentId: r.department_id, active: r.active }));
  }

  async orderOwners(tx: Tx, tenantId: string, orderIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(orderIds)].filter((id) => UUID.test(id));
    if (ids.length === 0) return new Map();
    const rows = await sql(tx)('orders').where({ tenant_id: tenantId }).whereIn('id', ids).select('id', 'owner_id');
    return new Map(rows.map((r: Row) => [r.id as string, r.owner_id as string]));
  }

  async followUpsDue(tx: Tx, tenantId: string, from: Date, to: Date, limit: number): Promise<FollowUpDue[]> {
    const rows = await sql(tx)('inquiries')
      .where({ tenant_id: tenantId })
      .whereIn('lifecycle', ['inquiry', 'prospect', 'customer'])
      .whereNull('merged_into_id')
      .whereNotNull('owner_id')
      .andWhere('next_follow_up_at', '>', from)
      .andWhere('next_follow_up_at', '<=', to)
      .orderBy([{ column: 'next_follow_up_at' }, { column: 'id' }])
      .limit(limit)
      .select('id', 'owner_id', 'company_name', 'contact_name', 'next_follow_up_at');
    return rows.map((r: Row) => ({
      tenantId, inquiryId: r.id, ownerId: r.owner_id, companyName: r.company_name, contactName: r.contact_name, nextFollowUpAt: r.next_follow_up_at,
    }));
  }
}
