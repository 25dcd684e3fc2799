// Where an item of the 办理中心 is done in the console: the screen of the record it concerns. The route
// names are the areas' own; an item whose screen this console does not have stays in the list, unopened.
import type { RouteLocationRaw, Router } from 'vue-router';

const SCREEN_OF: Record<string, (id: string) => RouteLocationRaw> = {
  inquiry: (id) => ({ name: 'inquiry', params: { id } }),
  order: (id) => ({ name: 'order', params: { id } }),
  approval: (id) => ({ name: 'approval', params: { id } }),
  receipt: (id) => ({ name: 'receipt', params: { id } }),
  instalment: (id) => ({ name: 'order', params: { id } }),
  task: (id) => ({ name: 'task', params: { id } }),
};

export function screenOf(router: Router, related: { type: string; id: string }): RouteLocationRaw | null {
  const to = SCREEN_OF[related.type]?.(related.id);
  if (!to || typeof to !== 'object' || !('name' in to) || !router.hasRoute(to.name as string)) return null;
  return to;
}
