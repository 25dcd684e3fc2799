// The console's live badges over server-sent events: one stream per open console page, told "counts" (no
// data) when something changed what waits on the signed-in person; the page then asks for the counts itself.
// Comments keep proxies from timing the stream out; it ends after a while so the session is checked again
// on the reconnect (EventSource reconnects by itself), and when the process stops (to reconnect elsewhere).
import { PassThrough } from 'node:stream';
import type { Actor } from '../../core/organisation/actor.js';
import type { InboxChanges } from '../../adapters/live/inbox-changes.js';
import { respond, type RouteResult } from '../../adapters/composition/route-def.js';

const KEEP_ALIVE_MS = 25_000;
const LIFETIME_MS = 10 * 60_000;
/** How long the browser waits before reconnecting a dropped stream. */
const RETRY_MS = 3_000;

export async function inboxStream(changes: InboxChanges, actor: Actor, lang: 'zh' | 'en'): Promise<RouteResult> {
  if (!changes.live) {
    return respond({
      status: 503,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '300' },
      body: {
        type: 'https://yunzhou.dev/problems/inbox.live_unavailable', title: 'inbox.live_unavailable', status: 503, code: 'inbox.live_unavailable',
        detail: lang === 'zh' ? '本服务未开启实时通知（未设置 YUNZHOU_LISTEN_URL），请定时查询角标' : 'Live notifications are off on this server (no YUNZHOU_LISTEN_URL); poll the counts',
      },
    });
  }
  const out = new PassThrough();
  const send = (text: string): void => { if (!out.writableEnded) out.write(text); };
  const stop = await changes.watch(actor.tenantId, actor.userId, { changed: () => send('event: counts\ndata:\n\n'), end: () => out.end() });
  const keepAlive = setInterval(() => send(': keep-alive\n\n'), KEEP_ALIVE_MS);
  const lifetime = setTimeout(() => out.end(), LIFETIME_MS);
  out.once('close', () => { clearInterval(keepAlive); clearTimeout(lifetime); stop(); });
  out.once('finish', () => { clearInterval(keepAlive); clearTimeout(lifetime); stop(); });
  // Counts may have changed before this stream existed: the first event says "ask now".
  send(`retry: ${RETRY_MS}\nevent: counts\ndata:\n\n`);
  return respond({
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' },
    stream: out,
  });
}
