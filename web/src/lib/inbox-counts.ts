// The 办理中心 counts behind every badge (home tiles, 办理中心 tabs), kept fresh without a reload: one poller for
// the whole console asks GET /workcenter/inbox/counts with If-None-Match every ~15 s while the page is visible
// (a 304 costs almost nothing), stops while it is hidden and asks at once when it shows again. Why polling and
// not server-sent events: docs/console.md. Screens call useInboxCounts() while they show; after an action
// that changes what waits on the person they call refreshInboxCounts() instead of waiting for the next tick.
import { onBeforeUnmount, onMounted, readonly, ref, watch, type DeepReadonly, type Ref } from 'vue';
import type { InboxKind } from '@core/workcenter/inbox.js';
import { api, ok } from '../api/client.js';
import { session } from '../session.js';
import { takeEarly } from './early.js';

export interface InboxCounts { total: number; kinds: { kind: InboxKind; label: string; count: number }[] }

/** The interval; a test (or a person debugging) may shorten it with localStorage 'yunzhou.inboxPollMs'. */
function interval(): number {
  const set = Number(localStorage.getItem('yunzhou.inboxPollMs'));
  return Number.isFinite(set) && set >= 200 ? set : 15_000;
}

const counts = ref<InboxCounts | null>(null);
let etag: string | null = null;
let users = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let asking: Promise<void> | null = null;

// Another person signing in on this device never sees the last one's badges, not even for a moment.
watch(() => session.me?.userId, () => {
  counts.value = null;
  etag = null;
});

/** Asks now (once at a time); a 304 keeps what we have, a failure too (the next tick asks again). */
export function refreshInboxCounts(): Promise<void> {
  asking ??= (async () => {
    try {
      const r = await api.GET('/api/v1/workcenter/inbox/counts', { headers: etag ? { 'If-None-Match': etag } : {} });
      if (r.response.status === 304) return;
      if (!r.response.ok) {
        await ok(Promise.resolve(r)).catch(() => {}); // a session that ended sends the person to sign in, as any call does
        return;
      }
      counts.value = r.data as unknown as InboxCounts;
      etag = r.response.headers.get('ETag');
    } catch {
      // offline: the badge keeps its last value
    } finally {
      asking = null;
    }
  })();
  return asking;
}

function schedule(): void {
  clearTimeout(timer);
  if (users === 0 || document.visibilityState === 'hidden') return;
  timer = setTimeout(() => void refreshInboxCounts().then(schedule), interval());
}

function onVisibility(): void {
  if (document.visibilityState === 'hidden') clearTimeout(timer);
  else void refreshInboxCounts().then(schedule);
}

/** The counts, reactive, for as long as the calling component is mounted. */
export function useInboxCounts(): Readonly<Ref<DeepReadonly<InboxCounts> | null>> {
  onMounted(async () => {
    users += 1;
    if (users === 1) document.addEventListener('visibilitychange', onVisibility);
    const early = counts.value === null ? await takeEarly<InboxCounts>('inbox-counts') : null;
    if (early && counts.value === null) counts.value = early;
    else await refreshInboxCounts();
    schedule();
  });
  onBeforeUnmount(() => {
    users -= 1;
    if (users > 0) return;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  });
  return readonly(counts);
}

/** The sum of the counts of some kinds ('' when none, 99+ past 99), as a badge shows it. */
export function badgeOf(c: DeepReadonly<InboxCounts> | null, kinds: readonly InboxKind[]): string | number {
  if (!c || kinds.length === 0) return '';
  const n = c.kinds.filter((k) => kinds.includes(k.kind)).reduce((s, k) => s + k.count, 0);
  return n > 99 ? '99+' : n || '';
}
