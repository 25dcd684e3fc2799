// The two workbooks of an import: the template (the headers and one example row in the firm's own values)
// and the report (每行的结果: 已导入 / 重复 / 无效 with the reason, beside the row's own values so that the
// rejected rows can be corrected in the report and imported again).
import { localDate, type Actor, type InquirySettings, type SheetRow, type SheetSpec } from 'yunzhou/plugin';
import { IMPORT_COLUMNS, type ImportField } from './columns.js';
import type { ImportJob, ImportJobStore, RowOutcome } from './job-store.js';

export const OUTCOME_LABELS: Readonly<Record<RowOutcome, string>> = { imported: '已导入', duplicate: '重复', invalid: '无效' };

export const TEMPLATE_SHEET: SheetSpec = {
  name: '咨询导入模板',
  columns: IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.field, kind: 'text' as const, width: c.width })),
};

/** The template's example row: a company like the brochure's, in the firm's own levels and dictionaries. */
export function templateExample(actor: Actor, settings: InquirySettings, now: Date): SheetRow {
  const tomorrow = localDate(new Date(now.getTime() + 86_400_000), actor.timeZone);
  const row: Record<ImportField, string> = {
    companyName: '盛博科技有限公司', mobile: '15213801285', contactName: '郑盛', gender: '男', level: settings.grading.levels[0]?.code ?? 'A',
    nextFollowUpAt: `${tomorrow} 10:00`, source: settings.dictionaries.sources[0] ?? '', propertyType: settings.dictionaries.propertyTypes[0] ?? '',
    owner: actor.name, department: '', remark: '需要额度高、随借随还', taxId: '',
  };
  return row;
}

/** The report's columns: row number, outcome, reason, then the file's own recognised columns. */
export function reportSheet(job: ImportJob): SheetSpec {
  return {
    name: '导入结果',
    columns: [
      { header: '行号', key: 'row', kind: 'integer', width: 8 },
      { header: '结果', key: 'outcome', kind: 'text', width: 8 },
      { header: '说明', key: 'message', kind: 'text', width: 60 },
      ...(job.columns ?? []).map((h, i) => ({ header: h, key: `c${i}`, kind: 'text' as const, width: 16 })),
    ],
  };
}

/** The report's rows in file order, read chunk by chunk; a job that failed as a whole says why in its first row. */
export async function* reportRows(store: ImportJobStore, job: ImportJob): AsyncGenerator<SheetRow> {
  if (job.error) yield { row: null, outcome: job.processed ? '中断' : '文件无法导入', message: job.error.zh };
  let next = 0;
  for (;;) {
    const chunks = await store.chunks(job.tenantId, job.id, next, 10);
    for (const c of chunks) {
      for (const r of c.results) {
        const row: Record<string, string | number | null> = { row: r.row, outcome: OUTCOME_LABELS[r.outcome], message: r.message };
        r.cells.forEach((v, i) => { row[`c${i}`] = v; });
        yield row;
      }
      next = c.chunk + 1;
    }
    if (chunks.length < 10) return;
  }
}
