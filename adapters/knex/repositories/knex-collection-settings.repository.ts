// The tenant's collection settings (dictionaries and rules) in PostgreSQL/PGlite.
import type { Tx } from '../../../core/shared/ports.js';
import type { CollectionSettingsRepository } from '../../../core/collections/ports.js';
import type { CollectionSettings } from '../../../core/collections/types.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

export class KnexCollectionSettingsRepository implements CollectionSettingsRepository {
  async get(tx: Tx, tenantId: string): Promise<CollectionSettings | null> {
    const r: Row | undefined = await sql(tx)('collection_settings').where({ tenant_id: tenantId }).first();
    if (!r) return null;
    return {
      paymentMethods: r.payment_methods, receiptTypes: r.receipt_types, allowOverpayment: r.allow_overpayment === true,
      requireInvoicedToClose: r.require_invoiced_to_close === true, reminderDaysBefore: r.reminder_days_before, version: r.version,
    };
  }

  async save(tx: Tx, tenantId: string, s: CollectionSettings, by: string, at: Date): Promise<boolean> {
    const row = {
      payment_methods: JSON.stringify(s.paymentMethods), receipt_types: JSON.stringify(s.receiptTypes), allow_overpayment: s.allowOverpayment,
      require_invoiced_to_close: s.requireInvoicedToClose, reminder_days_before: s.reminderDaysBefore, version: s.version, updated_by: by, updated_at: at,
    };
    if (s.version === 1) {
      const inserted = await sql(tx)('collection_settings').insert({ tenant_id: tenantId, ...row }).onConflict('tenant_id').ignore().returning('tenant_id');
      return inserted.length === 1;
    }
    return (await sql(tx)('collection_settings').where({ tenant_id: tenantId, version: s.version - 1 }).update(row)) === 1;
  }
}
