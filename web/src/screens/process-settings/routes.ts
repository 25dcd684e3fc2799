import type { RouteRecordRaw } from 'vue-router';

// 流程设置: the order pipeline (org.manage, like the server's PUT /order-settings) and the approval flows
// (approval.admin). The /settings index links here by route name.
export const routes: RouteRecordRaw[] = [
  { path: '/settings/pipeline', name: 'settings-pipeline', component: () => import('./PipelineScreen.vue'), meta: { permission: 'org.manage' } },
  { path: '/settings/approval-flows', name: 'settings-approval-flows', component: () => import('./FlowListScreen.vue'), meta: { permission: 'approval.admin' } },
  { path: '/settings/approval-flows/:id', name: 'settings-approval-flow', component: () => import('./FlowScreen.vue'), meta: { permission: 'approval.admin' } },
];
