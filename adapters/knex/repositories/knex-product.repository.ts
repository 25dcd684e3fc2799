// The product catalogue in PostgreSQL/PGlite. Every query names the tenant.
import type { Knex } from 'knex';
import { domainError } from '../../../core/shared/domain-error.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../../core/shared/pagination.js';
import type { Tx } from '../../../core/shared/ports.js';
import type { CategoryWithCount, ProductListFilter, ProductRepository, StoredProduct } from '../../../core/products/ports.js';
import type { ProductCategory } from '../../../core/products/product-category.js';
import type { ProductData } from '../../../core/products/product.js';
import type { FeeRule } from '../../../core/fees/index.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

export const toProduct = (r: Row): StoredProduct => ({
  tenantId: r.tenant_id,
  id: r.id,
  number: r.number,
  name: r.name,
  categoryCode: r.category_code,
  institution: r.institution,
  defaultServiceFeeFen: r.default_service_fee_fen,
  amountFen: { min: r.amount_min_fen, max: r.amount_max_fen },
  termMonths: { min: r.term_min_months, max: r.term_max_months },
  annualRatePercent: { min: r.rate_min_percent, max: r.rate_max_percent },
  repaymentMethods: r.repayment_methods,
  requiredDocuments: r.required_documents,
  active: r.active,
  requirements: r.requirements,
  feeRule: r.fee_rule ?? null,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function columns(d: ProductData): Row {
  return {
    number: d.number,
    name: d.name,
    category_code: d.categoryCode,
    institution: d.institution,
    default_service_fee_fen: d.defaultServiceFeeFen,
    amount_min_fen: d.amountFen.min,
    amount_max_fen: d.amountFen.max,
    term_min_months: d.termMonths.min,
    term_max_months: d.termMonths.max,
    rate_min_percent: d.annualRatePercent.min,
    rate_max_percent: d.annualRatePercent.max,
    repayment_methods: JSON.stringify(d.repaymentMethods),
    required_documents: JSON.stringify(d.requiredDocuments),
    requirements: JSON.stringify(d.requirements),
    active: d.active,
  };
}

const numberTaken = (n: number) =>
  domainError('product.number_taken', 'conflict', `产品编号 ${n} 已被使用`, `Product number ${n} is taken`, { number: n });

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
}

// LIKE patterns treat % and _ as wildcards; a keyword is matched literally.
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class KnexProductRepository implements ProductRepository {
  async listCategories(tx: Tx, tenantId: string): Promise<CategoryWithCount[]> {
    const rows = await sql(tx)('product_categories as c')
      .where('c.tenant_id', tenantId)
      .select('c.code', 'c.name', 'c.sort_order', sql(tx).raw('(select count(*) from products p where p.tenant_id = c.tenant_id and p.category_code = c.code)::int as product_count'))
      .orderBy([{ column: 'c.sort_order' }, { column: 'c.code' }]);
    return rows.map((r: Row) => ({ code: r.code, name: r.name, sortOrder: r.sort_order, productCount: Number(r.product_count) }));
  }

  async categoryCodes(tx: Tx, tenantId: string): Promise<string[]> {
    return (await sql(tx)('product_categories').where('tenant_id', tenantId).orderBy([{ column: 'sort_order' }, { column: 'code' }]).select('code')).map((r: Row) => r.code as string);
  }

  async insertCategories(tx: Tx, tenantId: string, categories: readonly ProductCategory[]): Promise<void> {
    if (categories.length === 0) return;
    await sql(tx)('product_categories')
      .insert(categories.map((c) => ({ tenant_id: tenantId, code: c.code, name: c.name, sort_order: c.sortOrder })))
      .onConflict(['tenant_id', 'code'])
      .ignore();
  }

  async insertCategory(tx: Tx, tenantId: string, c: ProductCategory): Promise<boolean> {
    const rows = await sql(tx)('product_categories')
      .insert({ tenant_id: tenantId, code: c.code, name: c.name, sort_order: c.sortOrder })
      .onConflict(['tenant_id', 'code'])
      .ignore()
      .returning('code');
    return rows.length === 1;
  }

  async updateCategory(tx: Tx, tenantId: string, c: ProductCategory): Promise<boolean> {
    const n = await sql(tx)('product_categories').where({ tenant_id: tenantId, code: c.code }).update({ name: c.name, sort_order: c.sortOrder });
    return n === 1;
  }

  async insertProduct(tx: Tx, tenantId: string, id: string, data: ProductData, at: Date): Promise<StoredProduct> {
    try {
      const [row] = await sql(tx)('products')
        .insert({ tenant_id: tenantId, id, ...columns(data), version: 1, created_at: at, updated_at: at })
        .returning('*');
      return toProduct(row as Row);
    } catch (e) {
      if (isUniqueViolation(e)) throw numberTaken(data.number);
      throw e;
    }
  }

  async updateProduct(tx: Tx, tenantId: string, id: string, data: ProductData, expectedVersion: number, at: Date): Promise<StoredProduct | null> {
    try {
      const rows = await sql(tx)('products')
        .where({ tenant_id: tenantId, id, version: expectedVersion })
        .update({ ...columns(data), version: expectedVersion + 1, updated_at: at })
        .returning('*');
      return rows[0] ? toProduct(rows[0] as Row) : null;
    } catch (e) {
      if (isUniqueViolation(e)) throw numberTaken(data.number);
      throw e;
    }
  }

  async saveFeeRule(tx: Tx, tenantId: string, id: string, rule: FeeRule | null, expectedVersion: number, at: Date): Promise<StoredProduct | null> {
    const rows = await sql(tx)('products')
      .where({ tenant_id: tenantId, id, version: expectedVersion })
      .update({ fee_rule: rule === null ? null : JSON.stringify(rule), version: expectedVersion + 1, updated_at: at })
      .returning('*');
    return rows[0] ? toProduct(rows[0] as Row) : null;
  }

  async deleteProduct(tx: Tx, tenantId: string, id: string): Promise<void> {
    await sql(tx)('products').where({ tenant_id: tenantId, id }).delete();
  }

  async getProduct(tx: Tx, tenantId: string, id: string): Promise<StoredProduct | null> {
    const r = await sql(tx)('products').where({ tenant_id: tenantId, id }).first();
    return r ? toProduct(r) : null;
  }

  async getProducts(tx: Tx, tenantId: string, ids: readonly string[]): Promise<StoredProduct[]> {
    if (ids.length === 0) return [];
    return (await sql(tx)('products').where('tenant_id', tenantId).whereIn('id', [...ids])).map(toProduct);
  }

  async productNumbers(tx: Tx, tenantId: string): Promise<number[]> {
    return (await sql(tx)('products').where('tenant_id', tenantId).select('number')).map((r: Row) => r.number as number);
  }

  async productIdByNumber(tx: Tx, tenantId: string, number: number): Promise<string | null> {
    const r = await sql(tx)('products').where({ tenant_id: tenantId, number }).first('id');
    return r ? (r.id as string) : null;
  }

  async listProducts(tx: Tx, tenantId: string, f: ProductListFilter, page: PageRequest): Promise<Page<StoredProduct>> {
    const db = sql(tx);
    const base = (): Knex.QueryBuilder => {
      const q = db('products as p')
        .join('product_categories as c', (j) => j.on('c.tenant_id', 'p.tenant_id').andOn('c.code', 'p.category_code'))
        .where('p.tenant_id', tenantId);
      if (f.categoryCode) q.andWhere('p.category_code', f.categoryCode);
      if (f.institution) q.andWhere('p.institution', f.institution);
      if (f.active !== undefined) q.andWhere('p.active', f.active);
      if (f.keyword) {
        const kw = f.keyword.trim();
        q.andWhere((w) => {
          w.whereRaw("p.name ilike ? escape '\\'", [`%${likeLiteral(kw)}%`]).orWhereRaw("p.institution ilike ? escape '\\'", [`%${likeLiteral(kw)}%`]);
          if (/^\d{1,9}$/.test(kw)) w.orWhere('p.number', Number(kw));
        });
      }
      return q;
    };
    const q = base().select('p.*', 'c.sort_order as category_sort').orderBy([{ column: 'c.sort_order' }, { column: 'p.number' }]).limit(page.limit + 1);
    if (page.cursor) {
      const [sort, number] = decodeCursor(page.cursor, 2);
      q.andWhereRaw('(c.sort_order, p.number) > (?::int, ?::int)', [sort ?? 0, number ?? 0]);
    }
    const rows = await q;
    const items = rows.slice(0, page.limit).map(toProduct);
    const lastRow = rows[page.limit - 1] as Row | undefined;
    const nextCursor = rows.length > page.limit && lastRow ? encodeCursor([lastRow.category_sort as number, lastRow.number as number]) : null;
    if (!page.withTotal) return { items, nextCursor };
    const c = await base().count<{ count: number }[]>('* as count');
    return { items, nextCursor, total: Number(c[0]?.count ?? 0) };
  }

  async activeProducts(tx: Tx, tenantId: string): Promise<StoredProduct[]> {
    return (await sql(tx)('products').where({ tenant_id: tenantId, active: true }).orderBy('number')).map(toProduct);
  }

  async institutions(tx: Tx, tenantId: string): Promise<string[]> {
    return (await sql(tx)('products').where('tenant_id', tenantId).distinct('institution').orderBy('institution')).map((r: Row) => r.institution as string);
  }

  async lineCount(tx: Tx, tenantId: string, productId: string): Promise<number> {
    const r = await sql(tx)('order_lines').where({ tenant_id: tenantId, product_id: productId }).count<{ count: number }[]>('* as count');
    return Number(r[0]?.count ?? 0);
  }
}
