// The in-process schedule of the pool recycler: every few minutes one pass over all firms. Several server
// processes may run it at once: the recycler locks candidates FOR UPDATE SKIP LOCKED and moves each with a
// compare-and-set, so each record is recycled by exactly one of them. Runs never overlap within a process.
import type { Logger } from 'pino';
import type { Crm } from '../adapters/composition/create-crm.js';

export interface RecycleSchedule {
  /** Stops the timer and waits for a pass in progress to finish (before the database closes). */
  stop(): Promise<void>;
}

/** Seconds between passes: YUNZHOU_RECYCLE_EVERY_SECONDS, default 300; 0 turns the schedule off. */
export function recycleEveryFromEnv(): number {
  const v = Number(process.env.YUNZHOU_RECYCLE_EVERY_SECONDS ?? 300);
  return Number.isFinite(v) && v >= 0 ? v : 300;
}

export function scheduleRecycler(crm: Crm, everySeconds: number, logger: Logger): RecycleSchedule {
  if (everySeconds <= 0) return { stop: async () => {} };
  let running: Promise<void> | null = null;
  const tick = (): void => {
    if (running) return;
    running = crm.poolRecycler
      .run()
      .then((r) => {
        if (r.recycled || r.reminded) logger.info(r, 'pool recycler pass');
      })
      .catch((err: unknown) => logger.error({ err }, 'pool recycler pass failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everySeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
