// A lost database fails every request at once: such a failure is logged once a minute with how many were
// left out since, not once per request (an outage must not flood the log it is looked for in).
export class ThrottledLog {
  private last = Number.NEGATIVE_INFINITY;
  private quiet = 0;

  constructor(private readonly everyMs: number, private readonly now: () => number = Date.now) {}

  /** null: stay quiet this time; otherwise log now, and this many were left out since the last line. */
  take(): number | null {
    const t = this.now();
    if (t - this.last < this.everyMs) {
      this.quiet++;
      return null;
    }
    const left = this.quiet;
    this.quiet = 0;
    this.last = t;
    return left;
  }
}
