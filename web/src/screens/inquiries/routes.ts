import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/inquiries', name: 'inquiries', component: () => import('./InquiryList.vue'), props: { mode: 'inquiries' } },
  { path: '/prospects', name: 'prospects', component: () => import('./InquiryList.vue'), props: { mode: 'prospects' } },
  { path: '/inquiries/new', name: 'inquiry-new', component: () => import('./NewInquiry.vue') },
  { path: '/inquiries/:id', name: 'inquiry', component: () => import('./InquiryDetail.vue') },
  { path: '/inquiries/:id/follow-up', name: 'inquiry-follow-up', component: () => import('./NewFollowUp.vue') },
];
