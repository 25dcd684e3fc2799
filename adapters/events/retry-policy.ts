// How the outbox relay treats a failing subscriber: try again after a doubling delay (capped), and after
// too many attempts park the event where an administrator sees it, so one bad event never loops forever.

export interface RelayPolicy {
  /** Events claimed per round (heads of distinct records). */
  readonly batchSize: number;
  /** Events of one record delivered in a round, in order. */
  readonly perSubject: number;
  /**
   * How long a claim holds before another relay may take the events. A live relay renews it every third of
   * it (a heartbeat), so it bounds only how late a killed process's events come back.
   */
  readonly leaseMs: number;
  /** Attempts before an event is parked. */
  readonly maxAttempts: number;
  /** Delay after the first failure; doubled after each further one. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Rounds per run at most (a run stops earlier when nothing is left). */
  readonly maxRounds: number;
}

export const DEFAULT_RELAY_POLICY: RelayPolicy = {
  batchSize: 100, perSubject: 20, leaseMs: 15_000, maxAttempts: 10, baseDelayMs: 10_000, maxDelayMs: 3_600_000, maxRounds: 50,
};

/** The wait before attempt n + 1 after n failed attempts: base × 2^(n−1), at most the cap. */
export function retryDelayMs(failedAttempts: number, policy: Pick<RelayPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  const n = Math.max(1, failedAttempts);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(n - 1, 40));
}

/** Whether an event that failed this many times is parked rather than retried. */
export function shouldPark(failedAttempts: number, policy: Pick<RelayPolicy, 'maxAttempts'>): boolean {
  return failedAttempts >= policy.maxAttempts;
}

/** How often a relay renews the lease on the events it holds: a third of the lease, so two renewals may fail. */
export function heartbeatMs(policy: Pick<RelayPolicy, 'leaseMs'>): number {
  return Math.max(1, Math.floor(policy.leaseMs / 3));
}
