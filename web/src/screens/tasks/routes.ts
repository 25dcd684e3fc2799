import type { RouteRecordRaw } from 'vue-router';

// 任务管理: my tasks, a new task, one task (the 办理中心 opens task items at 'task').
export const routes: RouteRecordRaw[] = [
  { path: '/tasks', name: 'tasks', component: () => import('./TaskList.vue') },
  { path: '/tasks/new', name: 'task-new', component: () => import('./NewTask.vue'), meta: { permission: 'task.write' } },
  { path: '/tasks/:id', name: 'task', component: () => import('./TaskScreen.vue') },
];
