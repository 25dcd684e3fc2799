// The firm's checklist settings (资料到期提醒提前天数) in PostgreSQL/PGlite.
import type { Tx } from '../../../core/shared/ports.js';
import type { ChecklistSettings, ChecklistSettingsRepository } from '../../../core/checklists/index.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

export class KnexChecklistSettingsRepository implements ChecklistSettingsRepository {
  async get(tx: Tx, tenantId: string): Promise<ChecklistSettings | null> {
    const r: Row | undefined = await sql(tx)('checklist_settings').where({ tenant_id: tenantId }).first();
    return r ? { reminderDaysBefore: r.reminder_days_before, version: r.version } : null;
  }

  async save(tx: Tx, tenantId: string, s: ChecklistSettings, by: string, at: Date): Promise<boolean> {
    const row = { reminder_days_before: s.reminderDaysBefore, version: s.version, updated_by: by, updated_at: at };
    if (s.version === 1) {
      const inserted = await sql(tx)('checklist_settings').insert({ tenant_id: tenantId, ...row }).onConflict('tenant_id').ignore().returning('tenant_id');
      return inserted.length === 1;
    }
    return (await sql(tx)('checklist_settings').where({ tenant_id: tenantId, version: s.version - 1 }).update(row)) === 1;
  }
}
