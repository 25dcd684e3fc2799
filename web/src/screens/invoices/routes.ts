import type { RouteRecordRaw } from 'vue-router';

// 发票 (step 13): the list (the home tile 发票管理), one invoice, 申请开票 from an order's screen, and the
// firm's invoice settings (linked from the settings index by the name 'settings-invoices').
export const routes: RouteRecordRaw[] = [
  { path: '/invoices', name: 'invoices', component: () => import('./InvoiceList.vue'), meta: { permission: 'finance.read' } },
  { path: '/invoices/:id', name: 'invoice', component: () => import('./InvoiceScreen.vue'), meta: { permission: 'finance.read' } },
  { path: '/orders/:id/invoices/new', name: 'invoice-new', component: () => import('./NewInvoice.vue'), meta: { permission: 'invoice.write' } },
  { path: '/settings/invoices', name: 'settings-invoices', component: () => import('./InvoiceSettingsScreen.vue'), meta: { permission: 'org.manage' } },
];
