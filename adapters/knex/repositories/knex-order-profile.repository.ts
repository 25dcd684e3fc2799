// Enterprise profiles (企业信息) in PostgreSQL/PGlite: sealed values in, sealed values out (core opens them),
// and 查重 by tax id, company name key and the blind indexes of the ID number and bank card.
import type { Tx } from '../../../core/shared/ports.js';
import type { ProfileDuplicateQuery, ProfileDuplicateRow, ProfileMatchField, ProfileRepository } from '../../../core/orders/ports.js';
import type { MaritalStatus, StoredProfile } from '../../../core/orders/types.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

const toProfile = (r: Row): StoredProfile => ({
  tenantId: r.tenant_id, orderId: r.order_id, taxId: r.tax_id, legalPersonName: r.legal_person_name, legalPersonMobile: r.legal_person_mobile,
  residentIdSealed: r.resident_id_sealed, residentIdIndex: r.resident_id_index, bankCardSealed: r.bank_card_sealed, bankCardIndex: r.bank_card_index,
  bankCardLuhnConfirmed: r.bank_card_luhn_confirmed, bankBranch: r.bank_branch, homeAddress: r.home_address,
  maritalStatus: (r.marital_status ?? null) as MaritalStatus | null, taxSecretsSealed: r.tax_secrets_sealed, contactName: r.contact_name,
  contactRelationship: r.contact_relationship, updatedBy: r.updated_by, updatedAt: r.updated_at,
});

export class KnexProfileRepository implements ProfileRepository {
  async get(tx: Tx, tenantId: string, orderId: string): Promise<StoredProfile | null> {
    const r = await sql(tx)('order_profiles').where({ tenant_id: tenantId, order_id: orderId }).first();
    return r ? toProfile(r) : null;
  }

  async save(tx: Tx, p: StoredProfile): Promise<void> {
    const row = {
      tenant_id: p.tenantId, order_id: p.orderId, tax_id: p.taxId, legal_person_name: p.legalPersonName, legal_person_mobile: p.legalPersonMobile,
      resident_id_sealed: p.residentIdSealed, resident_id_index: p.residentIdIndex, bank_card_sealed: p.bankCardSealed, bank_card_index: p.bankCardIndex,
      bank_card_luhn_confirmed: p.bankCardLuhnConfirmed, bank_branch: p.bankBranch, home_address: p.homeAddress, marital_status: p.maritalStatus,
      tax_secrets_sealed: p.taxSecretsSealed, contact_name: p.contactName, contact_relationship: p.contactRelationship,
      updated_by: p.updatedBy, updated_at: p.updatedAt,
    };
    await sql(tx)('order_profiles').insert(row).onConflict(['tenant_id', 'order_id']).merge();
  }

  async duplicates(tx: Tx, tenantId: string, query: ProfileDuplicateQuery): Promise<ProfileDuplicateRow[]> {
    const db = sql(tx);
    const tests: [ProfileMatchField, string, string][] = [];
    if (query.taxId) tests.push(['taxId', 'p.tax_id = ?', query.taxId]);
    if (query.companyKey) tests.push(['companyName', 'o.company_key = ?', query.companyKey]);
    if (query.residentIdIndex) tests.push(['legalPersonIdNumber', 'p.resident_id_index = ?', query.residentIdIndex]);
    if (query.bankCardIndex) tests.push(['bankCard', 'p.bank_card_index = ?', query.bankCardIndex]);
    if (tests.length === 0) return [];
    const q = db('orders as o')
      .leftJoin('order_profiles as p', (j) => j.on('p.tenant_id', 'o.tenant_id').andOn('p.order_id', 'o.id'))
      .leftJoin('users as u', (j) => j.on('u.tenant_id', 'o.tenant_id').andOn('u.id', 'o.owner_id'))
      .where('o.tenant_id', tenantId)
      .andWhere((w) => {
        for (const [, clause, value] of tests) w.orWhereRaw(clause, [value]);
      })
      .select('o.id', 'o.title', 'o.company_name', 'o.owner_id', 'o.department_id', 'o.handler_id', 'o.stage_key', 'u.name as owner_name')
      .select(tests.map(([field, clause, value]) => db.raw(`(${clause}) as ??`, [value, `m_${field}`])))
      .orderBy([{ column: 'o.created_at', order: 'desc' }, { column: 'o.id', order: 'desc' }])
      .limit(20);
    if (query.excludeOrderId) q.andWhereNot('o.id', query.excludeOrderId);
    return (await q).map((r: Row) => ({
      orderId: r.id, title: r.title, companyName: r.company_name, ownerId: r.owner_id, ownerName: r.owner_name ?? null, departmentId: r.department_id,
      handlerId: r.handler_id, stageKey: r.stage_key, matchedOn: tests.map(([f]) => f).filter((f) => r[`m_${f}`] === true),
    }));
  }
}
