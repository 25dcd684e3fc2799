// How often the pool recycler runs in the server. The one scheduler (adapters/scheduler, job
// 'inquiries.recycle') runs it once per slot across processes; the recycler itself is also safe when
// several run at once (candidates locked FOR UPDATE SKIP LOCKED, each move a compare-and-set).

/** Seconds between passes: YUNZHOU_RECYCLE_EVERY_SECONDS, default 300; 0 turns the schedule off. */
export function recycleEveryFromEnv(): number {
  const v = Number(process.env.YUNZHOU_RECYCLE_EVERY_SECONDS ?? 300);
  return Number.isFinite(v) && v >= 0 ? v : 300;
}
