import type { RouteRecordRaw } from 'vue-router';

// 系统设置 › 推送 (webhooks, with the events parked after failed deliveries) and 导入咨询 (an .xlsx of inquiries
// run as a job). Both are the administrator's (org.manage); the /settings index links them by route name.
export const routes: RouteRecordRaw[] = [
  { path: '/settings/webhooks', name: 'settings-webhooks', component: () => import('./WebhooksScreen.vue'), meta: { permission: 'org.manage' } },
  { path: '/settings/import', name: 'settings-import', component: () => import('./ImportScreen.vue'), meta: { permission: 'org.manage' } },
];
