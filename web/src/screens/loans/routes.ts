import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/loans/calculator', name: 'loan-calculator', component: () => import('./CalculatorScreen.vue') },
];
