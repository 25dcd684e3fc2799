// Repeated wrong passwords slow the next attempt down, then lock the account for a while.
export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  readonly freeAttempts: number;
  /** The delay after the first delayed failure, doubling each time. */
  readonly baseDelaySeconds: number;
  /** After this many failures the account locks for lockMinutes. */
  readonly lockAfter: number;
  readonly lockMinutes: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { freeAttempts: 3, baseDelaySeconds: 2, lockAfter: 10, lockMinutes: 15 };

/** When the next attempt may come after `failures` consecutive wrong passwords (null: right away). */
export function nextAttemptAfterFailure(failures: number, now: Date, policy: ThrottlePolicy = DEFAULT_THROTTLE): Date | null {
  if (failures >= policy.lockAfter) return new Date(now.getTime() + policy.lockMinutes * 60_000);
  if (failures <= policy.freeAttempts) return null;
  const seconds = policy.baseDelaySeconds * 2 ** (failures - policy.freeAttempts - 1);
  return new Date(now.getTime() + seconds * 1000);
}
