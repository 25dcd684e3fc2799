// Who stands on an order when its receipt is confirmed (提成): the owner, who recorded the inquiry it came from
// (来源), the head of the order's department, and the category of its first product line. Read-only over the
// orders, inquiries, organisation and products tables.
import type { Tx } from '../../../core/shared/ports.js';
import type { OrderPeople, OrderPeopleQuery } from '../../../core/commissions/ports.js';
import { sql } from '../unit-of-work.js';

export class KnexOrderPeopleQuery implements OrderPeopleQuery {
  async of(tx: Tx, tenantId: string, orderId: string): Promise<OrderPeople | null> {
    const db = sql(tx);
    const row = await db('orders as o')
      .leftJoin('inquiries as i', (j) => j.on('i.tenant_id', 'o.tenant_id').andOn('i.id', 'o.inquiry_id'))
      .leftJoin('departments as d', (j) => j.on('d.tenant_id', 'o.tenant_id').andOn('d.id', 'o.department_id'))
      .where({ 'o.tenant_id': tenantId, 'o.id': orderId })
      .first('o.owner_id', 'i.created_by as source_id', 'd.head_user_id as head_id');
    if (!row) return null;
    const line = await db('order_lines as l')
      .join('products as p', (j) => j.on('p.tenant_id', 'l.tenant_id').andOn('p.id', 'l.product_id'))
      .where({ 'l.tenant_id': tenantId, 'l.order_id': orderId })
      .orderBy([{ column: 'l.position' }, { column: 'l.created_at' }, { column: 'l.id' }])
      .first('p.category_code');
    return { orderId, ownerId: row.owner_id, sourceId: row.source_id ?? null, headId: row.head_id ?? null, categoryCode: line?.category_code ?? '*' };
  }
}
