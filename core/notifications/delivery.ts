// One copy of a notification (event × recipient × channel) on its way out. A failure the vendor may get over
// (outage, timeout) is retried with growing delays and parked after N attempts for the administrator to see
// with the vendor's code and message; a rate limit is not a failure: the copy waits as long as the vendor
// says and its attempts are not counted; a refusal (bad credentials, unknown user) parks it at once. An
// administrator may requeue a parked copy (after fixing the settings). Sent is final: never sent twice.
import { fire, DomainError, type MachineDef } from '../shared/index.js';
import type { Channel } from './notification.js';

export type DeliveryState = 'pending' | 'retrying' | 'rate_limited' | 'sent' | 'parked';
export type DeliveryEvent = 'sent' | 'failed' | 'rate_limited' | 'rejected' | 'requeue';

/** The attempts made so far, counting the failed one, against the limit: decides retrying or parked. */
export interface FailurePayload {
  readonly attempts: number;
  readonly maxAttempts: number;
}

const WAITING: readonly DeliveryState[] = ['pending', 'retrying', 'rate_limited'];

export const DELIVERY_MACHINE: MachineDef<DeliveryState, DeliveryEvent, unknown, FailurePayload | undefined> = {
  name: 'notification_delivery',
  states: ['pending', 'retrying', 'rate_limited', 'sent', 'parked'],
  initial: 'pending',
  final: ['sent'],
  transitions: [
    { from: WAITING, event: 'sent', to: 'sent' },
    { from: WAITING, event: 'failed', to: (_from, p) => (p !== undefined && p.attempts < p.maxAttempts ? 'retrying' : 'parked') },
    { from: WAITING, event: 'rate_limited', to: 'rate_limited' },
    { from: WAITING, event: 'rejected', to: 'parked' },
    { from: ['parked'], event: 'requeue', to: 'pending' },
  ],
  labels: {
    pending: '待发送', retrying: '重试中', rate_limited: '限流排队', sent: '已发送', parked: '已搁置',
    failed: '发送失败', rejected: '被拒绝', requeue: '重新发送',
  },
};

export interface RetryPolicy {
  readonly maxAttempts: number;
  /** Delay after the first failure; doubles after each further one … */
  readonly baseDelayMs: number;
  /** … up to this. */
  readonly maxDelayMs: number;
}

/** 8 attempts over about an hour: waits of 30 s, 1, 2, 4, 8, 16, 32 min, then parked. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/** The wait after the n-th failed attempt (n ≥ 1): base × 2^(n−1), capped. Deterministic: no jitter, the relay spreads work. */
export function backoffDelay(failedAttempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const n = Math.max(1, Math.floor(failedAttempts));
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(n - 1, 40));
}

export interface VendorFailure {
  /** The vendor's code (errcode, Code) or the transport's (TIMEOUT, HTTP_502), shown unchanged. */
  readonly code: string;
  readonly message: string;
}

export interface Delivery {
  /** The idempotency key: source, recipient, channel (notificationKey). */
  readonly key: string;
  readonly channel: Channel;
  readonly state: DeliveryState;
  /** Attempts that failed or succeeded; rate-limited tries are not counted. */
  readonly attempts: number;
  /** When to try next (null once sent or parked). */
  readonly nextAttemptAt: Date | null;
  readonly lastError: VendorFailure | null;
  readonly sentAt: Date | null;
}

/** What came of one attempt, as the channel's client reported it. */
export type AttemptOutcome =
  | { readonly type: 'sent' }
  | { readonly type: 'failed'; readonly error: VendorFailure } // may succeed later
  | { readonly type: 'rate_limited'; readonly retryAfterMs: number; readonly error: VendorFailure }
  | { readonly type: 'rejected'; readonly error: VendorFailure }; // will not succeed until someone fixes something

/** A new copy, due at `dueAt` (now, the end of quiet hours, or the digest time). */
export function newDelivery(key: string, channel: Channel, dueAt: Date): Delivery {
  return { key, channel, state: 'pending', attempts: 0, nextAttemptAt: dueAt, lastError: null, sentAt: null };
}

function apply(d: Delivery, event: DeliveryEvent, payload?: FailurePayload): DeliveryState {
  const r = fire(DELIVERY_MACHINE, d.state, event, undefined, payload);
  if (r instanceof DomainError) throw r;
  return r.to;
}

/** The copy after an attempt at `now`. Throws `notification_delivery.transition_not_allowed` for a sent or parked copy. */
export function afterAttempt(d: Delivery, outcome: AttemptOutcome, now: Date, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Delivery {
  switch (outcome.type) {
    case 'sent':
      return { ...d, state: apply(d, 'sent'), attempts: d.attempts + 1, nextAttemptAt: null, sentAt: now };
    case 'rate_limited':
      return { ...d, state: apply(d, 'rate_limited'), nextAttemptAt: new Date(now.getTime() + Math.max(0, outcome.retryAfterMs)), lastError: outcome.error };
    case 'rejected':
      return { ...d, state: apply(d, 'rejected'), attempts: d.attempts + 1, nextAttemptAt: null, lastError: outcome.error };
    case 'failed': {
      const attempts = d.attempts + 1;
      const state = apply(d, 'failed', { attempts, maxAttempts: policy.maxAttempts });
      return { ...d, state, attempts, nextAttemptAt: state === 'parked' ? null : new Date(now.getTime() + backoffDelay(attempts, policy)), lastError: outcome.error };
    }
  }
}

/** An administrator sends a parked copy again: a fresh set of attempts, starting at `now`. */
export function requeue(d: Delivery, now: Date): Delivery {
  return { ...d, state: apply(d, 'requeue'), attempts: 0, nextAttemptAt: now };
}
