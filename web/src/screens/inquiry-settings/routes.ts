import type { RouteRecordRaw } from 'vue-router';

// 咨询设置: the firm's levels, pools' rules, lists and 常用语; administrators (org.manage) change them.
export const routes: RouteRecordRaw[] = [
  { path: '/settings/inquiries', name: 'settings-inquiries', component: () => import('./InquirySettingsScreen.vue'), meta: { permission: 'org.manage' } },
];
