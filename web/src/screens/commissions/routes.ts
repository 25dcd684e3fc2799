import type { RouteRecordRaw } from 'vue-router';
import { COMMISSION_PERMISSIONS as P } from './permissions.js';

// 提成: my running commission (everyone, their own; a manager also the department's), the month's statements and
// one statement (finance decides on it on the approvals area's 'approval' screen), and the scheme's versions.
export const routes: RouteRecordRaw[] = [
  { path: '/commissions', name: 'my-commission', component: () => import('./MyCommissionScreen.vue') },
  { path: '/commissions/statements', name: 'commission-statements', component: () => import('./StatementsScreen.vue'), meta: { permission: P.statements } },
  { path: '/commissions/statements/:id', name: 'commission-statement', component: () => import('./StatementScreen.vue'), meta: { permission: P.statements } },
  { path: '/commissions/scheme', name: 'commission-scheme', component: () => import('./SchemeScreen.vue'), meta: { permission: P.scheme } },
  { path: '/commissions/scheme/new', name: 'commission-scheme-new', component: () => import('./SchemeVersionEdit.vue'), meta: { permission: P.settle } },
];
