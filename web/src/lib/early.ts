// Requests the first screen will make, started while the code of that screen is still arriving, so that the
// person waits for one round trip instead of three in a row (sign-in check → screen code → its data). Each is
// taken at most once; a screen that finds none (or a failed one) asks the server itself.
import { api } from '../api/client.js';
import { can } from '../session.js';

const started = new Map<string, Promise<unknown>>();

/** Starts the home screen's reads when the first page is home. */
export function startEarlyReads(path: string): void {
  if (path !== '/') return;
  // No ok(): a 401 here (the session ended a moment ago) must not send anyone anywhere; the router decides that.
  if (can('briefing.read')) started.set('briefing:month', api.GET('/api/v1/briefing', { params: { query: { period: 'month' } } }).then((r) => (r.response.ok ? r.data : null)));
  started.set('inbox-counts', api.GET('/api/v1/workcenter/inbox/counts').then((r) => (r.response.ok ? r.data : null)));
  started.set('departments', api.GET('/api/v1/departments').then((r) => (r.response.ok ? r.data : null)));
}

/** The early answer for a key, once; null when none was started or it failed. */
export async function takeEarly<T>(key: string): Promise<T | null> {
  const p = started.get(key);
  if (!p) return null;
  started.delete(key);
  return ((await p.catch(() => null)) as T | null) ?? null;
}
