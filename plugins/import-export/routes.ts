// The plugin's HTTP surface under /api/v1/plugins/import-export: the import (template, upload, progress,
// report) and one export route per registered exporter, each with its JSON Schemas.
import { Readable } from 'node:stream';
import { XLSX_CONTENT_TYPE, contentDisposition, localDate, respond, type RouteDef } from 'yunzhou/plugin';
import type { ExporterRegistry } from './exporters.js';
import { presentJob, type ImportService } from './import-service.js';
import type { Services } from './services.js';

const uuid = { type: 'string', format: 'uuid' };
const idParams = { type: 'object', required: ['id'], properties: { id: uuid }, additionalProperties: false };
const object = (properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> => ({ type: 'object', properties, required, additionalProperties: false });

const count = { type: 'integer', minimum: 0 };
const jobSchema = object({
  id: uuid, status: { type: 'string', enum: ['queued', 'running', 'succeeded', 'failed'] }, fileName: { type: 'string' }, format: { type: 'string', enum: ['xlsx', 'csv'] },
  sizeBytes: count, total: { type: ['integer', 'null'] }, processed: count, percentage: { type: 'integer', minimum: 0, maximum: 100 },
  counts: object({ imported: count, duplicates: count, invalid: count }), columns: { type: 'array', items: { type: 'string' } },
  ignoredColumns: { type: 'array', items: { type: 'string' } },
  error: { anyOf: [{ type: 'null' }, object({ code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } })] },
  createdBy: uuid, createdAt: { type: 'string', format: 'date-time' }, startedAt: { type: ['string', 'null'] }, finishedAt: { type: ['string', 'null'] },
  reportUrl: { type: 'string' },
});

function xlsx(name: string, content: AsyncIterable<Uint8Array>): ReturnType<typeof respond> {
  return respond({
    headers: { 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': contentDisposition(name), 'Cache-Control': 'private, no-store' },
    stream: Readable.from(content),
  });
}

/** Waits for an iterable's first item, so that a refusal (permission, filters) is an error answer, not a broken download. */
async function primed<T>(source: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  return (async function* (): AsyncGenerator<T> {
    if (first.done) return;
    yield first.value;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  })();
}

export function importExportRoutes(imports: () => ImportService, registry: ExporterRegistry, services: Services, maxUploadBytes: number): RouteDef[] {
  const tags = ['import-export'];
  const routes: RouteDef[] = [
    {
      method: 'get', path: '/imports/template.xlsx', tags, summary: '下载导入模板 The inquiry import template (.xlsx: headers and one example row)',
      handler: async ({ actor }) => xlsx('咨询导入模板.xlsx', await imports().template(actor)),
    },
    {
      method: 'get', path: '/imports/columns', tags, summary: '导入说明 The import columns, what each takes, and the firm\'s levels and dictionaries',
      handler: async ({ actor }) => imports().columns(actor),
    },
    {
      method: 'post', path: '/imports', tags, successStatus: 202,
      summary: '导入咨询 Upload an .xlsx or .csv of inquiries; the import runs as a job',
      description:
        'The body is the file itself (raw, streamed; recognised from its bytes). Columns are found by their Chinese headers (see /imports/columns). ' +
        'A file that is not .xlsx/.csv, is empty, damaged, lacks a required column or has no data row is refused at once (import.*, 400); ' +
        `larger than ${Math.round(maxUploadBytes / 1024 / 1024)} MB: file.too_large (413). Otherwise the answer is the queued job: poll GET /imports/{id}. Needs inquiry.write.`,
      rawBody: { maxBytes: maxUploadBytes, contentTypes: [XLSX_CONTENT_TYPE, 'text/csv', 'application/octet-stream'] },
      schemas: { query: object({ fileName: { type: 'string', minLength: 1, maxLength: 255, description: 'The file\'s name, shown in the job and in the 动态 of each record' } }), response: jobSchema },
      handler: async ({ actor, query, bodyStream, lang }) => {
        const body = bodyStream as Readable;
        try {
          const svc = imports();
          const job = await svc.upload(actor, { fileName: query.fileName ?? 'import', content: body.iterator({ destroyOnReturn: false }) });
          svc.runner.start(job.tenantId, job.id);
          return presentJob(job, lang);
        } catch (e) {
          // Read what the client is still sending (up to a ceiling) so that it gets the answer, not a reset.
          if (!body.readableEnded && !body.destroyed) {
            let seen = 0;
            body.on('data', (c: Buffer) => { seen += c.length; if (seen > 4 * maxUploadBytes) body.destroy(); });
            body.on('error', () => undefined);
            body.resume();
          }
          throw e;
        }
      },
    },
    {
      method: 'get', path: '/imports', tags, summary: '导入任务 Your import jobs (an administrator: the firm\'s), newest first',
      schemas: { query: object({ limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } }) },
      handler: async ({ actor, query, lang }) => ({ items: (await imports().jobs(actor, query.limit ?? 20)).map((j) => presentJob(j, lang)) }),
    },
    {
      method: 'get', path: '/imports/:id', tags, summary: '导入进度 A job: status, processed of total, percentage, counts',
      schemas: { params: idParams, response: jobSchema },
      handler: async ({ actor, params, lang }) => presentJob(await imports().job(actor, params.id), lang),
    },
    {
      method: 'get', path: '/imports/:id/report.xlsx', tags, summary: '导入结果 The per-row report (.xlsx): 已导入, 重复 (of whom), 无效 (why)',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => {
        const { job, content } = await imports().report(actor, params.id);
        return xlsx(`导入结果-${job.fileName.replace(/\.(xlsx|csv)$/i, '')}.xlsx`, content);
      },
    },
    {
      method: 'get', path: '/exports', tags, summary: '可导出的列表 The lists that can be exported',
      handler: async () => ({ items: registry.list().map((e) => ({ name: e.name, title: e.title, url: `/api/v1/plugins/import-export/exports/${e.name}.xlsx` })) }),
    },
  ];
  for (const exporter of registry.list()) {
    routes.push({
      method: 'get', path: `/exports/${exporter.name}.xlsx`, tags, summary: `导出${exporter.title} ${exporter.summary ?? `Export ${exporter.name} to .xlsx`}`,
      description: 'Streamed .xlsx with Chinese headers; the same filters, permission and data scope as the list itself.',
      schemas: { query: object({ ...(exporter.query ?? {}) }) },
      handler: async ({ actor, query }) => {
        const rows = await primed(exporter.rows({ actor, query, services }));
        const writer = services.spreadsheets;
        const today = localDate(services.clock.now(), actor.timeZone);
        return xlsx(`${exporter.title}-${today}.xlsx`, writer.write({ name: exporter.title, columns: exporter.columns }, rows));
      },
    });
  }
  return routes;
}
