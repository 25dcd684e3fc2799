// Where an item of the 办理中心 (or a message) is done in the console. The route names are the areas' own; a
// record whose screen this console does not have stays in its list, unopened.
import type { RouteLocationRaw, Router } from 'vue-router';
import type { InboxKind } from '@core/workcenter/inbox.js';

const SCREEN_OF: Record<string, (id: string) => RouteLocationRaw> = {
  inquiry: (id) => ({ name: 'inquiry', params: { id } }),
  order: (id) => ({ name: 'order', params: { id } }),
  approval: (id) => ({ name: 'approval', params: { id } }),
  approval_instance: (id) => ({ name: 'approval', params: { id } }),
  receipt: (id) => ({ name: 'receipt', params: { id } }),
  instalment: (id) => ({ name: 'order', params: { id } }),
  task: (id) => ({ name: 'task', params: { id } }),
  commission_statement: (id) => ({ name: 'commission-statement', params: { id } }),
};

function exists(router: Router, to: RouteLocationRaw | undefined): to is RouteLocationRaw {
  return !!to && typeof to === 'object' && 'name' in to && router.hasRoute(to.name as string);
}

/** The screen of a record ({ type, id } as the API names it: an inquiry, order, approval_instance, task …). */
export function screenOf(router: Router, related: { type: string; id: string }): RouteLocationRaw | null {
  const to = SCREEN_OF[related.type]?.(related.id);
  return exists(router, to) ? to : null;
}

export interface InboxItemRef {
  readonly kind: InboxKind;
  readonly id: string;
  readonly related: { type: string; id: string };
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Where an item is done, straight away: the approval to decide (not the order it is about), the receipt to
 * confirm, 新建跟进 for a follow-up, the task itself (not its related record); else the record's screen. */
export function itemScreen(router: Router, i: InboxItemRef): RouteLocationRaw | null {
  const instance = typeof i.data?.instanceId === 'string' ? i.data.instanceId : null;
  const doneAt: RouteLocationRaw | undefined = {
    approval: instance ? { name: 'approval', params: { id: instance } } : undefined,
    receipt: { name: 'receipt', params: { id: i.related.id } },
    follow_up: { name: 'inquiry-follow-up', params: { id: i.related.id } },
    order: { name: 'order', params: { id: i.related.id } },
    instalment: { name: 'order', params: { id: i.related.id } },
    task: { name: 'task', params: { id: i.id } },
  }[i.kind];
  return exists(router, doneAt) ? doneAt : screenOf(router, i.related);
}
