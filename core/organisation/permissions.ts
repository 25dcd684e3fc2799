// The permissions a role can hold, and the roles a new tenant starts with (seed roles of the foundation).
import type { DataScope } from './actor.js';

export const PERMISSIONS = {
  orgManage: 'org.manage', // departments, users, roles, tenant settings
  inquiryRead: 'inquiry.read',
  inquiryWrite: 'inquiry.write',
  inquiryMerge: 'inquiry.merge',
  mobileView: 'inquiry.view_mobile', // see other people's customers' mobile numbers unmasked
  poolAssign: 'pool.assign', // assign and transfer records between people
  orderRead: 'order.read',
  orderWrite: 'order.write',
  sensitiveView: 'order.view_sensitive', // unmasked ID number, bank card, tax secrets
  productManage: 'product.manage',
  approvalAdmin: 'approval.admin', // configure flows, decide on behalf (代审)
  financeRead: 'finance.read',
  financeWrite: 'finance.write', // receipts, collection plans, close
  invoiceWrite: 'invoice.write',
  taskWrite: 'task.write',
  briefingRead: 'briefing.read',
  targetManage: 'target.manage', // 业绩目标: set the targets of the people and departments one sees
  auditView: 'audit.view', // the operation log and the log of unmasked reads (PIPL); the administrator's '*' holds it
} as const;

export interface SeedRole {
  readonly code: string;
  readonly name: string;
  readonly permissions: readonly string[];
  readonly dataScope: DataScope;
}

const P = PERMISSIONS;
const sales = [P.inquiryRead, P.inquiryWrite, P.orderRead, P.orderWrite, P.taskWrite, P.briefingRead, P.financeRead, P.invoiceWrite];

/** Roles every tenant gets when it is created; an administrator may change them afterwards. */
export const SEED_ROLES: readonly SeedRole[] = [
  { code: 'admin', name: '管理员', permissions: ['*'], dataScope: 'tenant' },
  { code: 'manager', name: '部门经理', permissions: [...sales, P.inquiryMerge, P.mobileView, P.poolAssign, P.sensitiveView, P.targetManage], dataScope: 'department_tree' },
  { code: 'sales', name: '销售', permissions: sales, dataScope: 'self' },
  { code: 'approver', name: '审批人', permissions: [P.orderRead, P.inquiryRead, P.financeRead, P.briefingRead, P.taskWrite], dataScope: 'tenant' },
  { code: 'finance', name: '财务', permissions: [P.orderRead, P.inquiryRead, P.financeRead, P.financeWrite, P.invoiceWrite, P.briefingRead, P.taskWrite], dataScope: 'tenant' },
  { code: 'operations', name: '运营', permissions: [P.orderRead, P.inquiryRead, P.financeRead, P.financeWrite, P.productManage, P.briefingRead, P.taskWrite], dataScope: 'tenant' },
];
