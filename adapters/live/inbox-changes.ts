// The console's live badges, per process: the open streams of signed-in people, and one source of signals
// (a LISTEN connection) that says whose 办理中心 changed. A signal reaches only the streams of the same firm
// AND the same person. The source opens with the first stream, not before: a process nobody watches holds
// no extra connection.
import { parseInboxSignal, type InboxSignal } from '../knex/inbox-signal.js';

/** Where signals come from: start listening, say each payload, and say when payloads may have been missed. */
export interface InboxSignalSource {
  /** Starts listening; `missed` is called after a reconnection (signals sent meanwhile are lost). */
  start(on: { payload(payload: string | undefined): void; missed(): void }): Promise<void>;
  stop(): Promise<void>;
}

/** A person's stream: told that their counts changed, or to go (the process is stopping). */
export interface InboxWatcher {
  changed(): void;
  end(): void;
}

export class InboxChanges {
  private readonly watchers = new Map<string, Set<InboxWatcher>>();
  private started: Promise<void> | null = null;
  private closed = false;

  /** null: this install has no direct connection to listen on (behind PgBouncer); consoles poll. */
  constructor(private readonly source: InboxSignalSource | null) {}

  get live(): boolean {
    return this.source !== null && !this.closed;
  }

  /** Watches one person of one firm until the returned function is called. */
  async watch(tenantId: string, userId: string, watcher: InboxWatcher): Promise<() => void> {
    if (!this.source || this.closed) throw new Error('live inbox notifications are not available');
    this.started ??= this.source.start({ payload: (p) => this.deliver(parseInboxSignal(p)), missed: () => this.everyone() });
    await this.started;
    const key = `${tenantId}/${userId}`;
    let set = this.watchers.get(key);
    if (!set) this.watchers.set(key, (set = new Set()));
    set.add(watcher);
    return () => {
      set.delete(watcher);
      if (set.size === 0 && this.watchers.get(key) === set) this.watchers.delete(key);
    };
  }

  /** How many streams are open (for tests and the log). */
  get watching(): number {
    let n = 0;
    for (const s of this.watchers.values()) n += s.size;
    return n;
  }

  private deliver(signal: InboxSignal | null): void {
    if (!signal) return;
    for (const userId of signal.userIds) {
      for (const w of this.watchers.get(`${signal.tenantId}/${userId}`) ?? []) w.changed();
    }
  }

  private everyone(): void {
    for (const set of this.watchers.values()) for (const w of set) w.changed();
  }

  /** Ends every stream (their consoles reconnect, to another process) and stops listening. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const set of this.watchers.values()) for (const w of set) w.end();
    this.watchers.clear();
    if (this.started) await this.started.catch(() => undefined);
    await this.source?.stop();
  }
}
