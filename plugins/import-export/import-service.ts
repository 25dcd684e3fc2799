// The import's use cases for HTTP, the CLI and hosts: the template, an upload (spooled, recognised from its
// bytes and its header row checked before a job is queued), a job's progress and its report. A job is seen
// by the person who started it and by the firm's administrators (org.manage); for anyone else, and for
// every other firm, it does not exist.
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import {
  PERMISSIONS, can, domainError, notFound, requirePermission,
  type Actor, type PluginData, type SheetRow,
} from 'yunzhou/plugin';
import { IMPORT_COLUMNS } from './columns.js';
import { fileHead, readHeader, sniffFormat } from './import-file.js';
import type { ImportRunner } from './import-runner.js';
import type { ImportJob, ImportJobStore } from './job-store.js';
import { reportRows, reportSheet, TEMPLATE_SHEET, templateExample } from './report.js';
import { spool } from './spool.js';
import type { Services } from './services.js';

export interface UploadInput {
  readonly fileName: string;
  readonly content: AsyncIterable<Uint8Array | string>;
}

/** A job as the API shows it. */
export interface ImportJobView {
  readonly id: string;
  readonly status: ImportJob['status'];
  readonly fileName: string;
  readonly format: ImportJob['format'];
  readonly sizeBytes: number;
  readonly total: number | null;
  readonly processed: number;
  /** 0–100; 100 once finished. */
  readonly percentage: number;
  readonly counts: { readonly imported: number; readonly duplicates: number; readonly invalid: number };
  readonly columns: readonly string[];
  readonly ignoredColumns: readonly string[];
  readonly error: { readonly code: string; readonly message: string; readonly details: Record<string, unknown> } | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  readonly reportUrl: string;
}

/** Progress in whole percent: processed rows of the total, 100 once the job finished. */
export function percentageOf(job: Pick<ImportJob, 'status' | 'processed' | 'total'>): number {
  if (job.status === 'succeeded' || job.status === 'failed') return 100;
  if (!job.total) return 0;
  return Math.min(100, Math.floor((job.processed / job.total) * 100));
}

export function presentJob(job: ImportJob, lang: 'zh' | 'en' = 'zh'): ImportJobView {
  return {
    id: job.id, status: job.status, fileName: job.fileName, format: job.format, sizeBytes: job.sizeBytes, total: job.total, processed: job.processed,
    percentage: percentageOf(job), counts: { imported: job.imported, duplicates: job.duplicates, invalid: job.invalid },
    columns: job.columns ?? [], ignoredColumns: job.ignoredColumns ?? [],
    error: job.error ? { code: job.error.code, message: job.error[lang], details: job.error.details } : null,
    createdBy: job.createdBy, createdAt: job.createdAt, startedAt: job.startedAt, finishedAt: job.finishedAt,
    reportUrl: `/api/v1/plugins/import-export/imports/${job.id}/report.xlsx`,
  };
}

export interface ImportServiceSettings {
  readonly maxUploadBytes: number;
  readonly dir: () => string;
  /** Days a finished job's per-row report is kept (it holds customers' names and mobiles). */
  readonly reportDays: number;
}

export class ImportService {
  constructor(
    private readonly services: Services,
    private readonly data: PluginData,
    private readonly store: ImportJobStore,
    readonly runner: ImportRunner,
    private readonly settings: ImportServiceSettings,
  ) {}

  /** The columns, what each takes, and the firm's levels and dictionaries (for a screen that explains the template). */
  async columns(actor: Actor): Promise<Record<string, unknown>> {
    requirePermission(actor, PERMISSIONS.inquiryWrite);
    const loaded = await this.data.read((_knex, tx) => this.services.inquirySettings.load(tx, actor.tenantId));
    const s = loaded?.settings;
    return {
      columns: IMPORT_COLUMNS.map((c) => ({ header: c.header, field: c.field, required: c.required, hint: c.hint, aliases: c.aliases })),
      levels: s?.grading.levels.map((l) => ({ code: l.code, name: l.name })) ?? [],
      sources: s?.dictionaries.sources ?? [],
      propertyTypes: s?.dictionaries.propertyTypes ?? [],
      allowDuplicateMobiles: s?.allowDuplicateMobiles ?? false,
    };
  }

  /** 下载导入模板: the headers and one example row in the firm's values. */
  async template(actor: Actor): Promise<AsyncIterable<Uint8Array>> {
    requirePermission(actor, PERMISSIONS.inquiryWrite);
    const loaded = await this.data.read((_knex, tx) => this.services.inquirySettings.load(tx, actor.tenantId));
    if (!loaded) throw notFound('tenant', '机构', actor.tenantId);
    const example = templateExample(actor, loaded.settings, this.services.clock.now());
    return this.services.spreadsheets.write(TEMPLATE_SHEET, (async function* (): AsyncGenerator<SheetRow> { yield example; })());
  }

  /**
   * Takes an upload: streamed to disk (refused past the size limit), recognised from its bytes (.xlsx or CSV),
   * its header row checked (every required column there, none twice, at least one data row); then queued.
   * The caller starts it (runner.start in the background, or runner.run in the foreground).
   */
  async upload(actor: Actor, input: UploadInput): Promise<ImportJob> {
    requirePermission(actor, PERMISSIONS.inquiryWrite);
    const id = this.services.ids.id();
    const storageKey = join(actor.tenantId, `${id}.upload`);
    const path = join(this.settings.dir(), storageKey);
    try {
      const sizeBytes = await spool(input.content, path, this.settings.maxUploadBytes);
      const format = sniffFormat(await fileHead(path));
      const header = await readHeader(path, format);
      await this.store.insert({
        tenantId: actor.tenantId, id, createdBy: actor.userId, fileName: input.fileName.slice(0, 255) || `import.${format}`, format, sizeBytes, storageKey,
        columns: header.columns.map((c) => c.header), ignoredColumns: header.ignored, at: this.services.clock.now(),
      });
    } catch (e) {
      await rm(path, { force: true });
      throw e;
    }
    return (await this.store.get(actor.tenantId, id)) as ImportJob;
  }

  /** A job the actor may see: their own, or any of the firm's for an administrator. */
  async job(actor: Actor, id: string): Promise<ImportJob> {
    const job = await this.store.get(actor.tenantId, id);
    if (!job || (job.createdBy !== actor.userId && !can(actor, PERMISSIONS.orgManage))) throw notFound('import_job', '导入任务', id);
    return job;
  }

  /** The actor's jobs (an administrator's: the firm's), newest first. */
  async jobs(actor: Actor, limit: number): Promise<ImportJob[]> {
    return this.store.list(actor.tenantId, can(actor, PERMISSIONS.orgManage) ? null : actor.userId, limit);
  }

  /** 导入结果: the report workbook (rows processed so far while the job runs). */
  async report(actor: Actor, id: string): Promise<{ job: ImportJob; content: AsyncIterable<Uint8Array> }> {
    const job = await this.job(actor, id);
    const keptSince = this.services.clock.now().getTime() - this.settings.reportDays * 86_400_000;
    if (job.finishedAt && job.finishedAt.getTime() < keptSince) {
      throw domainError(
        'import.report_expired', 'rule', `导入结果只保留 ${this.settings.reportDays} 天，这份已删除；导入的记录不受影响`,
        `Import reports are kept for ${this.settings.reportDays} days; this one was deleted (the imported records stay)`, { finishedAt: job.finishedAt },
      );
    }
    return { job, content: this.services.spreadsheets.write(reportSheet(job), reportRows(this.store, job)) };
  }
}
