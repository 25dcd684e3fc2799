// Key rotation, step two: after a new key became current, seal every stored value of a column again under it.
// Batches of rows, each batch in its own transaction, keyset-paged by (tenant_id, id), so it can run while
// the system serves requests and be resumed after an interruption.
import type { Knex } from 'knex';
import type { AesGcmCipher } from './aes-gcm-cipher.js';

export interface ReencryptTarget {
  readonly table: string;
  /** Columns holding sealed values (null allowed). */
  readonly columns: readonly string[];
  readonly batchSize?: number;
}

/** Re-seals every value of the columns not sealed under the current key; returns how many values changed. */
export async function reencryptColumns(knex: Knex, cipher: AesGcmCipher, target: ReencryptTarget): Promise<number> {
  const batchSize = target.batchSize ?? 500;
  const current = `v1:${cipher.currentKeyId.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`; // '_' is a LIKE wildcard
  let after: { tenant_id: string; id: string } | null = null;
  let changed = 0;
  for (;;) {
    const rows: Record<string, any>[] = await knex(target.table)
      .where((q) => { for (const c of target.columns) q.orWhere((w) => w.whereNotNull(c).andWhereNot(c, 'like', current)); })
      .modify((q) => { if (after) q.andWhereRaw('(tenant_id, id) > (?, ?)', [after.tenant_id, after.id]); })
      .orderBy([{ column: 'tenant_id' }, { column: 'id' }])
      .limit(batchSize)
      .select('tenant_id', 'id', ...target.columns);
    if (rows.length === 0) return changed;
    await knex.transaction(async (trx) => {
      for (const row of rows) {
        const update: Record<string, string> = {};
        for (const c of target.columns) {
          const v = row[c] as string | null;
          const next = v === null ? null : cipher.reencrypt(v);
          if (next !== null) update[c] = next;
        }
        if (Object.keys(update).length) {
          await trx(target.table).where({ tenant_id: row.tenant_id, id: row.id }).update(update);
          changed += Object.keys(update).length;
        }
      }
    });
    const last = rows[rows.length - 1] as Record<string, any>;
    after = { tenant_id: last.tenant_id, id: last.id };
  }
}
