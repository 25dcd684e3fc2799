import type { RouteRecordRaw } from 'vue-router';

// 内部审核: my pending tasks and my submissions, one approval's record with its actions (the 办理中心 opens
// approval items here), and submitting an order to internal review (reached from the order screen).
export const routes: RouteRecordRaw[] = [
  { path: '/approvals', name: 'approvals', component: () => import('./ApprovalsScreen.vue') },
  { path: '/approvals/:id', name: 'approval', component: () => import('./ApprovalScreen.vue') },
  { path: '/orders/:id/review', name: 'order-review', component: () => import('./OrderReviewScreen.vue') },
];
