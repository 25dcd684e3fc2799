// `node dist/bench/import.js [pglite|postgres] [csv|xlsx]`: imports BENCH_IMPORT_ROWS (default 100,000) inquiries
// from a generated file through the import-export plugin's job runner — the same path as an HTTP upload or
// `yunzhou import` — into a fresh firm, and prints the time and rows per second. Target (issue 9): 100,000
// rows in under a minute. Every 50th row is invalid and every 100th repeats an earlier mobile, so the report
// has all three outcomes. PostgreSQL: DATABASE_URL or TEST_DATABASE_URL names the server; the database
// yunzhou_bench_import is dropped and made anew.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { createCrm } from '../adapters/composition/create-crm.js';
import { importExportPlugin, ImportExportToken, type ImportService } from '../plugins/import-export/index.js';
import { fmt, freshDatabase } from './support.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const backend = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
const format = (process.argv[3] ?? 'csv') as 'csv' | 'xlsx';
const HEADERS = ['企业名称', '客户手机号码', '客户姓名', '客户性别', '客户级别', '下次跟进时间', '客户来源', '客户房产', '负责人', '所属部门', '客户备注', '企业税号'];
const SOURCES = ['电销', '网络推广', '新媒体', '转介绍', '老客户'];
const PROPERTY = ['按揭房', '全款房', '自建房', '无房产'];

function dataRow(i: number): string[] {
  const mobile = i % 100 === 98 ? `13${String((i - 1) * 7919 % 1e9).padStart(9, '0')}` : `13${String(i * 7919 % 1e9).padStart(9, '0')}`;
  return [
    `压测企业${i}有限公司`, i % 50 === 49 ? '12345' : mobile, `客户${i}`, i % 2 ? '男' : '女', ['A', 'B', 'C'][i % 3] as string, `2031-0${1 + (i % 9)}-1${i % 10} 10:30`,
    SOURCES[i % SOURCES.length] as string, PROPERTY[i % PROPERTY.length] as string, '', '', '需要额度高、随借随还', '',
  ];
}

async function writeFile(path: string): Promise<void> {
  if (format === 'csv') {
    const lines = [HEADERS.join(',')];
    for (let i = 0; i < ROWS; i++) lines.push(dataRow(i).join(','));
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    return;
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path), useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('咨询');
  ws.addRow(HEADERS).commit();
  for (let i = 0; i < ROWS; i++) ws.addRow(dataRow(i)).commit();
  ws.commit();
  await wb.commit();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'yunzhou-bench-import-'));
  const file = join(dir, `import.${format}`);
  await writeFile(file);
  console.log(`${ROWS.toLocaleString('en')} rows, ${format}, ${fmt(statSync(file).size / 1024 / 1024, 1)} MB, on ${backend}`);
  const database = backend === 'postgres' ? { url: await freshDatabase('yunzhou_bench_import'), poolMax: 10 } : { memory: true as const };
  const crm = await createCrm({ database, config: { secret: 'bench', filesDir: join(dir, 'files') }, plugins: [importExportPlugin({ maxRows: Math.max(ROWS, 200_000), chunkSize: Number(process.env.BENCH_IMPORT_CHUNK ?? 1000) })] });
  try {
    const password = 'bench12345pw';
    const { tenant } = await crm.organisation.createTenant({ name: '导入压测金服', admin: { name: '管理员', mobile: '13700000001', password } });
    const admin = await crm.auth.authenticate((await crm.auth.login({ mobile: '13700000001', password, tenantId: tenant.id })).token);
    const imports = crm.container.get<ImportService>(ImportExportToken);

    const started = Date.now();
    const job = await imports.upload(admin, { fileName: `import.${format}`, content: createReadStream(file) });
    const queued = Date.now();
    let firstChunkAt = 0;
    await imports.runner.run(tenant.id, job.id, (p) => {
      if (!firstChunkAt && p.processed > 0) firstChunkAt = Date.now();
      const secs = (Date.now() - started) / 1000;
      process.stderr.write(`\r  ${String(Math.floor((p.processed / Math.max(p.total, 1)) * 100)).padStart(3)}%  ${p.processed.toLocaleString('en')} / ${p.total.toLocaleString('en')}  ${fmt(secs, 1)} s`);
    });
    const done = Date.now();
    process.stderr.write('\n');
    const final = await imports.job(admin, job.id);
    const { content } = await imports.report(admin, job.id);
    await pipeline(Readable.from(content), createWriteStream(join(dir, 'report.xlsx')));
    const reported = Date.now();
    const secs = (done - started) / 1000;
    console.log(`status ${final.status}: imported ${final.imported.toLocaleString('en')}, duplicates ${final.duplicates.toLocaleString('en')}, invalid ${final.invalid.toLocaleString('en')}`);
    console.log(`upload + header check ${fmt((queued - started) / 1000, 2)} s; file read + first chunk ${fmt((firstChunkAt - queued) / 1000, 2)} s`);
    console.log(`total ${fmt(secs, 1)} s  (${Math.round(ROWS / secs).toLocaleString('en')} rows/s)  ${secs < 60 ? 'under' : 'OVER'} the one-minute target`);
    console.log(`report .xlsx (${final.total?.toLocaleString('en')} rows) written in ${fmt((reported - done) / 1000, 1)} s`);
  } finally {
    await crm.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
