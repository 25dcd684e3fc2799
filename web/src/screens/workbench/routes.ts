import type { RouteRecordRaw } from 'vue-router';

// 系统设置 › 工作台登录: the firm's WeCom and DingTalk applications people sign in from (org.manage).
export const routes: RouteRecordRaw[] = [
  { path: '/settings/workbench', name: 'settings-workbench', component: () => import('./WorkbenchScreen.vue'), meta: { permission: 'org.manage' } },
];
