import type { RouteRecordRaw } from 'vue-router';

// 账务管理: the firm's receivables, instalments, receipts and invoices (finance.read; the data scope is the server's).
export const routes: RouteRecordRaw[] = [
  { path: '/accounts', name: 'accounts', component: () => import('./AccountsScreen.vue'), meta: { permission: 'finance.read' } },
];
