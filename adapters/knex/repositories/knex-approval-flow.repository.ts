// Approval flows and their versions in PostgreSQL/PGlite. Every query names the tenant.
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import type { BusinessType, FlowDefinition } from '../../../core/approvals/flow-definition.js';
import type { ApprovalFlowRepository, FlowListFilter, FlowVersionInfo, StoredFlow } from '../../../core/approvals/ports.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

const toStored = (r: Row): StoredFlow => ({
  flow: r.definition as FlowDefinition,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

function current(db: Knex, tenantId: string): Knex.QueryBuilder {
  return db('approval_flows as f')
    .join('approval_flow_versions as v', (j) => j.on('v.tenant_id', 'f.tenant_id').andOn('v.flow_id', 'f.id').andOn('v.version', 'f.current_version'))
    .where('f.tenant_id', tenantId)
    .select('f.*', 'v.definition');
}

export class KnexApprovalFlowRepository implements ApprovalFlowRepository {
  async insert(tx: Tx, flow: FlowDefinition, by: string, at: Date): Promise<boolean> {
    const db = sql(tx);
    // ON CONFLICT DO NOTHING: a duplicate active flow must not abort the caller's transaction.
    const rows = await db('approval_flows')
      .insert({ tenant_id: flow.tenantId, id: flow.id, business_type: flow.businessType, current_version: flow.version, created_at: at, updated_at: at, updated_by: by })
      .onConflict()
      .ignore()
      .returning('id');
    if (rows.length === 0) return false;
    await this.insertVersion(db, flow, by, at);
    return true;
  }

  async saveVersion(tx: Tx, flow: FlowDefinition, by: string, at: Date): Promise<boolean> {
    const db = sql(tx);
    const n = await db('approval_flows')
      .where({ tenant_id: flow.tenantId, id: flow.id, current_version: flow.version - 1 })
      .whereNull('archived_at')
      .update({ current_version: flow.version, updated_at: at, updated_by: by });
    if (n !== 1) return false;
    await this.insertVersion(db, flow, by, at);
    return true;
  }

  private async insertVersion(db: Knex, flow: FlowDefinition, by: string, at: Date): Promise<void> {
    await db('approval_flow_versions').insert({
      tenant_id: flow.tenantId, flow_id: flow.id, version: flow.version, name: flow.name, definition: JSON.stringify(flow), created_by: by, created_at: at,
    });
  }

  async archive(tx: Tx, tenantId: string, id: string, version: number, by: string, at: Date): Promise<boolean> {
    const n = await sql(tx)('approval_flows')
      .where({ tenant_id: tenantId, id, current_version: version })
      .whereNull('archived_at')
      .update({ archived_at: at, archived_by: by, updated_at: at, updated_by: by });
    return n === 1;
  }

  async get(tx: Tx, tenantId: string, id: string): Promise<StoredFlow | null> {
    const r = await current(sql(tx), tenantId).andWhere('f.id', id).first();
    return r ? toStored(r) : null;
  }

  async versions(tx: Tx, tenantId: string, id: string): Promise<FlowVersionInfo[]> {
    const rows = await sql(tx)('approval_flow_versions as v')
      .leftJoin('users as u', (j) => j.on('u.tenant_id', 'v.tenant_id').andOn('u.id', 'v.created_by'))
      .where({ 'v.tenant_id': tenantId, 'v.flow_id': id })
      .orderBy('v.version', 'desc')
      .select('v.version', 'v.name', 'v.created_at', 'v.created_by', 'u.name as created_by_name');
    return rows.map((r: Row) => ({ version: r.version, name: r.name, createdAt: r.created_at, createdBy: r.created_by, createdByName: r.created_by_name }));
  }

  async getVersion(tx: Tx, tenantId: string, id: string, version: number): Promise<FlowDefinition | null> {
    const r = await sql(tx)('approval_flow_versions').where({ tenant_id: tenantId, flow_id: id, version }).first('definition');
    return r ? (r.definition as FlowDefinition) : null;
  }

  async list(tx: Tx, tenantId: string, filter: FlowListFilter): Promise<StoredFlow[]> {
    const q = current(sql(tx), tenantId).orderBy([{ column: 'f.business_type' }, { column: 'f.created_at' }]);
    if (filter.businessType) q.andWhere('f.business_type', filter.businessType);
    if (!filter.includeArchived) q.whereNull('f.archived_at');
    return (await q).map(toStored);
  }

  async activeFor(tx: Tx, tenantId: string, businessType: BusinessType): Promise<FlowDefinition | null> {
    const r = await current(sql(tx), tenantId).andWhere('f.business_type', businessType).whereNull('f.archived_at').first();
    return r ? (r.definition as FlowDefinition) : null;
  }
}
