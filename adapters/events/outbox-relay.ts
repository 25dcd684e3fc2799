// The outbox relay: after commit, hands each event to every subscriber that wants it (core areas' and
// plugins' EventSubscriber bindings), at least once and in order per record, then marks it delivered. A failing subscriber
// makes its event wait (doubling delays) without holding up other records; after too many attempts the
// event is parked for an administrator. Subscribers that already took an event are skipped on its retry.
// Safe to run in several processes at once (see KnexOutboxStore.claim): while a run lasts it renews the lease
// on what it claimed (a heartbeat), so a killed process's events come back after one short lease, and a
// live one's are never taken from it however long a subscriber takes. On the embedded database it runs
// in-process, and no transaction is held open while subscribers work (they open their own).
import type { Clock, IdGenerator } from '../../core/shared/ports.js';
import { subscribes, type EventSubscriber } from '../../core/events/subscriber.js';
import type { ClaimedEvent, KnexOutboxStore } from './knex-outbox-store.js';
import { DEFAULT_RELAY_POLICY, heartbeatMs, retryDelayMs, shouldPark, type RelayPolicy } from './retry-policy.js';

export interface RelayReport {
  readonly delivered: number;
  readonly failed: number;
  readonly parked: number;
}

export interface RelayFailure {
  readonly event: ClaimedEvent;
  readonly subscriber: string;
  readonly error: unknown;
  readonly parked: boolean;
}

export interface OutboxRelayDeps {
  readonly store: KnexOutboxStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly subscribers?: readonly EventSubscriber[];
  readonly policy?: Partial<RelayPolicy>;
  /** Told of every failed attempt (the server logs it). */
  readonly onFailure?: (f: RelayFailure) => void;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

export class OutboxRelay {
  private readonly subscribers: EventSubscriber[];
  private readonly policy: RelayPolicy;
  private onFailure: ((f: RelayFailure) => void) | undefined;

  constructor(private readonly d: OutboxRelayDeps) {
    this.subscribers = [...(d.subscribers ?? [])];
    this.policy = { ...DEFAULT_RELAY_POLICY, ...d.policy };
    this.onFailure = d.onFailure;
    this.checkNames();
  }

  /** Adds a subscriber after the relay was built (a host or test; areas and plugins bind EventSubscriber). */
  subscribe(s: EventSubscriber): void {
    this.subscribers.push(s);
    this.checkNames();
  }

  /** Who hears of failures (replaces the previous listener). */
  setFailureListener(listener: ((f: RelayFailure) => void) | undefined): void {
    this.onFailure = listener;
  }

  subscriberNames(): string[] {
    return this.subscribers.map((s) => s.name);
  }

  /** Delivers what is due at `now` (default: the clock), round after round until nothing is left. */
  async runOnce(now: Date = this.d.clock.now()): Promise<RelayReport> {
    const token = this.d.ids.id();
    const report = { delivered: 0, failed: 0, parked: 0 };
    // `now` moves on with the clock while the run lasts, so later rounds' leases start when they are taken.
    const started = this.d.clock.now().getTime();
    const at = (): Date => new Date(now.getTime() + this.d.clock.now().getTime() - started);
    let held: number[] = [];
    let renewing = false;
    const heartbeat = setInterval(() => {
      if (renewing || held.length === 0) return;
      renewing = true;
      this.d.store.renew(held, token, new Date(at().getTime() + this.policy.leaseMs))
        .catch(() => undefined) // the database is away: the next beat tries again
        .finally(() => { renewing = false; });
    }, heartbeatMs(this.policy));
    heartbeat.unref();
    try {
      for (let round = 0; round < this.policy.maxRounds; round++) {
        const subjects = await this.d.store.claim(at(), this.policy.batchSize, this.policy.perSubject, this.policy.leaseMs, token);
        if (subjects.length === 0) break;
        held = subjects.flatMap((events) => events.map((e) => e.id));
        for (const events of subjects) {
          for (let i = 0; i < events.length; i++) {
            const e = events[i] as ClaimedEvent;
            const outcome = await this.deliver(e, token, at());
            if (outcome === 'delivered') report.delivered++;
            else {
              if (outcome === 'parked') report.parked++;
              else report.failed++;
              // The record's later events wait for this one (order per record), unless it was parked.
              if (outcome === 'failed') {
                await this.d.store.release(events.slice(i + 1), token);
                break;
              }
            }
          }
        }
      }
    } finally {
      clearInterval(heartbeat);
    }
    return report;
  }

  private async deliver(e: ClaimedEvent, token: string, now: Date): Promise<'delivered' | 'failed' | 'parked'> {
    const handled = [...e.handled];
    const failures: { subscriber: string; error: unknown }[] = [];
    for (const s of this.subscribers) {
      if (!subscribes(s.eventTypes, e.type) || handled.includes(s.name)) continue;
      try {
        await s.handle(e);
        handled.push(s.name);
      } catch (error) {
        failures.push({ subscriber: s.name, error });
      }
    }
    if (failures.length === 0) {
      await this.d.store.delivered(e, token, now, handled);
      return 'delivered';
    }
    const failedAttempts = e.attempts + 1;
    const park = shouldPark(failedAttempts, this.policy);
    const retryAt = park ? null : new Date(now.getTime() + retryDelayMs(failedAttempts, this.policy));
    await this.d.store.failed(e, token, now, handled, failures.map((f) => `${f.subscriber}: ${errorText(f.error)}`).join('\n'), retryAt);
    for (const f of failures) this.onFailure?.({ event: e, subscriber: f.subscriber, error: f.error, parked: park });
    return park ? 'parked' : 'failed';
  }

  private checkNames(): void {
    const names = this.subscribers.map((s) => s.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) throw new Error(`Two event subscribers are named "${dup}"; names must be unique (the relay remembers them)`);
  }
}
