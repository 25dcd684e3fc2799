// Runs import jobs in the background of the process that took the upload: claims the job (a lease in the
// database), reads the file, and imports it chunk by chunk, each chunk one transaction that also moves the
// job's progress on. A job whose process stopped (crash, restart, deploy) keeps its committed chunks; the
// scheduled `import-export.resume` job takes it over once its lease ran out and goes on from there.
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import {
  PERMISSIONS, buildActor, can, domainError, isDomainError,
  type Actor, type Department, type PluginData, type User,
} from 'yunzhou/plugin';
import { processChunk, LostLease, type ChunkDeps } from './import-chunk.js';
import { readImportFile } from './import-file.js';
import type { ImportJob, ImportJobStore, JobError } from './job-store.js';
import { directoryOf, type Directory } from './prepare-row.js';
import type { Services } from './services.js';

export interface RunnerSettings {
  /** Rows per transaction (default 1000). */
  readonly chunkSize: number;
  /** How long a runner holds a job without committing a chunk before another may take it over. */
  readonly leaseSeconds: number;
  readonly maxRows: number;
  /** The folder of the spooled uploads. */
  readonly dir: () => string;
}

export interface Progress {
  readonly processed: number;
  readonly total: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly invalid: number;
}

/** A job that vanished and is not resumed within this long after its upload is picked up by `resume`. */
const QUEUED_GRACE_MS = 60_000;

function asJobError(e: unknown): JobError {
  if (isDomainError(e)) return { code: e.code, zh: e.text.zh, en: e.text.en, details: { ...e.details } };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'import.interrupted', zh: `导入中断：${message}`, en: `The import stopped: ${message}`, details: {} };
}

/** After the first chunks, and whenever the rows imported have doubled, the planner learns the new size. */
function analyzeAfter(chunk: number): boolean {
  return chunk > 0 && (chunk & (chunk + 1)) === 0;
}

export class ImportRunner {
  private readonly running = new Map<string, Promise<ImportJob | null>>();
  private readonly runnerId = `${hostname()}:${process.pid}`;

  constructor(
    private readonly services: Services,
    private readonly data: PluginData,
    private readonly store: ImportJobStore,
    private readonly settings: RunnerSettings,
  ) {}

  /** Starts a job in the background of this process (a no-op while this process already runs it). */
  start(tenantId: string, id: string): void {
    const key = `${tenantId}/${id}`;
    if (this.running.has(key)) return;
    const p = this.run(tenantId, id).catch(() => null).finally(() => this.running.delete(key));
    this.running.set(key, p);
  }

  /** Resolves when this process runs no job any more. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running.values()]);
  }

  /** The scheduled job: takes over jobs left queued or whose runner's lease ran out; returns how many it ran. */
  async resumeStale(now: Date): Promise<number> {
    const stale = await this.store.stale(now, new Date(now.getTime() - QUEUED_GRACE_MS), 10);
    let ran = 0;
    for (const j of stale) {
      if (this.running.has(`${j.tenantId}/${j.id}`)) continue;
      if (await this.run(j.tenantId, j.id)) ran++;
    }
    return ran;
  }

  private async actorOf(job: ImportJob): Promise<Actor> {
    const org = this.services.people;
    return this.data.read(async (_knex, tx) => {
      const [tenant, user] = await Promise.all([org.getTenant(tx, job.tenantId), org.getUser(tx, job.tenantId, job.createdBy)]);
      if (!tenant || !user || !user.active) {
        throw domainError('import.importer_inactive', 'rule', '导入人的账号已停用，导入已停止', 'The account of the person importing was deactivated; the import stopped');
      }
      return buildActor(tenant, user, await org.listRoles(tx, job.tenantId), await org.listDepartments(tx, job.tenantId));
    });
  }

  private async directory(tenantId: string): Promise<Directory> {
    const org = this.services.people;
    return this.data.read(async (_knex, tx) => {
      const users: User[] = [];
      let cursor: string | undefined;
      do {
        const page = await org.listUsers(tx, tenantId, { active: true }, { limit: 500, ...(cursor ? { cursor } : {}) });
        users.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const departments: Department[] = await org.listDepartments(tx, tenantId);
      return directoryOf(users, departments);
    });
  }

  /**
   * Claims the job and imports it to the end (or until another runner takes it over). Null when the job
   * could not be claimed: finished, or running elsewhere under a live lease.
   */
  async run(tenantId: string, id: string, onProgress?: (p: Progress) => void | Promise<void>): Promise<ImportJob | null> {
    const { clock, ids } = this.services;
    const token = `${this.runnerId}:${ids.id()}`;
    const lease = (): Date => new Date(clock.now().getTime() + this.settings.leaseSeconds * 1000);
    const job = await this.store.claim(tenantId, id, token, clock.now(), lease());
    if (!job) return null;
    const file = job.storageKey ? join(this.settings.dir(), job.storageKey) : null;
    try {
      if (!file) throw new Error('the uploaded file is no longer kept');
      const actor = await this.actorOf(job);
      if (!can(actor, PERMISSIONS.inquiryWrite)) {
        throw domainError('auth.forbidden', 'forbidden', `导入人已没有录入咨询的权限（${PERMISSIONS.inquiryWrite}）`, `The person importing no longer holds ${PERMISSIONS.inquiryWrite}`);
      }
      const content = await readImportFile(file, job.format, this.settings.maxRows);
      const total = content.rows.length;
      if (!(await this.store.setTotal(tenantId, id, token, total, lease(), clock.now()))) return null;
      const loaded = await this.data.read((_knex, tx) => this.services.inquirySettings.load(tx, tenantId));
      if (!loaded) throw new Error(`tenant ${tenantId} has no settings`);
      const directory = await this.directory(tenantId);
      const allowDuplicates = loaded.settings.allowDuplicateMobiles;

      // Resuming: what earlier runners committed stays; their mobiles still count as seen in the file.
      const seen = new Map<string, number>();
      let chunk = 0;
      let processed = 0;
      const counts = { imported: 0, duplicates: 0, invalid: 0 };
      for (;;) {
        const done = await this.store.chunks(tenantId, id, chunk, 50);
        for (const c of done) {
          for (const r of c.results) {
            if (r.mobile && !seen.has(r.mobile)) seen.set(r.mobile, r.row);
            counts[r.outcome === 'imported' ? 'imported' : r.outcome === 'duplicate' ? 'duplicates' : 'invalid']++;
          }
          processed = c.firstIndex + c.results.length;
          chunk = c.chunk + 1;
        }
        if (done.length < 50) break;
      }

      const deps: ChunkDeps = {
        data: this.data, inquiries: this.services.inquiryRecords, timeline: this.services.timeline, events: this.services.events, ids, store: this.store,
      };
      await onProgress?.({ processed, total, ...counts });
      for (let start = processed; start < total; start += this.settings.chunkSize) {
        const rows = content.rows.slice(start, start + this.settings.chunkSize);
        const ctx = { actor, settings: loaded.settings, timeZone: loaded.timeZone, now: clock.now(), directory, allowDuplicates, charset: this.services.documentCharset };
        const results = await processChunk(deps, { tenantId, id, fileName: job.fileName, runner: token }, ctx, {
          chunk, firstIndex: start, rows, seen, leaseUntil: lease(), analyze: analyzeAfter(chunk) || start + rows.length >= total,
        });
        for (const r of results) counts[r.outcome === 'imported' ? 'imported' : r.outcome === 'duplicate' ? 'duplicates' : 'invalid']++;
        chunk++;
        await onProgress?.({ processed: start + rows.length, total, ...counts });
        await new Promise((r) => setImmediate(r)); // let requests waiting for the connection in between
      }
      if (!(await this.store.finish(tenantId, id, token, 'succeeded', null, clock.now()))) return null;
    } catch (e) {
      if (e instanceof LostLease) return null;
      try {
        if (!(await this.store.finish(tenantId, id, token, 'failed', asJobError(e), clock.now()))) return null;
      } catch {
        // The database went away (shutdown): the lease runs out and `resume` takes the job over later.
        return null;
      }
    }
    // Finished: the upload is not needed any more (the report comes from the recorded results).
    if (file) await rm(file, { force: true });
    return this.store.get(tenantId, id);
  }
}
