// A small server-sent events client for the tests: the events' names as they arrive, and a wait for the n-th.
export interface SseClient {
  readonly status: number;
  readonly contentType: string;
  /** The names of the events received so far, in order. */
  readonly events: string[];
  /** Resolves when `n` events have arrived (rejects after `timeoutMs`). */
  until(n: number, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ended the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: string[] = [];
  const waiters = new Set<() => void>();
  let buffered = '';
  const ended = (async () => {
    if (!res.body || res.status !== 200) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const name = block.split('\n').find((l) => l.startsWith('event:'))?.slice(6).trim();
          if (name) events.push(name);
          for (const w of waiters) w();
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    events,
    ended,
    async until(n, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < n) {
        if (Date.now() > deadline) throw new Error(`${events.length} of ${n} events after ${timeoutMs} ms: ${events.join(', ')}`);
        await new Promise<void>((r) => { const w = (): void => { waiters.delete(w); r(); }; waiters.add(w); setTimeout(w, 200); });
      }
    },
    close: () => abort.abort(),
  };
}
