// An order's products and applications (order_lines), its line-set version and its matching facts. The orders
// area derives the receivable, disbursed amount and matched-product count from order_lines in its view
// order_product_totals, so those figures are never stored twice.
import type { Tx } from '../../../core/shared/ports.js';
import type { MatchFacts } from '../../../core/products/match-facts.js';
import type { OrderLineRepository, ProductLine } from '../../../core/products/ports.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

const num = (v: unknown): number => Number(v ?? 0);
const fenOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

// totalFen is what the customer owes on the line now: the up-front part (total_fen on a fixed-fee line), the
// success part, less any up-front fee waived after a refusal, as order_product_totals sums it.
export const toLine = (r: Row): ProductLine => ({
  tenantId: r.tenant_id,
  id: r.id,
  orderId: r.order_id,
  productId: r.product_id,
  productName: r.product_name,
  institution: r.institution,
  serviceFeeFen: r.service_fee_fen,
  discountFen: r.discount_fen,
  quantity: r.quantity,
  totalFen: (fenOrNull(r.up_front_due_fen) ?? num(r.total_fen)) + num(r.success_due_fen) - num(r.fee_waived_fen),
  source: r.source,
  position: r.position,
  status: r.status,
  approvedAmountFen: r.approved_amount_fen,
  approvedAnnualRatePercent: r.approved_rate_percent,
  approvedTermMonths: r.approved_term_months,
  rejectionReason: r.rejection_reason,
  withdrawalReason: r.withdrawal_reason,
  disbursedAmountFen: r.disbursed_amount_fen,
  disbursedOn: r.disbursed_on,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
  statusChangedAt: r.status_changed_at,
  version: r.version,
  feeRule: r.fee_rule ?? null,
  upFrontDueFen: fenOrNull(r.up_front_due_fen),
  successDueFen: num(r.success_due_fen),
  feeWaivedFen: num(r.fee_waived_fen),
  feeComputation: r.fee_computation ?? null,
});

const FACT_COLUMNS: Readonly<Record<keyof MatchFacts, string>> = {
  companyRegisteredOn: 'company_registered_on',
  taxCreditRating: 'tax_credit_rating',
  annualTaxPaidFen: 'annual_tax_paid_fen',
  annualInvoicingFen: 'annual_invoicing_fen',
  regionCode: 'region_code',
  regionName: 'region_name',
  ownsProperty: 'owns_property',
  ownsVehicle: 'owns_vehicle',
  existingDebtFen: 'existing_debt_fen',
  requestedAmountFen: 'requested_amount_fen',
};

export class KnexOrderLineRepository implements OrderLineRepository {
  async listLines(tx: Tx, tenantId: string, orderId: string): Promise<ProductLine[]> {
    return (await sql(tx)('order_lines').where({ tenant_id: tenantId, order_id: orderId }).orderBy([{ column: 'position' }, { column: 'created_at' }])).map(toLine);
  }

  async getLine(tx: Tx, tenantId: string, orderId: string, lineId: string): Promise<ProductLine | null> {
    const r = await sql(tx)('order_lines').where({ tenant_id: tenantId, order_id: orderId, id: lineId }).first();
    return r ? toLine(r) : null;
  }

  async linesVersion(tx: Tx, tenantId: string, orderId: string): Promise<number> {
    const r = await sql(tx)('order_line_sets').where({ tenant_id: tenantId, order_id: orderId }).first('version');
    return r ? (r.version as number) : 0;
  }

  async bumpLinesVersion(tx: Tx, tenantId: string, orderId: string, expected: number, at: Date): Promise<boolean> {
    if (expected === 0) {
      const rows = await sql(tx)('order_line_sets')
        .insert({ tenant_id: tenantId, order_id: orderId, version: 1, updated_at: at })
        .onConflict(['tenant_id', 'order_id'])
        .ignore()
        .returning('version');
      return rows.length === 1;
    }
    const n = await sql(tx)('order_line_sets').where({ tenant_id: tenantId, order_id: orderId, version: expected }).update({ version: expected + 1, updated_at: at });
    return n === 1;
  }

  async insertLine(tx: Tx, l: ProductLine): Promise<void> {
    await sql(tx)('order_lines').insert({
      tenant_id: l.tenantId, id: l.id, order_id: l.orderId, product_id: l.productId, product_name: l.productName, institution: l.institution,
      service_fee_fen: l.serviceFeeFen, discount_fen: l.discountFen, quantity: l.quantity, source: l.source, position: l.position,
      status: l.status, status_changed_at: l.statusChangedAt, created_at: l.createdAt, version: l.version,
      fee_rule: l.feeRule === null ? null : JSON.stringify(l.feeRule),
    });
  }

  async updateLineFee(tx: Tx, l: ProductLine): Promise<void> {
    await sql(tx)('order_lines')
      .where({ tenant_id: l.tenantId, order_id: l.orderId, id: l.id })
      .update({
        fee_rule: l.feeRule === null ? null : JSON.stringify(l.feeRule), up_front_due_fen: l.upFrontDueFen, success_due_fen: l.successDueFen,
        fee_waived_fen: l.feeWaivedFen, fee_computation: l.feeComputation === null ? null : JSON.stringify(l.feeComputation),
      });
  }

  async updateLineAmounts(tx: Tx, l: ProductLine): Promise<void> {
    await sql(tx)('order_lines')
      .where({ tenant_id: l.tenantId, order_id: l.orderId, id: l.id })
      .update({ service_fee_fen: l.serviceFeeFen, discount_fen: l.discountFen, quantity: l.quantity, position: l.position });
  }

  async deleteLine(tx: Tx, tenantId: string, orderId: string, lineId: string): Promise<void> {
    await sql(tx)('order_lines').where({ tenant_id: tenantId, order_id: orderId, id: lineId }).delete();
  }

  async updateApplication(tx: Tx, l: ProductLine): Promise<boolean> {
    const n = await sql(tx)('order_lines')
      .where({ tenant_id: l.tenantId, order_id: l.orderId, id: l.id, version: l.version - 1 })
      .update({
        status: l.status, approved_amount_fen: l.approvedAmountFen, approved_rate_percent: l.approvedAnnualRatePercent,
        approved_term_months: l.approvedTermMonths, rejection_reason: l.rejectionReason, withdrawal_reason: l.withdrawalReason,
        disbursed_amount_fen: l.disbursedAmountFen, disbursed_on: l.disbursedOn, submitted_at: l.submittedAt, decided_at: l.decidedAt,
        status_changed_at: l.statusChangedAt, version: l.version,
      });
    return n === 1;
  }

  async getMatchFacts(tx: Tx, tenantId: string, orderId: string): Promise<{ facts: MatchFacts; version: number } | null> {
    const r = await sql(tx)('order_match_facts').where({ tenant_id: tenantId, order_id: orderId }).first();
    if (!r) return null;
    const facts: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(FACT_COLUMNS)) facts[field] = r[column] ?? null;
    return { facts: facts as MatchFacts, version: r.version as number };
  }

  async saveMatchFacts(tx: Tx, tenantId: string, orderId: string, facts: MatchFacts, expectedVersion: number, actorId: string, at: Date): Promise<boolean> {
    const values: Row = {};
    for (const [field, column] of Object.entries(FACT_COLUMNS)) values[column] = facts[field as keyof MatchFacts] ?? null;
    if (expectedVersion === 0) {
      const rows = await sql(tx)('order_match_facts')
        .insert({ tenant_id: tenantId, order_id: orderId, ...values, version: 1, updated_at: at, updated_by: actorId })
        .onConflict(['tenant_id', 'order_id'])
        .ignore()
        .returning('version');
      return rows.length === 1;
    }
    const n = await sql(tx)('order_match_facts')
      .where({ tenant_id: tenantId, order_id: orderId, version: expectedVersion })
      .update({ ...values, version: expectedVersion + 1, updated_at: at, updated_by: actorId });
    return n === 1;
  }
}
