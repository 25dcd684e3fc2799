// One copy on its way out: sent once, retried with backoff and parked after N failures, queued (not counted)
// when rate-limited, parked at once when refused, requeued by an administrator.
import test from 'ava';
import fc from 'fast-check';
import { validateMachine } from '../../../core/shared/state-machine.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import {
  DEFAULT_RETRY_POLICY, DELIVERY_MACHINE, afterAttempt, backoffDelay, newDelivery, requeue, type AttemptOutcome, type Delivery,
} from '../../../core/notifications/index.js';

const t0 = new Date('2026-11-26T02:00:00Z');
const plus = (ms: number): string => new Date(t0.getTime() + ms).toISOString();
const err = { code: '-1', message: 'system busy' };
const fresh = (): Delivery => newDelivery('event:41/u-1/wecom', 'wecom', t0);

test('the machine is valid: every state reachable, sent final', (t) => {
  t.deepEqual(validateMachine(DELIVERY_MACHINE), []);
});

test('backoff doubles from 30 s and is capped at an hour', (t) => {
  t.deepEqual([1, 2, 3, 4, 7, 8, 20].map((n) => backoffDelay(n)), [30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000]);
  t.is(backoffDelay(0), 30_000);
});

test('sent: attempts counted, nothing more to do', (t) => {
  const d = afterAttempt(fresh(), { type: 'sent' }, t0);
  t.like(d, { state: 'sent', attempts: 1, nextAttemptAt: null, sentAt: t0 });
  const e = t.throws(() => afterAttempt(d, { type: 'sent' }, t0), { instanceOf: DomainError });
  t.is(e?.code, 'notification_delivery.transition_not_allowed');
});

test('failures retry with backoff and park after the last attempt, keeping the vendor\'s error', (t) => {
  let d = fresh();
  const waits: string[] = [];
  for (let i = 1; i <= DEFAULT_RETRY_POLICY.maxAttempts; i++) {
    d = afterAttempt(d, { type: 'failed', error: { ...err, code: String(i) } }, t0);
    waits.push(d.state === 'retrying' ? (d.nextAttemptAt?.toISOString() ?? '?') : d.state);
  }
  t.deepEqual(waits, [plus(30_000), plus(60_000), plus(120_000), plus(240_000), plus(480_000), plus(960_000), plus(1_920_000), 'parked']);
  t.like(d, { attempts: 8, nextAttemptAt: null, lastError: { code: '8', message: 'system busy' } });
  const again = requeue(d, t0);
  t.like(again, { state: 'pending', attempts: 0, nextAttemptAt: t0 });
  t.is(afterAttempt(again, { type: 'sent' }, t0).state, 'sent');
});

test('a rate limit queues the copy for the vendor\'s delay without counting an attempt; a refusal parks it at once', (t) => {
  const limited = afterAttempt(fresh(), { type: 'rate_limited', retryAfterMs: 60_000, error: { code: '45009', message: 'api freq out of limit' } }, t0);
  t.like(limited, { state: 'rate_limited', attempts: 0 });
  t.is(limited.nextAttemptAt?.toISOString(), plus(60_000));
  const refused = afterAttempt(limited, { type: 'rejected', error: { code: '81013', message: 'user & party & tag all invalid' } }, t0);
  t.like(refused, { state: 'parked', attempts: 1, nextAttemptAt: null });
  t.throws(() => requeue(fresh(), t0), { instanceOf: DomainError });
});

test('property: whatever the vendor answers, a copy is sent at most once, never waits forever unscheduled, and parks after at most N counted failures', (t) => {
  const outcome: fc.Arbitrary<AttemptOutcome> = fc.oneof(
    fc.constant<AttemptOutcome>({ type: 'sent' }),
    fc.constant<AttemptOutcome>({ type: 'failed', error: err }),
    fc.constant<AttemptOutcome>({ type: 'rejected', error: err }),
    fc.integer({ min: 0, max: 3_600_000 }).map<AttemptOutcome>((ms) => ({ type: 'rate_limited', retryAfterMs: ms, error: err })),
  );
  fc.assert(fc.property(fc.array(outcome, { maxLength: 30 }), (outcomes) => {
    let d = fresh();
    let sends = 0;
    for (const o of outcomes) {
      if (d.state === 'sent' || d.state === 'parked') break;
      d = afterAttempt(d, o, t0);
      if (d.state === 'sent') sends++;
      const waiting = d.state === 'pending' || d.state === 'retrying' || d.state === 'rate_limited';
      if (waiting !== (d.nextAttemptAt !== null)) return false;
      if (d.attempts > DEFAULT_RETRY_POLICY.maxAttempts) return false;
    }
    return sends <= 1;
  }));
  t.pass();
});
