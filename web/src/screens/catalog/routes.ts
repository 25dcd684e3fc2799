import type { RouteRecordRaw } from 'vue-router';

// 产品管理: the catalogue's categories and products; changing them needs product.manage.
const meta = { permission: 'product.manage' };
export const routes: RouteRecordRaw[] = [
  { path: '/products', name: 'products', component: () => import('./CatalogScreen.vue'), meta },
  { path: '/products/new', name: 'product-new', component: () => import('./ProductEdit.vue'), meta },
  { path: '/products/:id', name: 'product-edit', component: () => import('./ProductEdit.vue'), meta },
];
