// The 办理中心 counts behind every badge (home tiles, 办理中心 tabs), kept fresh without a reload: while the
// page is visible a stream (inbox-stream.ts) says when they changed, and the counts are asked for at once;
// polling GET /workcenter/inbox/counts with If-None-Match stays as the fallback, every ~15 s without the
// stream and every minute with it (a 304 costs almost nothing). Hidden, both stop; shown again, both resume
// with an ask. docs/console.md. Screens call useInboxCounts() while they show; after an action that changes
// what waits on the person they call refreshInboxCounts() instead of waiting for the next tick.
import { onBeforeUnmount, onMounted, readonly, ref, watch, type DeepReadonly, type Ref } from 'vue';
import type { InboxKind } from '@core/workcenter/inbox.js';
import { api, ok } from '../api/client.js';
import { session } from '../session.js';
import { takeEarly } from './early.js';
import { openInboxStream } from './inbox-stream.js';

export interface InboxCounts { total: number; kinds: { kind: InboxKind; label: string; count: number }[] }

/** The interval; a test (or a person debugging) may shorten it with localStorage 'yunzhou.inboxPollMs'. */
function interval(): number {
  const set = Number(localStorage.getItem('yunzhou.inboxPollMs'));
  const base = Number.isFinite(set) && set >= 200 ? set : 15_000;
  return live ? base * 4 : base; // the stream says when; the poll (a minute by default) covers what it might miss
}

const counts = ref<InboxCounts | null>(null);
let etag: string | null = null;
let users = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let asking: Promise<void> | null = null;
let askAgain = false;
let live = false;
let closeStream: (() => void) | null = null;

// Another person signing in on this device never sees the last one's badges, not even for a moment.
watch(() => session.me?.userId, () => {
  counts.value = null;
  etag = null;
  if (closeStream) { stopStream(); startStream(); } // the stream is the session's: open it again under the new one
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

/** A signal while an ask is on its way may be about a change that ask did not see: ask once more after it. */
function onSignal(): void {
  if (asking) {
    askAgain = true;
    return;
  }
  void refreshInboxCounts().then(() => {
    if (!askAgain) return;
    askAgain = false;
    onSignal();
  });
}

function startStream(): void {
  if (closeStream || !session.me) return;
  closeStream = openInboxStream(onSignal, (open) => {
    if (open === live) return;
    live = open;
    schedule(); // the poll slows down while the stream is open, speeds up when it is lost
  });
}

function stopStream(): void {
  closeStream?.();
  closeStream = null;
  live = false;
}

function schedule(): void {
  clearTimeout(timer);
  if (users === 0 || document.visibilityState === 'hidden') return;
  timer = setTimeout(() => void refreshInboxCounts().then(schedule), interval());
}

function onVisibility(): void {
  if (document.visibilityState === 'hidden') {
    clearTimeout(timer);
    stopStream();
  } else {
    startStream();
    void refreshInboxCounts().then(schedule);
  }
}

/** The counts, reactive, for as long as the calling component is mounted. */
export function useInboxCounts(): Readonly<Ref<DeepReadonly<InboxCounts> | null>> {
  onMounted(async () => {
    users += 1;
    if (users === 1) document.addEventListener('visibilitychange', onVisibility);
    const early = counts.value === null ? await takeEarly<InboxCounts>('inbox-counts') : null;
    if (early && counts.value === null) counts.value = early;
    else await refreshInboxCounts();
    if (users > 0 && document.visibilityState !== 'hidden') startStream();
    schedule();
  });
  onBeforeUnmount(() => {
    users -= 1;
    if (users > 0) return;
    clearTimeout(timer);
    stopStream();
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
