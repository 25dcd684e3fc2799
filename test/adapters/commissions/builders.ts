// Builders for the commission tests: a finance firm with a sales department whose head is a manager, a
// scheme (销售 3 % from 0, 4 % from ¥100,000; override 0.5 %), and a flow for the statements decided by finance.
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { Actor } from '../../../core/organisation/actor.js';
import { aFinanceFirm, type FinanceFirm, type Person } from '../collections/builders.js';

export interface CommissionFirm extends FinanceFirm {
  readonly departmentId: string;
  readonly manager: Person;
  readonly seller: Person;
}

export const SCHEME = {
  version: 1, effectiveFrom: '2026-11-01', split: { ownerShare: '70', sourceShare: '30' },
  rules: [{ roleCode: 'sales', categoryCode: '*', tiers: [{ fromFen: 0, rate: '3' }, { fromFen: 10_000_000, rate: '4' }] }],
  overrides: [{ categoryCode: '*', rate: '0.5' }],
};

export async function aCommissionFirm(crm: Crm): Promise<CommissionFirm> {
  const f = await aFinanceFirm(crm);
  const dept = await crm.organisation.createDepartment(f.firm.admin, { name: '销售一部', parentId: f.firm.rootDepartmentId });
  const manager = await f.firm.person(['manager'], { departmentId: dept.id, name: '李经理' });
  const seller = await f.firm.person(['sales'], { departmentId: dept.id, name: '王强' });
  await crm.organisation.updateDepartment(f.firm.admin, dept.id, { version: dept.version, headUserId: manager.actor.userId });
  await crm.commissionSchemes.addVersion(f.finance.actor, SCHEME);
  await crm.approvalFlows.create(f.firm.admin, { businessType: 'commission_statement', name: '提成审批', nodes: [{ key: 'finance', name: '财务审核', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }] });
  return { ...f, departmentId: dept.id, manager, seller };
}

export const personOf = (p: { actor: Actor }) => p.actor.userId;
