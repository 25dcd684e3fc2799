import type { RouteRecordRaw } from 'vue-router';

// 订单 (steps 3–6): list, detail, and the detail's steps. Products and applications (steps 7–8) add
// `order-products` and `order-applications` in their own area; the detail links to them when they exist.
export const routes: RouteRecordRaw[] = [
  { path: '/orders', name: 'orders', component: () => import('./OrdersScreen.vue') },
  { path: '/orders/:id', name: 'order', component: () => import('./OrderScreen.vue') },
  { path: '/orders/:id/profile', name: 'order-profile', component: () => import('./ProfileScreen.vue') },
  { path: '/orders/:id/plan', name: 'order-plan', component: () => import('./PlanScreen.vue') },
  { path: '/orders/:id/submit', name: 'order-submit', component: () => import('./SubmitScreen.vue') },
  { path: '/orders/:id/contract', name: 'order-contract', component: () => import('./ContractScreen.vue') },
];
