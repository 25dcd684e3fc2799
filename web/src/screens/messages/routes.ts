import type { RouteRecordRaw } from 'vue-router';

// 消息: my notifications; one about a record opens that record's screen.
export const routes: RouteRecordRaw[] = [
  { path: '/messages', name: 'messages', component: () => import('./MessageList.vue') },
];
