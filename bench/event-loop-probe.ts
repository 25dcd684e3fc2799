// Loaded into each server process by bench/flow.ts (node --import): how long callbacks waited for the event
// loop, the stalls (the loop blocked 20 ms or more: every request in flight waits that long), and the
// garbage collector's pauses, printed as one line when the process exits. SIGUSR2 starts the count afresh
// (bench/flow.ts sends it when the load starts, so loading modules and signing in are left out).
import { monitorEventLoopDelay, PerformanceObserver, constants } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();

const STALL_MS = 20;
const stalls: number[] = [];
/** When the longest stalls ended, seconds after the count started. */
const stallAt: [number, number][] = [];
let from = performance.now();
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  const late = now - last - 10;
  if (late >= STALL_MS) {
    stalls.push(late);
    stallAt.push([Math.round((now - from) / 100) / 10, Math.round(late)]);
  }
  last = now;
}, 10).unref();

const gc = { count: 0, ms: 0, max: 0, major: 0, majorMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.count++;
    gc.ms += e.duration;
    gc.max = Math.max(gc.max, e.duration);
    if ((e as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
      gc.major++;
      gc.majorMs += e.duration;
    }
  }
}).observe({ entryTypes: ['gc'] });

process.on('SIGUSR2', () => {
  histogram.reset();
  stalls.length = 0;
  stallAt.length = 0;
  from = performance.now();
  Object.assign(gc, { count: 0, ms: 0, max: 0, major: 0, majorMs: 0 });
});

process.on('exit', () => {
  const ms = (ns: number): number => Math.round(ns / 1e4) / 100;
  const r = (x: number): number => Math.round(x * 10) / 10;
  stalls.sort((a, b) => b - a);
  process.stderr.write(`event-loop-delay ${JSON.stringify({
    pid: process.pid, p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean),
    stalls: stalls.length, stallMs: r(stalls.reduce((a, b) => a + b, 0)), worstStalls: stalls.slice(0, 5).map(r), stallAt: stallAt.sort((a, b) => b[1] - a[1]).slice(0, 5),
    gc: { count: gc.count, ms: r(gc.ms), max: r(gc.max), major: gc.major, majorMs: r(gc.majorMs) },
  })}\n`);
});
