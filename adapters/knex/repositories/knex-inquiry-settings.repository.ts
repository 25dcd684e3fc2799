// A tenant's inquiry settings: one versioned JSON document per tenant (defaults while it has none), read
// together with the tenant's time zone; whether duplicates are allowed lives in tenants.settings, where the
// organisation area declares it (TenantSettings.allowDuplicateMobiles), and only that key is written there.
import type { Clock, Tx } from '../../../core/shared/ports.js';
import type { InquirySettingsRepository } from '../../../core/inquiries/ports.js';
import { DEFAULT_INQUIRY_SETTINGS } from '../../../core/inquiries/settings.js';
import type { InquirySettings, TenantInquirySettings } from '../../../core/inquiries/types.js';
import { sql } from '../unit-of-work.js';

export class KnexInquirySettingsRepository implements InquirySettingsRepository {
  constructor(private readonly clock: Clock) {}

  async load(tx: Tx, tenantId: string, _options?: { fresh?: boolean }): Promise<TenantInquirySettings | null> {
    const r = await sql(tx)('tenants as t')
      .leftJoin('inquiry_settings as s', 's.tenant_id', 't.id')
      .where('t.id', tenantId)
      .first('t.time_zone', 't.settings as tenant_settings', 's.settings', 's.version');
    if (!r) return null;
    const doc = (r.settings ?? {}) as Partial<InquirySettings>;
    const settings: InquirySettings = {
      grading: doc.grading ?? DEFAULT_INQUIRY_SETTINGS.grading,
      pools: { ...DEFAULT_INQUIRY_SETTINGS.pools, ...(doc.pools ?? {}) },
      dictionaries: { ...DEFAULT_INQUIRY_SETTINGS.dictionaries, ...(doc.dictionaries ?? {}) },
      cannedPhrases: doc.cannedPhrases ?? DEFAULT_INQUIRY_SETTINGS.cannedPhrases,
      allowDuplicateMobiles: r.tenant_settings?.allowDuplicateMobiles === true,
      version: r.version ?? 0,
    };
    return { settings, timeZone: r.time_zone };
  }

  async save(tx: Tx, tenantId: string, s: InquirySettings, actorId: string): Promise<boolean> {
    const db = sql(tx);
    const doc = JSON.stringify({ grading: s.grading, pools: s.pools, dictionaries: s.dictionaries, cannedPhrases: s.cannedPhrases });
    const now = this.clock.now();
    let saved: boolean;
    if (s.version === 1) {
      const rows = await db('inquiry_settings')
        .insert({ tenant_id: tenantId, settings: doc, version: 1, updated_by: actorId, updated_at: now })
        .onConflict('tenant_id')
        .ignore()
        .returning('tenant_id');
      saved = rows.length === 1;
    } else {
      const n = await db('inquiry_settings').where({ tenant_id: tenantId, version: s.version - 1 }).update({ settings: doc, version: s.version, updated_by: actorId, updated_at: now });
      saved = n === 1;
    }
    if (saved) {
      await db('tenants').where({ id: tenantId }).update({ settings: db.raw(`settings || jsonb_build_object('allowDuplicateMobiles', ?::boolean)`, [s.allowDuplicateMobiles]) });
    }
    return saved;
  }

  async tenantIds(tx: Tx): Promise<string[]> {
    return (await sql(tx)('tenants').orderBy('id').select('id')).map((r: { id: string }) => r.id);
  }
}
