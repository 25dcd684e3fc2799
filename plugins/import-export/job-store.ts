// The import jobs' queries. A job is run by whoever holds its lease (claimed with a compare-and-set, extended
// with every committed chunk), so a job whose process vanished is taken over once the lease runs out, and a
// runner that lost its lease can no longer commit: each chunk's write checks it in the same transaction.
import type { Knex } from 'knex';

type Row = Record<string, any>;

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type RowOutcome = 'imported' | 'duplicate' | 'invalid';

export interface JobError {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly details: Record<string, unknown>;
}

export interface ImportJob {
  readonly tenantId: string;
  readonly id: string;
  readonly createdBy: string;
  readonly fileName: string;
  readonly format: 'xlsx' | 'csv';
  readonly sizeBytes: number;
  readonly storageKey: string | null;
  readonly status: JobStatus;
  readonly total: number | null;
  readonly processed: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly invalid: number;
  readonly columns: readonly string[] | null;
  readonly ignoredColumns: readonly string[] | null;
  readonly error: JobError | null;
  readonly leaseUntil: Date | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

/** What became of one row of the file. */
export interface RowResult {
  readonly row: number;
  readonly outcome: RowOutcome;
  /** In Chinese: 已导入…, the duplicate's owner, or every reason it is invalid. */
  readonly message: string;
  readonly inquiryId?: string;
  /** The normalised mobile of a valid row (imported or duplicate), so a resumed job knows the file's earlier mobiles. */
  readonly mobile?: string;
  readonly cells: readonly string[];
}

export interface ChunkCommit {
  readonly chunk: number;
  readonly firstIndex: number;
  readonly results: readonly RowResult[];
  readonly leaseUntil: Date;
  readonly now: Date;
}

const toJob = (r: Row): ImportJob => ({
  tenantId: r.tenant_id, id: r.id, createdBy: r.created_by, fileName: r.file_name, format: r.format, sizeBytes: Number(r.size_bytes),
  storageKey: r.storage_key, status: r.status, total: r.total, processed: r.processed, imported: r.imported, duplicates: r.duplicates,
  invalid: r.invalid, columns: r.columns, ignoredColumns: r.ignored_columns,
  error: r.error_code ? { code: r.error_code, zh: r.error_zh, en: r.error_en, details: r.error_details ?? {} } : null,
  leaseUntil: r.lease_until, createdAt: r.created_at, startedAt: r.started_at, finishedAt: r.finished_at,
});

export interface NewJob {
  readonly tenantId: string;
  readonly id: string;
  readonly createdBy: string;
  readonly fileName: string;
  readonly format: 'xlsx' | 'csv';
  readonly sizeBytes: number;
  readonly storageKey: string;
  readonly columns: readonly string[];
  readonly ignoredColumns: readonly string[];
  readonly at: Date;
}

export class ImportJobStore {
  constructor(private readonly knex: () => Knex) {}

  async insert(j: NewJob): Promise<void> {
    await this.knex()('import_jobs').insert({
      tenant_id: j.tenantId, id: j.id, created_by: j.createdBy, file_name: j.fileName, format: j.format, size_bytes: j.sizeBytes,
      storage_key: j.storageKey, status: 'queued', columns: JSON.stringify(j.columns), ignored_columns: JSON.stringify(j.ignoredColumns),
      created_at: j.at, updated_at: j.at,
    });
  }

  async get(tenantId: string, id: string): Promise<ImportJob | null> {
    const r = await this.knex()('import_jobs').where({ tenant_id: tenantId, id }).first();
    return r ? toJob(r) : null;
  }

  /** Newest first; only one person's jobs unless createdBy is null. */
  async list(tenantId: string, createdBy: string | null, limit: number): Promise<ImportJob[]> {
    const q = this.knex()('import_jobs').where({ tenant_id: tenantId });
    if (createdBy) q.where({ created_by: createdBy });
    return (await q.orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit)).map(toJob);
  }

  /** Takes a queued job, or a running one whose lease ran out; null when someone else holds it or it is finished. */
  async claim(tenantId: string, id: string, runner: string, now: Date, leaseUntil: Date): Promise<ImportJob | null> {
    const rows = await this.knex()('import_jobs')
      .where({ tenant_id: tenantId, id })
      .where((w) => w.where('status', 'queued').orWhere((x) => x.where('status', 'running').where('lease_until', '<', now)))
      .update({ status: 'running', runner, lease_until: leaseUntil, started_at: this.knex().raw('coalesce(started_at, ?)', [now]), updated_at: now })
      .returning('*');
    return rows[0] ? toJob(rows[0]) : null;
  }

  async setTotal(tenantId: string, id: string, runner: string, total: number, leaseUntil: Date, now: Date): Promise<boolean> {
    const n = await this.knex()('import_jobs').where({ tenant_id: tenantId, id, runner, status: 'running' }).update({ total, lease_until: leaseUntil, updated_at: now });
    return n === 1;
  }

  /**
   * Inside the chunk's transaction: records its results and moves the progress on, only while this runner
   * still holds the lease (false otherwise, and the caller rolls the chunk back).
   */
  async commitChunk(trx: Knex, tenantId: string, id: string, runner: string, c: ChunkCommit): Promise<boolean> {
    const count = (o: RowOutcome): number => c.results.filter((r) => r.outcome === o).length;
    const n = await trx('import_jobs').where({ tenant_id: tenantId, id, runner, status: 'running' }).update({
      processed: c.firstIndex + c.results.length,
      imported: trx.raw('imported + ?', [count('imported')]),
      duplicates: trx.raw('duplicates + ?', [count('duplicate')]),
      invalid: trx.raw('invalid + ?', [count('invalid')]),
      lease_until: c.leaseUntil,
      updated_at: c.now,
    });
    if (n !== 1) return false;
    await trx('import_job_chunks').insert({ tenant_id: tenantId, job_id: id, chunk: c.chunk, first_index: c.firstIndex, results: JSON.stringify(c.results) });
    return true;
  }

  /** Committed chunks in order, from `fromChunk`, at most `limit`. */
  async chunks(tenantId: string, id: string, fromChunk: number, limit: number): Promise<{ chunk: number; firstIndex: number; results: RowResult[] }[]> {
    const rows = await this.knex()('import_job_chunks')
      .where({ tenant_id: tenantId, job_id: id })
      .where('chunk', '>=', fromChunk)
      .orderBy('chunk')
      .limit(limit);
    return rows.map((r: Row) => ({ chunk: r.chunk, firstIndex: r.first_index, results: r.results }));
  }

  /** Ends a job (succeeded or failed) if this runner holds it, or unconditionally when runner is null. */
  async finish(tenantId: string, id: string, runner: string | null, status: 'succeeded' | 'failed', error: JobError | null, now: Date): Promise<boolean> {
    const q = this.knex()('import_jobs').where({ tenant_id: tenantId, id }).whereIn('status', ['queued', 'running']);
    if (runner) q.where({ runner });
    const n = await q.update({
      status, runner: null, lease_until: null, finished_at: now, updated_at: now, storage_key: null,
      error_code: error?.code ?? null, error_zh: error?.zh ?? null, error_en: error?.en ?? null, error_details: error ? JSON.stringify(error.details) : null,
    });
    return n === 1;
  }

  /** Forgets the per-row results of jobs finished before `before` (the job and its counts stay); returns how many chunks went. */
  async purgeResults(before: Date): Promise<number> {
    const db = this.knex();
    const gone = await db('import_job_chunks')
      .whereIn(['tenant_id', 'job_id'], db('import_jobs').where('finished_at', '<', before).select('tenant_id', 'id'))
      .delete()
      .returning('chunk');
    return gone.length;
  }

  /** Jobs left behind: queued for a while without a runner, or running with an expired lease. */
  async stale(now: Date, queuedBefore: Date, limit: number): Promise<{ tenantId: string; id: string }[]> {
    const rows = await this.knex()('import_jobs')
      .where((w) => w.where((x) => x.where('status', 'queued').where('created_at', '<', queuedBefore)).orWhere((x) => x.where('status', 'running').where('lease_until', '<', now)))
      .orderBy('created_at')
      .limit(limit)
      .select('tenant_id', 'id');
    return rows.map((r: Row) => ({ tenantId: r.tenant_id, id: r.id }));
  }
}
