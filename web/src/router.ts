// Screens by URL. Each area lists its own routes (screens/<area>/routes.ts), loaded on demand; every
// screen but sign-in needs a session, and a session that ends returns to sign-in keeping the page.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { can, restoreSession, session, sessionEnded } from './session.js';
import { setUnauthenticatedHandler } from './api/client.js';

const areas = import.meta.glob<{ routes: RouteRecordRaw[] }>('./screens/*/routes.ts', { eager: true });

/** The path the console is served under (the <base href> the server wrote into the page). */
function basePath(): string {
  return new URL(document.baseURI).pathname;
}

export const router = createRouter({
  history: createWebHistory(basePath()),
  routes: [
    ...Object.values(areas).flatMap((m) => m.routes),
    { path: '/forbidden', name: 'forbidden', component: () => import('./screens/NoAccess.vue') },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./screens/NotFound.vue'), meta: { public: true } },
  ],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const me = session.checked ? session.me : await restoreSession();
  if (!me) return { name: 'login', query: { redirect: to.fullPath } };
  // A screen a role may not use is not opened (the server refuses its data anyway).
  if (to.meta.permission && !can(to.meta.permission)) return { name: 'forbidden', query: { from: to.fullPath } };
  return true;
});

setUnauthenticatedHandler(() => {
  sessionEnded();
  const current = router.currentRoute.value;
  if (current.name !== 'login') void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
});

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    /** The permission a person needs to open the screen; without it they see 没有权限. */
    permission?: string;
  }
}
