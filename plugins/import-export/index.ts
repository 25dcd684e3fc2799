// Built-in plugin `import-export`: inquiries imported from .xlsx or .csv as a background job with progress
// and a per-row report, and any list exported to .xlsx through a registry of exporters. API under
// /api/v1/plugins/import-export; the CLI's `yunzhou import`. It uses only the plugin SDK (yunzhou/plugin),
// like a third party's plugin would.
import { definePlugin, token, type AreaDescriptor } from 'yunzhou/plugin';
import { ExporterRegistry, inquiriesExporter, usersExporter, type Exporter } from './exporters.js';
import { ImportRunner } from './import-runner.js';
import { ImportService } from './import-service.js';
import { ImportJobStore } from './job-store.js';
import { importJobsTables } from './migrations.js';
import { importExportRoutes } from './routes.js';
import { importCommand } from './cli.js';
import { USES } from './services.js';

export { ExporterRegistry, inquiriesExporter, usersExporter, type Exporter, type ExportContext } from './exporters.js';
export { ImportService, presentJob, percentageOf, type ImportJobView, type UploadInput } from './import-service.js';
export type { ImportRunner, Progress } from './import-runner.js';
export { ImportJobStore, type ImportJob, type RowResult, type RowOutcome, type JobStatus } from './job-store.js';
export { IMPORT_COLUMNS, mapHeaders, normalizeHeader, type ImportColumn, type ImportField } from './columns.js';
export { parseCsv, decodeCsv, detectDelimiter } from './csv.js';
export { IMPORT_USAGE } from './cli.js';

/** The plugin's import use cases, for an embedding host (and tests): `crm.container.get(ImportExportToken)`. */
export const ImportExportToken = token<ImportService>('plugins.ImportExport');

export interface ImportExportOptions {
  /** Largest upload accepted (default 50 MiB). */
  readonly maxUploadBytes?: number;
  /** Most data rows in one file (default 200,000). */
  readonly maxRows?: number;
  /** Rows per transaction (default 1000). */
  readonly chunkSize?: number;
  /** A runner that commits nothing for this long loses its job to another (default 120 s). */
  readonly leaseSeconds?: number;
  /** How often jobs left behind by a stopped process are looked for (default 30 s). */
  readonly resumeEverySeconds?: number;
  /** Where uploads wait while imported (default <filesDir>/.import-export; shared by all server processes). */
  readonly dir?: string;
  /** Days a finished job's per-row report is kept (default 30); a daily job deletes older ones. */
  readonly reportDays?: number;
  /** Exporters beside the built-in inquiries and users ones. */
  readonly exporters?: readonly Exporter[];
}

export interface ImportExportPlugin extends AreaDescriptor<{ readonly imports: typeof ImportExportToken }> {
  /** Register further exporters here before createCrm() loads the plugin. */
  readonly exporters: ExporterRegistry;
}

export function importExportPlugin(options: ImportExportOptions = {}): ImportExportPlugin {
  const exporters = new ExporterRegistry().register(inquiriesExporter).register(usersExporter);
  for (const e of options.exporters ?? []) exporters.register(e);
  const maxUploadBytes = options.maxUploadBytes ?? 50 * 1024 * 1024;
  const reportDays = options.reportDays ?? 30;
  const plugin = definePlugin({
    name: 'import-export',
    uses: USES,
    migrations: [importJobsTables],
    facade: { imports: ImportExportToken },
    setup({ services, data, filesDir }) {
      const dir = (): string => options.dir ?? filesDir();
      const store = new ImportJobStore(() => data.knex);
      const runner = new ImportRunner(services, data, store, {
        chunkSize: options.chunkSize ?? 1000, leaseSeconds: options.leaseSeconds ?? 120, maxRows: options.maxRows ?? 200_000, dir,
      });
      const imports = new ImportService(services, data, store, runner, { maxUploadBytes, dir, reportDays });
      exporters.freeze();
      return {
        provides: { imports },
        routes: importExportRoutes(() => imports, exporters, services, maxUploadBytes),
        jobs: [
          { name: 'resume', everySeconds: options.resumeEverySeconds ?? 30, exclusive: false, run: async (_slot, now) => { await runner.resumeStale(now); } },
          { name: 'purge-reports', everySeconds: 86_400, offsetSeconds: 3 * 3600, run: async (_slot, now) => { await store.purgeResults(new Date(now.getTime() - reportDays * 86_400_000)); } },
        ],
        commands: [importCommand(imports, services, data)],
      };
    },
  });
  return { ...plugin, exporters };
}
