// The tenant's order settings (stages, required profile fields) and the guards' contributed facts, read from
// the order_guard_facts view (202611262302_order_amounts).
import type { Tx } from '../../../core/shared/ports.js';
import type { OrderSettingsRepository } from '../../../core/orders/ports.js';
import type { ContributedOrderFacts, OrderFacts } from '../../../core/orders/order-facts.js';
import { NO_CONTRIBUTED_FACTS } from '../../../core/orders/order-facts.js';
import type { OrderSettings } from '../../../core/orders/types.js';
import { sql } from '../unit-of-work.js';
import { prepared } from '../hot-query.js';

type Row = Record<string, any>;

export class KnexOrderSettingsRepository implements OrderSettingsRepository {
  async get(tx: Tx, tenantId: string): Promise<OrderSettings | null> {
    const r: Row | undefined = await sql(tx)('order_settings').where({ tenant_id: tenantId }).first();
    if (!r) return null;
    return { pipeline: r.pipeline, preset: r.preset ?? null, requiredProfileFields: r.required_profile_fields, version: r.version };
  }

  async save(tx: Tx, tenantId: string, s: OrderSettings, by: string, at: Date): Promise<boolean> {
    const row = {
      pipeline: JSON.stringify(s.pipeline), preset: s.preset, required_profile_fields: JSON.stringify(s.requiredProfileFields),
      version: s.version, updated_by: by, updated_at: at,
    };
    if (s.version === 1) {
      const inserted = await sql(tx)('order_settings').insert({ tenant_id: tenantId, ...row }).onConflict('tenant_id').ignore().returning('tenant_id');
      return inserted.length === 1;
    }
    const n = await sql(tx)('order_settings').where({ tenant_id: tenantId, version: s.version - 1 }).update(row);
    return n === 1;
  }
}

export class KnexOrderFacts implements OrderFacts {
  async load(tx: Tx, tenantId: string, orderId: string): Promise<ContributedOrderFacts> {
    const db = sql(tx);
    const r: Row | undefined = await prepared(db, 'order_guard_facts', db('order_guard_facts').where({ tenant_id: tenantId, order_id: orderId }).first());
    if (!r) return NO_CONTRIBUTED_FACTS;
    return {
      matchedProductCount: Number(r.matched_product_count),
      internalReviewApproved: r.internal_review_approved === true,
      fullyCollected: r.fully_collected === true,
      closeApproved: r.close_approved === true,
    };
  }
}
