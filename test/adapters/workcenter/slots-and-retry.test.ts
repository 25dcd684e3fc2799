// The scheduler's slots and the relay's back-off, as pure rules.
import test from 'ava';
import fc from 'fast-check';
import { nextSlot, slotOf } from '../../../adapters/scheduler/slots.js';
import { retryDelayMs, shouldPark } from '../../../adapters/events/retry-policy.js';

test('a slot is the latest period start at or before the instant', (t) => {
  t.deepEqual(slotOf(new Date('2026-11-27T08:04:59.999Z'), 300), new Date('2026-11-27T08:00:00Z'));
  t.deepEqual(slotOf(new Date('2026-11-27T08:05:00Z'), 300), new Date('2026-11-27T08:05:00Z'));
  t.deepEqual(nextSlot(new Date('2026-11-27T08:04:00Z'), 300), new Date('2026-11-27T08:05:00Z'));
});

test('an offset shifts daily slots: offset 3600 s starts the day at 01:00 UTC (09:00 in Shanghai)', (t) => {
  t.deepEqual(slotOf(new Date('2026-11-27T00:59:00Z'), 86_400, 3600), new Date('2026-11-26T01:00:00Z'));
  t.deepEqual(slotOf(new Date('2026-11-27T01:00:00Z'), 86_400, 3600), new Date('2026-11-27T01:00:00Z'));
});

test('every instant lies in its slot, and slots are a period apart', (t) => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 1, max: 86_400 }), fc.integer({ min: -86_400, max: 86_400 }), (ms, every, offset) => {
    const now = new Date(ms);
    const s = slotOf(now, every, offset).getTime();
    return s <= ms && ms < s + every * 1000 && nextSlot(now, every, offset).getTime() === s + every * 1000;
  }));
  t.pass();
});

test('retries wait 10 s, 20 s, 40 s … capped at an hour; the tenth failure parks the event', (t) => {
  const policy = { baseDelayMs: 10_000, maxDelayMs: 3_600_000, maxAttempts: 10 };
  t.deepEqual([1, 2, 3, 4, 9, 12, 50].map((n) => retryDelayMs(n, policy)), [10_000, 20_000, 40_000, 80_000, 2_560_000, 3_600_000, 3_600_000]);
  t.false(shouldPark(9, policy));
  t.true(shouldPark(10, policy));
});
