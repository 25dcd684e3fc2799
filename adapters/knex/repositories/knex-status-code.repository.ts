// Query-code digests of orders and the counters of wrong answers on the public status page. The counters are
// rows updated by one atomic upsert each, so several server processes count together.
import type { Tx } from '../../../core/shared/ports.js';
import type { StatusCodeRepository } from '../../../core/products/ports.js';
import type { FailureCounter } from '../../../core/products/status-code.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

/** Counters whose window ended this long ago are deleted. */
const SWEEP_AFTER_MS = 24 * 60 * 60 * 1000;

export class KnexStatusCodeRepository implements StatusCodeRepository {
  async saveCode(tx: Tx, tenantId: string, orderId: string, digest: string, actorId: string, at: Date): Promise<void> {
    await sql(tx)('order_status_codes')
      .insert({ tenant_id: tenantId, order_id: orderId, code_digest: digest, issued_at: at, issued_by: actorId })
      .onConflict(['tenant_id', 'order_id'])
      .merge(['code_digest', 'issued_at', 'issued_by']);
  }

  async codeIssuedAt(tx: Tx, tenantId: string, orderId: string): Promise<Date | null> {
    const r = await sql(tx)('order_status_codes').where({ tenant_id: tenantId, order_id: orderId }).first('issued_at');
    return r ? (r.issued_at as Date) : null;
  }

  async findByDigest(tx: Tx, digest: string): Promise<{ tenantId: string; orderId: string } | null> {
    const r = await sql(tx)('order_status_codes').where({ code_digest: digest }).first('tenant_id', 'order_id');
    return r ? { tenantId: r.tenant_id as string, orderId: r.order_id as string } : null;
  }

  async failureCounters(tx: Tx, keys: readonly string[]): Promise<Map<string, FailureCounter>> {
    const rows = await sql(tx)('status_lookup_failures').whereIn('key', [...keys]);
    return new Map(rows.map((r: Row) => [r.key as string, { failures: r.failures as number, windowStartedAt: r.window_started_at as Date }]));
  }

  async recordFailure(tx: Tx, keys: readonly string[], now: Date, windowSeconds: Readonly<Record<string, number>>): Promise<void> {
    const db = sql(tx);
    for (const key of keys) {
      const seconds = windowSeconds[key] ?? 0;
      await db.raw(
        `insert into status_lookup_failures as f (key, failures, window_started_at) values (?, 1, ?)
         on conflict (key) do update set
           failures = case when f.window_started_at + make_interval(secs => ?) <= excluded.window_started_at then 1 else f.failures + 1 end,
           window_started_at = case when f.window_started_at + make_interval(secs => ?) <= excluded.window_started_at then excluded.window_started_at else f.window_started_at end`,
        [key, now, seconds, seconds],
      );
    }
    await db('status_lookup_failures').where('window_started_at', '<', new Date(now.getTime() - SWEEP_AFTER_MS)).delete();
  }
}
