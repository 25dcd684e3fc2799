// An order's plan (方案) and contract (合同) in PostgreSQL/PGlite, one row each per order.
import type { Tx } from '../../../core/shared/ports.js';
import type { ContractRepository, PlanRepository } from '../../../core/orders/ports.js';
import type { Contract, Plan } from '../../../core/orders/types.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

// A `date` column comes back as 'YYYY-MM-DD' text on both databases (adapters/knex/database.ts), or a Date.
const dateText = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

const toPlan = (r: Row): Plan => ({
  tenantId: r.tenant_id, orderId: r.order_id, projectName: r.project_name, overview: r.overview, expectedCompletion: dateText(r.expected_completion),
  financialPlan: r.financial_plan, financingAdvice: r.financing_advice, createdBy: r.created_by, createdAt: r.created_at, updatedBy: r.updated_by, updatedAt: r.updated_at,
});

const toContract = (r: Row): Contract => ({
  tenantId: r.tenant_id, orderId: r.order_id, number: r.number, amountFen: Number(r.amount_fen), signedOn: dateText(r.signed_on),
  customerParty: r.customer_party, customerSignatory: r.customer_signatory, firmParty: r.firm_party, firmSignatory: r.firm_signatory,
  confirmedAt: r.confirmed_at, confirmedBy: r.confirmed_by, createdBy: r.created_by, createdAt: r.created_at, updatedBy: r.updated_by, updatedAt: r.updated_at,
});

export class KnexPlanRepository implements PlanRepository {
  async get(tx: Tx, tenantId: string, orderId: string): Promise<Plan | null> {
    const r = await sql(tx)('order_plans').where({ tenant_id: tenantId, order_id: orderId }).first();
    return r ? toPlan(r) : null;
  }

  async save(tx: Tx, p: Plan): Promise<void> {
    await sql(tx)('order_plans')
      .insert({
        tenant_id: p.tenantId, order_id: p.orderId, project_name: p.projectName, overview: p.overview, expected_completion: p.expectedCompletion,
        financial_plan: p.financialPlan, financing_advice: p.financingAdvice, created_by: p.createdBy, created_at: p.createdAt, updated_by: p.updatedBy, updated_at: p.updatedAt,
      })
      .onConflict(['tenant_id', 'order_id'])
      .merge(['project_name', 'overview', 'expected_completion', 'financial_plan', 'financing_advice', 'updated_by', 'updated_at']);
  }
}

export class KnexContractRepository implements ContractRepository {
  async get(tx: Tx, tenantId: string, orderId: string): Promise<Contract | null> {
    const r = await sql(tx)('order_contracts').where({ tenant_id: tenantId, order_id: orderId }).first();
    return r ? toContract(r) : null;
  }

  async findByNumber(tx: Tx, tenantId: string, number: string): Promise<Contract | null> {
    const r = await sql(tx)('order_contracts').where({ tenant_id: tenantId, number }).first();
    return r ? toContract(r) : null;
  }

  async save(tx: Tx, c: Contract): Promise<void> {
    await sql(tx)('order_contracts')
      .insert({
        tenant_id: c.tenantId, order_id: c.orderId, number: c.number, amount_fen: c.amountFen, signed_on: c.signedOn, customer_party: c.customerParty,
        customer_signatory: c.customerSignatory, firm_party: c.firmParty, firm_signatory: c.firmSignatory, confirmed_at: c.confirmedAt, confirmed_by: c.confirmedBy,
        created_by: c.createdBy, created_at: c.createdAt, updated_by: c.updatedBy, updated_at: c.updatedAt,
      })
      .onConflict(['tenant_id', 'order_id'])
      .merge([
        'number', 'amount_fen', 'signed_on', 'customer_party', 'customer_signatory', 'firm_party', 'firm_signatory', 'confirmed_at', 'confirmed_by',
        'updated_by', 'updated_at',
      ]);
  }
}
