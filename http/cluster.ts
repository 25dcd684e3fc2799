// `yunzhou serve --workers N`: a primary process that forks N server workers sharing one port (node:cluster,
// round-robin: the primary accepts connections and hands each to a worker), replaces a worker that dies,
// drains them all on SIGTERM/SIGINT, and on SIGHUP replaces them one at a time, each new worker listening
// before its predecessor drains, so no request is refused (docs/operations.md).
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';

/** `--workers`: a count of at least 1, or `auto` (one per core); absent means 1. */
export function parseWorkers(value: string | undefined, cores = availableParallelism()): number {
  if (value === undefined) return 1;
  if (value === 'auto') return Math.max(1, cores);
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new Error(`--workers must be a whole number from 1 to 999 or "auto", not "${value}"`);
  return Number(value);
}

/** The embedded database lives inside one process: only PostgreSQL can be shared by several. */
export function refuseEmbeddedCluster(workers: number, embedded: boolean): void {
  if (workers > 1 && embedded) {
    throw new Error(
      `--workers ${workers} needs PostgreSQL (DATABASE_URL): the embedded database lives inside one process and cannot be shared by several. ` +
      '多进程运行需要 PostgreSQL（设置 DATABASE_URL）：内置数据库只能由一个进程使用。',
    );
  }
}

export interface Primary {
  /** Replaces the workers one at a time (what SIGHUP does). */
  rollingRestart(): Promise<void>;
  /** Drains every worker and resolves once all have exited (what SIGTERM does). */
  stop(): Promise<void>;
}

/** A worker that dies this soon after it was forked is restarted after a pause, so a crash loop does not spin. */
const EARLY_DEATH_MS = 5_000;
const RESTART_PAUSE_MS = 1_000;

/** In the primary: forks the workers (which run the same command line) and looks after them. */
export async function runPrimary(workers: number, logger: Logger, handleSignals = true): Promise<Primary> {
  cluster.schedulingPolicy = cluster.SCHED_RR;
  const retiring = new Set<Worker>();
  let stopping: Promise<void> | null = null;

  const exited = (w: Worker): Promise<void> => new Promise((resolve) => {
    if (w.isDead()) resolve();
    else w.once('exit', () => resolve());
  });

  const fork = (): Promise<Worker> => {
    const startedAt = Date.now();
    const w = cluster.fork();
    w.once('exit', (code, signal) => {
      if (stopping || retiring.delete(w)) return;
      const early = Date.now() - startedAt < EARLY_DEATH_MS;
      logger.warn({ worker: w.process.pid, code, signal }, 'a worker died; starting another');
      setTimeout(() => { if (!stopping) void fork().catch((err: unknown) => logger.error({ err }, 'a worker could not start')); }, early ? RESTART_PAUSE_MS : 0);
    });
    return new Promise((resolve, reject) => {
      const onExit = (code: number): void => reject(new Error(`worker ${w.process.pid} exited (${code}) before listening`));
      w.once('exit', onExit);
      w.once('listening', () => {
        w.off('exit', onExit);
        logger.info({ worker: w.process.pid }, 'worker listening');
        resolve(w);
      });
    });
  };

  const retire = async (w: Worker): Promise<void> => {
    retiring.add(w);
    w.process.kill('SIGTERM'); // the worker's own graceful stop: refuse new, finish in flight, close the database
    await exited(w);
  };

  await Promise.all(Array.from({ length: workers }, fork));
  logger.info({ workers, pid: process.pid }, 'workers ready');

  let restarting: Promise<void> | null = null;
  const primary: Primary = {
    rollingRestart() {
      restarting ??= (async () => {
        const old = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !retiring.has(w));
        for (const w of old) {
          if (stopping) break;
          await fork(); // listening (so ready) before the one it replaces stops taking connections
          await retire(w);
        }
        logger.info({ workers }, 'rolling restart done');
      })().finally(() => { restarting = null; });
      return restarting;
    },
    stop() {
      stopping ??= (async () => {
        const all = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
        for (const w of all) w.process.kill('SIGTERM');
        await Promise.all(all.map(exited));
        logger.info('yunzhou stopped');
      })();
      return stopping;
    },
  };
  if (handleSignals) {
    for (const sig of ['SIGTERM', 'SIGINT'] as const) {
      process.once(sig, () => {
        logger.info({ signal: sig }, 'shutting down every worker');
        void primary.stop().then(() => process.exit(0));
      });
    }
    process.on('SIGHUP', () => {
      logger.info('rolling restart');
      void primary.rollingRestart().catch((err: unknown) => logger.error({ err }, 'rolling restart failed'));
    });
  }
  return primary;
}

export const isClusterWorker = (): boolean => cluster.isWorker;
