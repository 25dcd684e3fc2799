// The product categories of an order's lines (选择产品), read for the approval conditions of 订单内审
// (e.g. "product category is 企业经营性抵押贷"). Read-only over the products area's tables.
import type { Tx } from '../../../core/shared/ports.js';
import type { OrderProductCategories } from '../../../core/orders/order-review-subject.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

export class KnexOrderProductCategories implements OrderProductCategories {
  async of(tx: Tx, tenantId: string, orderId: string): Promise<{ code: string; name: string }[]> {
    const rows: Row[] = await sql(tx)('order_lines as l')
      .join('products as p', (j) => j.on('p.tenant_id', 'l.tenant_id').andOn('p.id', 'l.product_id'))
      .join('product_categories as c', (j) => j.on('c.tenant_id', 'p.tenant_id').andOn('c.code', 'p.category_code'))
      .where({ 'l.tenant_id': tenantId, 'l.order_id': orderId })
      .distinct('c.code', 'c.name', 'c.sort_order')
      .orderBy(['c.sort_order', 'c.code']);
    return rows.map((r) => ({ code: r.code as string, name: r.name as string }));
  }
}
