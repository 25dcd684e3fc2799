// A scheduled job, as core areas and plugins contribute them (ScheduledJobContribution); the scheduler runs
// them all. Plugins define theirs through the SDK (yunzhou/plugin, adapters/composition/plugin-sdk.ts).
export interface ScheduledJob {
  /** Unique name (a plugin's jobs are registered as `<plugin>.<name>`). */
  readonly name: string;
  /** How often the job's slot comes round. */
  readonly everySeconds: number;
  /** Slots start this many seconds after each multiple of everySeconds since 1970 UTC (default 0). */
  readonly offsetSeconds?: number;
  /**
   * true (default): the job runs once per slot across all server processes (the slot is claimed in the
   * database). false: it runs in every process each slot, for jobs that are safe to overlap.
   */
  readonly exclusive?: boolean;
  /** How long a claim lasts before another process may take over a run whose process vanished (default 600). */
  readonly leaseSeconds?: number;
  /** Must be idempotent: a slot missed during downtime is run once on start, a failed run is retried. */
  run(slot: Date, now: Date): Promise<void>;
}
