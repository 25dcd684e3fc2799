import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/workcenter', name: 'workcenter', component: () => import('./WorkCenterScreen.vue') },
];
