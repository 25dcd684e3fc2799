// The one scheduler of the application. Jobs (core areas' through the ScheduledJob multi-binding, plugins'
// through ctx.addJob) are due once per slot (slots.ts). An exclusive job (the default) claims its slot in
// scheduled_runs first, so with several server processes on one database it runs once per slot; a failed
// run is retried in the same slot a few times, and a runner that vanished mid-run loses its claim when the
// lease runs out. A non-exclusive job (the outbox relay) runs in every process, being safe to overlap.
// start() drives it with an in-process timer; runDue(now) is the same step for hosts and tests.
import type { Clock } from '../../core/shared/ports.js';
import type { ScheduledJob } from '../composition/plugin-api.js';
import type { OutboxSignal } from '../events/commit-signal.js';
import type { KnexSlotStore, SlotRun } from './knex-slot-store.js';
import { slotOf } from './slots.js';

export type JobOutcome =
  | 'ran' // this process ran it for the slot
  | 'failed' // it threw (retried later in the slot while attempts remain)
  | 'taken' // another runner has (or had) the slot
  | 'done' // this process already ran the slot
  | 'busy' // still running from before
  | 'off'; // switched off in this process

export interface JobRun {
  readonly job: string;
  readonly slot: Date | null;
  readonly outcome: JobOutcome;
  readonly error?: string;
}

export interface SchedulerDeps {
  readonly clock: Clock;
  readonly store: KnexSlotStore;
  /** Names this process in scheduled_runs (host, pid and a random part). */
  readonly runnerId: string;
  /** Runs of one slot at most (first run and retries). Default 3. */
  readonly maxAttemptsPerSlot?: number;
  /** Wait before a failed run is retried in its slot. Default 60 s (or the period, when shorter). */
  readonly retryDelaySeconds?: number;
  /** Wakes a job when events are committed (the relay), while started. */
  readonly wake?: { readonly signal: OutboxSignal; readonly job: string };
}

export interface StartOptions {
  /** How often the timer looks for due jobs (default 1000 ms). */
  readonly tickMs?: number;
  /** Per-job periods for this process, in seconds (0 switches a job off here). */
  readonly everySeconds?: Readonly<Record<string, number>>;
  /** Told of every failed run. */
  readonly onError?: (run: JobRun, error: unknown) => void;
}

const DEFAULT_LEASE_SECONDS = 600;

function text(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

export class Scheduler {
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly periods = new Map<string, number>();
  private readonly doneSlot = new Map<string, number>();
  private readonly recheck = new Map<string, { slot: number; at: number }>();
  private readonly running = new Map<string, Promise<JobRun>>();
  private readonly again = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private onError: ((run: JobRun, error: unknown) => void) | undefined;

  constructor(private readonly d: SchedulerDeps) {}

  /** Adds a job; names are unique (they key scheduled_runs). */
  register(job: ScheduledJob): void {
    if (this.jobs.has(job.name)) throw new Error(`A scheduled job named "${job.name}" is already registered`);
    if (!(job.everySeconds > 0)) throw new Error(`Job "${job.name}": everySeconds must be positive`);
    this.jobs.set(job.name, job);
  }

  list(): { name: string; everySeconds: number; offsetSeconds: number; exclusive: boolean }[] {
    return [...this.jobs.values()].map((j) => ({
      name: j.name, everySeconds: this.periods.get(j.name) ?? j.everySeconds, offsetSeconds: j.offsetSeconds ?? 0, exclusive: j.exclusive ?? true,
    }));
  }

  /** Changes a job's period in this process (0: off here). */
  setPeriod(name: string, everySeconds: number): void {
    if (!this.jobs.has(name)) throw new Error(`No scheduled job named "${name}"`);
    this.periods.set(name, everySeconds);
  }

  /** Runs every job due at `now` (default: the clock), one after the other in registration order. */
  async runDue(now: Date = this.d.clock.now()): Promise<JobRun[]> {
    const out: JobRun[] = [];
    for (const job of this.jobs.values()) out.push(await this.runTracked(job, now, false));
    return out;
  }

  /** Runs one job now if its slot is due (or, for a non-exclusive job, regardless: `force`). */
  runJob(name: string, now: Date = this.d.clock.now(), force = false): Promise<JobRun> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`No scheduled job named "${name}"`);
    return this.runTracked(job, now, force);
  }

  /** The latest recorded run of each exclusive job. */
  status(): Promise<SlotRun[]> {
    return this.d.store.latest();
  }

  get started(): boolean {
    return this.timer !== null;
  }

  /** Starts the in-process timer (and the after-commit wake-up of the relay). */
  start(options: StartOptions = {}): void {
    if (this.timer) return;
    this.onError = options.onError;
    for (const [name, s] of Object.entries(options.everySeconds ?? {})) if (this.jobs.has(name)) this.periods.set(name, s);
    const tick = (): void => {
      const now = this.d.clock.now();
      for (const job of this.jobs.values()) if (!this.running.has(job.name)) void this.runTracked(job, now, false).catch(() => undefined);
    };
    this.timer = setInterval(tick, options.tickMs ?? 1000);
    this.timer.unref();
    if (this.d.wake) {
      const name = this.d.wake.job;
      this.d.wake.signal.listen(() => this.wakeUp(name));
    }
    tick();
  }

  /** Stops the timer and waits for runs in progress (call before closing the database). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.d.wake?.signal.listen(null);
    this.again.clear();
    await Promise.allSettled([...this.running.values()]);
  }

  private wakeUp(name: string): void {
    if (!this.timer || !this.jobs.has(name)) return;
    if (this.running.has(name)) {
      this.again.add(name);
      return;
    }
    void this.runJob(name, this.d.clock.now(), true).catch(() => undefined);
  }

  private runTracked(job: ScheduledJob, now: Date, force: boolean): Promise<JobRun> {
    const busy = this.running.get(job.name);
    if (busy) return Promise.resolve({ job: job.name, slot: null, outcome: 'busy' });
    const p = this.run(job, now, force)
      .catch((error: unknown) => {
        const r: JobRun = { job: job.name, slot: null, outcome: 'failed', error: text(error) };
        this.onError?.(r, error);
        return r;
      })
      .finally(() => {
        this.running.delete(job.name);
        if (this.again.delete(job.name) && this.timer) void this.runJob(job.name, this.d.clock.now(), true).catch(() => undefined);
      });
    this.running.set(job.name, p);
    return p;
  }

  private async run(job: ScheduledJob, now: Date, force: boolean): Promise<JobRun> {
    const every = this.periods.get(job.name) ?? job.everySeconds;
    if (every <= 0) return { job: job.name, slot: null, outcome: 'off' };
    const slot = slotOf(now, every, job.offsetSeconds ?? 0);
    const key = slot.getTime();
    const exclusive = job.exclusive ?? true;
    if (!(force && !exclusive) && this.doneSlot.get(job.name) === key) return { job: job.name, slot, outcome: 'done' };

    if (!exclusive) {
      this.doneSlot.set(job.name, key);
      try {
        await job.run(slot, now);
        return { job: job.name, slot, outcome: 'ran' };
      } catch (error) {
        const r: JobRun = { job: job.name, slot, outcome: 'failed', error: text(error) };
        this.onError?.(r, error);
        return r;
      }
    }

    const wait = this.recheck.get(job.name);
    if (wait && wait.slot === key && now.getTime() < wait.at) return { job: job.name, slot, outcome: 'taken' };
    const maxAttempts = this.d.maxAttemptsPerSlot ?? 3;
    const leaseUntil = new Date(now.getTime() + (job.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000);
    const attempt = await this.d.store.claim(job.name, slot, this.d.runnerId, now, leaseUntil, maxAttempts);
    if (attempt === null) {
      // Someone else has it; look again later in case that runner vanishes (its lease then runs out).
      this.recheck.set(job.name, { slot: key, at: now.getTime() + Math.min(every, 30) * 1000 });
      return { job: job.name, slot, outcome: 'taken' };
    }
    try {
      await job.run(slot, now);
      await this.d.store.succeeded(job.name, slot, this.d.runnerId, this.d.clock.now());
      this.doneSlot.set(job.name, key);
      return { job: job.name, slot, outcome: 'ran' };
    } catch (error) {
      const last = attempt >= maxAttempts;
      const retryAt = last ? null : new Date(now.getTime() + Math.min(this.d.retryDelaySeconds ?? 60, every) * 1000);
      await this.d.store.failed(job.name, slot, this.d.runnerId, this.d.clock.now(), text(error), retryAt);
      if (last) this.doneSlot.set(job.name, key);
      else this.recheck.set(job.name, { slot: key, at: (retryAt as Date).getTime() });
      const r: JobRun = { job: job.name, slot, outcome: 'failed', error: text(error) };
      this.onError?.(r, error);
      return r;
    }
  }
}
