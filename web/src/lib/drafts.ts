// Field work: a form being filled survives a reload or a lost connection. The form's state is kept on the
// device as it is typed (useDraft); a submission made while offline waits in a queue on the device and is
// sent when the connection returns, with the Idempotency-Key it was given when the person pressed submit,
// so that however often it is retried the server records it once.
import { reactive, watch, type UnwrapNestedRefs } from 'vue';
import { apiUrl, problemOf, ApiProblem } from '../api/client.js';
import { currentLocale } from '../i18n/index.js';

const DRAFT = 'yunzhou.draft.';
const QUEUE = 'yunzhou.outbox';

/** A form's state, restored from the device and saved on every change; clear() once it is submitted. */
export function useDraft<T extends object>(key: string, initial: () => T): { form: UnwrapNestedRefs<T>; clear: () => void; restored: boolean } {
  const saved = localStorage.getItem(DRAFT + key);
  let restored = false;
  let start = initial();
  if (saved) {
    try {
      start = { ...start, ...(JSON.parse(saved) as Partial<T>) };
      restored = true;
    } catch {
      localStorage.removeItem(DRAFT + key);
    }
  }
  const form = reactive(start);
  let cleared = false;
  watch(form, (v) => {
    if (!cleared) localStorage.setItem(DRAFT + key, JSON.stringify(v));
  }, { deep: true });
  return {
    form,
    restored,
    clear: () => {
      cleared = true;
      localStorage.removeItem(DRAFT + key);
    },
  };
}

export interface QueuedSubmission {
  readonly id: string;
  readonly method: 'POST' | 'PUT' | 'PATCH';
  /** The API path below /api/v1, e.g. '/inquiries'. */
  readonly path: string;
  readonly body: unknown;
  readonly idempotencyKey: string;
  /** What the person sees in the list of waiting submissions. */
  readonly label: string;
  readonly queuedAt: string;
  readonly error?: string;
}

function readQueue(): QueuedSubmission[] {
  try {
    return JSON.parse(localStorage.getItem(QUEUE) ?? '[]') as QueuedSubmission[];
  } catch {
    return [];
  }
}

export const outbox = reactive<{ items: QueuedSubmission[]; sending: boolean }>({ items: readQueue(), sending: false });
function writeQueue(items: QueuedSubmission[]): void {
  outbox.items = items;
  localStorage.setItem(QUEUE, JSON.stringify(items));
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

async function send(s: Pick<QueuedSubmission, 'method' | 'path' | 'body' | 'idempotencyKey'>): Promise<unknown> {
  const res = await fetch(apiUrl(s.path), {
    method: s.method,
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json', 'Idempotency-Key': s.idempotencyKey,
      'Accept-Language': currentLocale(), 'X-Requested-With': 'yunzhou-console',
    },
    body: JSON.stringify(s.body),
  });
  if (!res.ok) throw await problemOf(res);
  return res.status === 204 ? null : res.json();
}

/**
 * Sends a form now, or — when there is no connection — keeps it on the device to send later.
 * Returns the server's answer, or 'queued'. The server's refusal (4xx) is thrown as an ApiProblem.
 */
export async function submitOrQueue<T>(s: Omit<QueuedSubmission, 'id' | 'queuedAt'>): Promise<T | 'queued'> {
  if (navigator.onLine) {
    try {
      return (await send(s)) as T;
    } catch (err) {
      if (err instanceof ApiProblem) throw err;
      // fetch itself failed: the connection dropped on the way; keep it and try again later.
    }
  }
  writeQueue([...readQueue(), { ...s, id: crypto.randomUUID(), queuedAt: new Date().toISOString() }]);
  return 'queued';
}

/** Sends what waits on the device, oldest first; a refusal stays in the list with the server's message. */
export async function flushOutbox(): Promise<void> {
  if (outbox.sending || !navigator.onLine) return;
  outbox.sending = true;
  try {
    for (const item of readQueue()) {
      if (item.error) continue;
      try {
        await send(item);
        writeQueue(readQueue().filter((i) => i.id !== item.id));
      } catch (err) {
        // Try again later: no answer, not signed in, busy, a server error, or an answer without the server's
        // problem body (the page was leaving while it arrived) — only the server's own refusal is final.
        if (!(err instanceof ApiProblem) || err.status === 0 || err.status === 401 || err.status === 429 || err.status >= 500 || err.code.startsWith('http.')) break;
        writeQueue(readQueue().map((i) => (i.id === item.id ? { ...i, error: err.message } : i)));
      }
    }
  } finally {
    outbox.sending = false;
  }
}

/** Drops a refused submission the person has seen. */
export function discardQueued(id: string): void {
  writeQueue(readQueue().filter((i) => i.id !== id));
}

/** Sends waiting submissions when the connection returns, and once at start. */
export function registerOfflineSync(): void {
  window.addEventListener('online', () => void flushOutbox());
  void flushOutbox();
}
