// The demo approval flows of 大鑫金服: 订单内审 (订单一级审批: the submitter chooses an approver; 订单二级审批: a
// department manager, only above 100,000 yuan), 回款审批 (finance, then operations), 开票审批 (finance) and
// 结单审批 (finance or operations, whoever comes first).
import type { Crm } from '../composition/create-crm.js';
import type { DemoOrganisation } from './organisation.seed.js';
import type { NewFlow } from '../../core/approvals/approval-flow.service.js';

/** 100,000 yuan in fen: the amount above which an order review needs the second level. */
const SECOND_LEVEL_ABOVE_FEN = 10_000_000;

export function demoApprovalFlows(demo: DemoOrganisation): NewFlow[] {
  const { finance, operations } = demo.main.users;
  return [
    {
      businessType: 'order_review', name: '订单内审', noApproverRule: 'admin',
      nodes: [
        { key: 'level1', name: '订单一级审批', approvers: { kind: 'submitter_chooses', role: 'approver' }, mode: 'any' },
        {
          key: 'level2', name: '订单二级审批', approvers: { kind: 'role', role: 'manager' }, mode: 'any',
          condition: { field: 'amountFen', op: 'gt', value: SECOND_LEVEL_ABOVE_FEN },
        },
      ],
    },
    {
      businessType: 'receipt', name: '回款审批', noApproverRule: 'admin',
      nodes: [
        { key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' },
        { key: 'operations', name: '运营审批', approvers: { kind: 'role', role: 'operations' }, mode: 'any' },
      ],
    },
    {
      businessType: 'invoice', name: '开票审批', noApproverRule: 'admin',
      nodes: [{ key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }],
    },
    {
      businessType: 'order_close', name: '结单审批', noApproverRule: 'admin',
      nodes: [{ key: 'close', name: '财务/运营结单审批', approvers: { kind: 'users', userIds: [finance.id, operations.id] }, mode: 'any' }],
    },
  ];
}

/** Saves the demo flows as the 大鑫金服 administrator. */
export async function seedDemoApprovals(crm: Crm, demo: DemoOrganisation): Promise<void> {
  for (const flow of demoApprovalFlows(demo)) await crm.approvalFlows.create(demo.main.admin, flow);
}
