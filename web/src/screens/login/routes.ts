import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./LoginScreen.vue'), meta: { public: true } },
];
