// The live half of the badges: a server-sent events stream (GET /workcenter/inbox/stream) that says "counts"
// when something changed what waits on the signed-in person. The browser reconnects a dropped stream by
// itself; a refused one (503: the server has no direct database connection to listen on, or 401) is tried
// again after a while, backing off. Polling carries on meanwhile (docs/console.md).
import { apiUrl } from '../api/client.js';

const REOPEN_FIRST_MS = 30_000;
const REOPEN_MAX_MS = 5 * 60_000;

/** Opens the stream; `changed` on each signal, `state` when it opens or is lost. Returns the closer. */
export function openInboxStream(changed: () => void, state: (open: boolean) => void): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wait = REOPEN_FIRST_MS;
  let closed = false;
  const open = (): void => {
    const es = new EventSource(apiUrl('/workcenter/inbox/stream'), { withCredentials: true });
    source = es;
    es.addEventListener('counts', () => changed());
    es.onopen = () => { wait = REOPEN_FIRST_MS; state(true); };
    es.onerror = () => {
      state(false);
      if (es.readyState !== EventSource.CLOSED || closed) return; // CONNECTING: the browser is reconnecting
      source = null;
      timer = setTimeout(open, wait);
      wait = Math.min(wait * 2, REOPEN_MAX_MS);
    };
  };
  open();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
    source = null;
    state(false);
  };
}
