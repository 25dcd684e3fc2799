import type { RouteRecordRaw } from 'vue-router';

// 系统设置 (the administrator's side): the index of sections and the organisation's screens. Every screen
// needs org.manage; the server refuses the writes to anyone without it as well.
const meta = { permission: 'org.manage' };
export const routes: RouteRecordRaw[] = [
  { path: '/settings', name: 'settings', component: () => import('./SettingsIndex.vue'), meta },
  { path: '/settings/departments', name: 'settings-departments', component: () => import('./DepartmentsScreen.vue'), meta },
  { path: '/settings/users', name: 'settings-users', component: () => import('./UsersScreen.vue'), meta },
  { path: '/settings/users/new', name: 'settings-user-new', component: () => import('./UserScreen.vue'), meta },
  { path: '/settings/users/:id', name: 'settings-user', component: () => import('./UserScreen.vue'), meta },
  { path: '/settings/roles', name: 'settings-roles', component: () => import('./RolesScreen.vue'), meta },
];
