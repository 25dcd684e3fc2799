import type { RouteRecordRaw } from 'vue-router';

// 消息推送 (issue 17): the firm's WeCom, DingTalk and SMS settings with test-send and failures, the delivery
// log (both org.manage), and each person's own preferences (anyone signed in).
export const routes: RouteRecordRaw[] = [
  { path: '/settings/notifications', name: 'settings-notifications', component: () => import('./PushSettingsScreen.vue'), meta: { permission: 'org.manage' } },
  { path: '/settings/notifications/log', name: 'notifications-log', component: () => import('./DeliveryLogScreen.vue'), meta: { permission: 'org.manage' } },
  { path: '/me/notifications', name: 'my-notifications', component: () => import('./MyPreferencesScreen.vue') },
];
