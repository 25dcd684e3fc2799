// Slots: a job due every N seconds owns one slot per period, the period's start (aligned to the Unix epoch,
// shifted by an offset: a daily job with offset 3600 s runs from 01:00 UTC, 09:00 in Shanghai). The slot of
// an instant is the latest start at or before it, so after downtime the first pass runs the last missed
// slot once, never the whole backlog.

/** The start of the slot containing `now`. */
export function slotOf(now: Date, everySeconds: number, offsetSeconds = 0): Date {
  if (!(everySeconds > 0)) throw new Error(`everySeconds must be positive, got ${everySeconds}`);
  const period = everySeconds * 1000;
  const offset = (((offsetSeconds * 1000) % period) + period) % period;
  return new Date(Math.floor((now.getTime() - offset) / period) * period + offset);
}

/** The start of the slot after the one containing `now`. */
export function nextSlot(now: Date, everySeconds: number, offsetSeconds = 0): Date {
  return new Date(slotOf(now, everySeconds, offsetSeconds).getTime() + everySeconds * 1000);
}
