import type { RouteRecordRaw } from 'vue-router';

// 业绩目标: setting the month's or quarter's targets of the people and departments one sees (target.manage).
export const routes: RouteRecordRaw[] = [
  { path: '/targets', name: 'targets', component: () => import('./TargetsScreen.vue'), meta: { permission: 'target.manage' } },
];
