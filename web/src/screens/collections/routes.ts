import type { RouteRecordRaw } from 'vue-router';

// 回款 (steps 10–12): the order's 回款计划, its 回款单 (list, 登记, one receipt), and 结单. The 办理中心 opens a
// receipt by the route name 'receipt'; decisions are taken on the approvals area's 'approval' screen.
const finance = { permission: 'finance.read' };
export const routes: RouteRecordRaw[] = [
  { path: '/orders/:id/collection-plan', name: 'order-collection-plan', component: () => import('./PlanEditor.vue'), meta: finance },
  { path: '/orders/:id/receipts', name: 'order-receipts', component: () => import('./ReceiptList.vue'), meta: finance },
  { path: '/orders/:id/receipts/new', name: 'receipt-new', component: () => import('./NewReceipt.vue'), meta: finance },
  { path: '/receipts/:id', name: 'receipt', component: () => import('./ReceiptScreen.vue'), meta: finance },
  { path: '/orders/:id/close', name: 'order-close', component: () => import('./CloseScreen.vue'), meta: finance },
];
