import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/orders/:id/products', name: 'order-products', component: () => import('./OrderProductsScreen.vue') },
  { path: '/orders/:id/applications', name: 'order-applications', component: () => import('./ApplicationsScreen.vue') },
];
