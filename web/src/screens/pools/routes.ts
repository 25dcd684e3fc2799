import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/pools/inquiry', name: 'inquiry-pool', component: () => import('./PoolScreen.vue'), props: { pool: 'inquiry' } },
  { path: '/pools/customer', name: 'customer-pool', component: () => import('./PoolScreen.vue'), props: { pool: 'customer' } },
];
