import type { RouteRecordRaw } from 'vue-router';

// 资料清单: a product's checklist (产品管理, product.manage) and an order's (which file is which document).
export const routes: RouteRecordRaw[] = [
  { path: '/products/:id/checklist', name: 'product-checklist', component: () => import('./ProductChecklistScreen.vue'), meta: { permission: 'product.manage' } },
  { path: '/orders/:id/checklist', name: 'order-checklist', component: () => import('./OrderChecklistScreen.vue'), meta: { permission: 'order.read' } },
];
