// The built-in import-export plugin, loaded as a third party loads a plugin (createCrm({ plugins })), through
// HTTP: CSV and XLSX imports with valid, invalid and duplicate rows, the per-row report read back from its
// .xlsx, progress to 100 %, malformed files, a resumed job, the CLI, exports of lists, and isolation.
import test from 'ava';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testCrm } from '../support/crm.js';
import { aFirm, aMobile, type TestFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { CommandContribution } from '../../adapters/composition/area.js';
import { importExportPlugin, ImportExportToken, ImportJobStore, type ImportService, type ImportJobView } from '../../plugins/import-export/index.js';

let crm: Crm;
let api: TestServer;
const BASE = '/api/v1/plugins/import-export';
const HEADERS = ['企业名称', '客户手机号码', '客户姓名', '客户性别', '客户级别', '下次跟进时间', '客户来源', '客户房产', '负责人', '所属部门', '客户备注', '企业税号'];
/** A year that stays ahead of the real clock the server reads: follow-up times must lie in the future. */
const Y = new Date().getFullYear() + 4;
const LATER = `${Y}-12-03 14:30`;

test.before(async () => {
  crm = await testCrm('pglite', { plugins: [importExportPlugin({ maxRows: 6000, maxUploadBytes: 1024 * 1024 })], migrate: true });
  api = await serve(crm);
});
test.after.always(async () => {
  await crm?.container.get<ImportService>(ImportExportToken).runner.idle();
  await api?.close();
  await crm?.close();
});

function csvOf(rows: readonly (readonly string[])[]): Buffer {
  const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n', 'utf8');
}

async function xlsxOf(rows: readonly (readonly unknown[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first sheet of a workbook as text cells (the header row first). */
async function sheetOf(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: string[][] = [];
  ws?.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    out.push(values.map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return out;
}

async function download(path: string, token: string): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> {
  const res = await fetch(api.url + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
}

function upload(token: string, body: Buffer, fileName: string): Promise<{ status: number; body: any }> {
  return api.call('POST', `${BASE}/imports?fileName=${encodeURIComponent(fileName)}`, { token, raw: body, headers: { 'content-type': 'application/octet-stream' } });
}

/** Polls the job until it finishes; returns it with every percentage seen on the way. */
async function finished(token: string, id: string): Promise<{ job: ImportJobView; seen: number[] }> {
  const seen: number[] = [];
  for (let i = 0; i < 1200; i++) {
    const r = await api.call('GET', `${BASE}/imports/${id}`, { token });
    if (r.status !== 200) throw new Error(`GET job: ${r.status} ${JSON.stringify(r.body)}`);
    seen.push(r.body.percentage);
    if (r.body.status === 'succeeded' || r.body.status === 'failed') return { job: r.body, seen };
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('the import did not finish');
}

async function existing(firm: TestFirm, owner: { actor: TestFirm['admin'] }, mobile: string, companyName: string): Promise<string> {
  const r = await crm.inquiries.create(owner.actor, {
    companyName, mobile, contactName: '郑盛', gender: 'male', level: 'A', nextFollowUpAt: new Date(`${Y}-01-01T02:00:00Z`), source: '电销', propertyType: '按揭房', remark: '已有客户',
  });
  return r.id;
}

function row(values: Partial<Record<(typeof HEADERS)[number], string>>): string[] {
  const base: Record<string, string> = { 客户姓名: '张三', 客户性别: '男', 客户级别: 'A', 下次跟进时间: LATER, 客户来源: '电销', 客户房产: '按揭房', 客户备注: '需要额度高', ...values };
  return HEADERS.map((h) => base[h] ?? '');
}

test.serial('a finished job’s per-row results are deleted after the retention period; the job and its counts stay', async (t) => {
  const firm = await aFirm(crm);
  const up = await upload(firm.adminToken, csvOf([HEADERS, row({ 企业名称: '保留期', 客户手机号码: aMobile() })]), 'keep.csv');
  const { job } = await finished(firm.adminToken, up.body.id);
  const store = new ImportJobStore(() => crm.database.knex);
  t.is(await store.purgeResults(new Date(Date.parse(job.finishedAt as unknown as string) - 1000)), 0, 'not yet due');
  t.is(await store.purgeResults(new Date(Date.now() + 1000)), 1);
  t.is((await store.chunks(firm.tenantId, job.id, 0, 10)).length, 0);
  const after = await api.call('GET', `${BASE}/imports/${job.id}`, { token: firm.adminToken });
  t.deepEqual(after.body.counts, { imported: 1, duplicates: 0, invalid: 0 });
  t.true(crm.scheduler.list().some((j) => j.name === 'import-export.purge-reports'));
  t.true(crm.scheduler.list().some((j) => j.name === 'import-export.resume' && !j.exclusive));
});

test('a CSV import: valid rows are imported, each other row is reported as duplicate of whom or invalid because …', async (t) => {
  const firm = await aFirm(crm);
  const sun = await firm.person(['sales'], { name: '孙露露' });
  const li = await firm.person(['sales'], { name: '李四' });
  const known = aMobile();
  await existing(firm, li, known, '盛博科技有限公司');
  const [m1, m2, m3, m4] = [aMobile(), aMobile(), aMobile(), aMobile()];
  const rows = [
    HEADERS,
    row({ 企业名称: '华信科技', 客户手机号码: m1 }),
    row({ 企业名称: '恒达贸易', 客户手机号码: m2, 负责人: '孙露露' }),
    row({ 企业名称: '坏号码公司', 客户手机号码: '1234' }),
    row({ 企业名称: '宣传册税号', 客户手机号码: aMobile(), 企业税号: '123456789987654321' }),
    row({ 企业名称: '盛博科技', 客户手机号码: known }),
    row({ 企业名称: '华信科技二部', 客户手机号码: `+86 ${m1.slice(0, 3)} ${m1.slice(3, 7)} ${m1.slice(7)}` }),
    row({ 企业名称: '多处错误', 客户手机号码: aMobile(), 客户性别: '未知', 客户来源: '抖音', 客户备注: '' }),
    row({ 企业名称: '自动生成', 客户手机号码: m3, 客户级别: 'C', 下次跟进时间: '' }),
    row({ 企业名称: '瑞丰建材', 客户手机号码: m4, 客户性别: '女', 客户级别: 'B类 潜在价值', 下次跟进时间: `${Y}/12/3 14:30`, 负责人: sun.mobile }),
  ];
  const up = await upload(firm.adminToken, csvOf(rows), '十月名单.csv');
  t.is(up.status, 202, JSON.stringify(up.body));
  t.is(up.body.format, 'csv');
  t.deepEqual(up.body.columns, HEADERS);
  const { job } = await finished(firm.adminToken, up.body.id);
  t.is(job.status, 'succeeded');
  t.is(job.total, 9);
  t.is(job.processed, 9);
  t.is(job.percentage, 100);
  t.deepEqual(job.counts, { imported: 4, duplicates: 2, invalid: 3 });

  const report = await download(`${BASE}/imports/${job.id}/report.xlsx`, firm.adminToken);
  t.is(report.status, 200);
  t.regex(report.disposition ?? '', /filename\*=UTF-8''/);
  const sheet = await sheetOf(report.bytes);
  t.deepEqual(sheet[0], ['行号', '结果', '说明', ...HEADERS]);
  const byRow = new Map(sheet.slice(1).map((r) => [Number(r[0]), r]));
  t.is(byRow.get(2)?.[1], '已导入');
  t.is(byRow.get(3)?.[1], '已导入');
  t.is(byRow.get(3)?.[2], '已导入，负责人：孙露露');
  t.is(byRow.get(4)?.[1], '无效');
  t.regex(byRow.get(4)?.[2] ?? '', /^客户手机号码：手机号码格式不正确/);
  t.is(byRow.get(4)?.[4], '1234', 'the row\'s own values follow, to be corrected and imported again');
  t.is(byRow.get(5)?.[1], '无效');
  t.regex(byRow.get(5)?.[2] ?? '', /企业税号：统一社会信用代码校验位不正确/);
  t.is(byRow.get(6)?.[1], '重复');
  t.is(byRow.get(6)?.[2], '该手机号已录入：盛博科技有限公司（咨询），负责人：李四');
  t.is(byRow.get(7)?.[1], '重复');
  t.is(byRow.get(7)?.[2], `与文件第 2 行的手机号重复（${m1}）`);
  t.is(byRow.get(8)?.[1], '无效');
  for (const part of ['客户性别：', '客户来源：客户来源「抖音」不在可选项中', '客户备注：不能为空']) t.true((byRow.get(8)?.[2] ?? '').includes(part), part);
  t.is(byRow.get(9)?.[1], '已导入');
  t.is(byRow.get(10)?.[1], '已导入');

  const list = await api.call('GET', '/api/v1/inquiries?limit=50', { token: firm.adminToken });
  const byCompany = new Map<string, any>(list.body.items.map((i: any) => [i.companyName, i]));
  t.is(byCompany.get('恒达贸易')?.ownerName, '孙露露');
  t.is(byCompany.get('华信科技')?.ownerName, '管理员');
  const ruifeng = byCompany.get('瑞丰建材');
  t.is(ruifeng?.gender, 'female');
  t.is(ruifeng?.level, 'B');
  t.is(ruifeng?.nextFollowUpAt, `${Y}-12-03T06:30:00.000Z`, 'a wall-clock time in the firm’s zone (Asia/Shanghai)');
  const generated = byCompany.get('自动生成');
  t.true(Date.parse(generated?.nextFollowUpAt) > Date.now() + 6 * 86_400_000, '生成: a blank next follow-up comes from level C’s seven days');
  t.false(byCompany.has('华信科技二部'));
  const timeline = await api.call('GET', `/api/v1/inquiries/${ruifeng.id}/timeline`, { token: firm.adminToken });
  t.is(timeline.body.items[0].summary, `导入咨询：瑞丰建材（张三），B类 潜在价值，下次跟进 ${Y}-12-03 14:30，负责人：孙露露（十月名单.csv 第 10 行）`);
  const events = await crm.database.knex('outbox_events').where({ tenant_id: firm.tenantId, type: 'inquiry.created' }).select('data');
  t.is(events.filter((e: any) => e.data.importJobId === job.id).length, 4, 'one inquiry.created per imported record, in the outbox');
});

test('an imported company name the documents could not print (𠮷) is an invalid row; 通用规范汉字 beyond the BMP import', async (t) => {
  const firm = await aFirm(crm);
  const rows = [HEADERS, row({ 企业名称: '𠮷祥科技', 客户手机号码: aMobile() }), row({ 企业名称: '𬀩𫭟科技', 客户手机号码: aMobile() })];
  const up = await upload(firm.adminToken, csvOf(rows), 'names.csv');
  const { job } = await finished(firm.adminToken, up.body.id);
  t.deepEqual(job.counts, { imported: 1, duplicates: 0, invalid: 1 });
  const sheet = await sheetOf((await download(`${BASE}/imports/${job.id}/report.xlsx`, firm.adminToken)).bytes);
  const byRow = new Map(sheet.slice(1).map((r) => [Number(r[0]), r]));
  t.is(byRow.get(2)?.[1], '无效');
  t.regex(byRow.get(2)?.[2] ?? '', /^企业名称：含有发票、合同等文档的字体无法显示的字符：“𠮷”（U\+20BB7）/);
  t.is(byRow.get(3)?.[1], '已导入');
});

test('an XLSX import reads numbers and dates as Excel stores them, headers by their other names, and ignores unknown columns', async (t) => {
  const firm = await aFirm(crm);
  const mobile = aMobile();
  const bytes = await xlsxOf([
    ['企业名称*', '手机号', '联系人', '性别', '级别', '下次跟进时间', '来源', '房产', '备注', '微信'],
    ['金石电子', Number(mobile), '王五', '女', 'a', new Date(Date.UTC(Y, 5, 1, 9, 15)), '网络推广', '全款房', '年营业额 800 万', 'wx123'],
    ['只有日期', aMobile(), '赵六', '男', 'B', new Date(Date.UTC(Y, 5, 2)), '电销', '按揭房', '备注', ''],
    ['号码不对', '2345678', '钱七', '男', 'B', '', '电销', '按揭房', '备注', ''],
  ]);
  const up = await upload(firm.adminToken, bytes, '客户.xlsx');
  t.is(up.status, 202, JSON.stringify(up.body));
  t.is(up.body.format, 'xlsx');
  t.deepEqual(up.body.ignoredColumns, ['微信']);
  const { job } = await finished(firm.adminToken, up.body.id);
  t.deepEqual(job.counts, { imported: 2, duplicates: 0, invalid: 1 });
  const list = await api.call('GET', '/api/v1/inquiries?limit=10', { token: firm.adminToken });
  const byCompany = new Map<string, any>(list.body.items.map((i: any) => [i.companyName, i]));
  t.is(byCompany.get('金石电子')?.mobile, mobile);
  t.is(byCompany.get('金石电子')?.level, 'A');
  t.is(byCompany.get('金石电子')?.nextFollowUpAt, `${Y}-06-01T01:15:00.000Z`);
  t.is(byCompany.get('只有日期')?.nextFollowUpAt, `${Y}-06-02T01:00:00.000Z`, 'a date alone means 09:00 in the firm’s zone');
  const sheet = await sheetOf((await download(`${BASE}/imports/${job.id}/report.xlsx`, firm.adminToken)).bytes);
  t.deepEqual(sheet[0], ['行号', '结果', '说明', '企业名称*', '手机号', '联系人', '性别', '级别', '下次跟进时间', '来源', '房产', '备注']);
  t.deepEqual(sheet.slice(1).map((r) => [r[0], r[1]]), [['2', '已导入'], ['3', '已导入'], ['4', '无效']]);
});

test('a 5,000-row import runs in chunks and its progress reaches 100 %', async (t) => {
  const firm = await aFirm(crm);
  const base = 13_000_000_000 + Math.floor(Math.random() * 900_000_000);
  const rows = [HEADERS, ...Array.from({ length: 5000 }, (_, i) => row({ 企业名称: `批量企业${i}`, 客户手机号码: String(base + i * 7) }))];
  const started = Date.now();
  const up = await upload(firm.adminToken, csvOf(rows), 'big.csv');
  t.is(up.status, 202);
  const { job, seen } = await finished(firm.adminToken, up.body.id);
  const ms = Date.now() - started;
  t.log(`5,000 rows imported in ${ms} ms (${Math.round(5000 / (ms / 1000))} rows/s)`);
  t.is(job.status, 'succeeded');
  t.deepEqual(job.counts, { imported: 5000, duplicates: 0, invalid: 0 });
  t.is(seen[seen.length - 1], 100);
  t.deepEqual(seen, [...seen].sort((a, b) => a - b), 'progress never goes back');
  const count = await api.call('GET', '/api/v1/inquiries?limit=1&withTotal=true', { token: firm.adminToken });
  t.is(count.body.total, 5000);
});

test('malformed files are refused at once with a clear message, never a crash', async (t) => {
  const firm = await aFirm(crm);
  const cases: [string, Buffer, string, RegExp][] = [
    ['empty.csv', Buffer.alloc(0), 'import.empty_file', /文件是空的/],
    ['garbage.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)), 'import.unsupported_file', /不是 Excel（\.xlsx）或 CSV 文件/],
    ['broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 0x41)]), 'import.unreadable_file', /不是有效的 Excel（\.xlsx）文件，或文件已损坏/],
    ['old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), 'import.unsupported_file', /另存为/],
    ['headers.csv', csvOf([['公司', '电话', '名字'], ['a', '13800138000', 'b']]), 'import.missing_columns', /缺少必需的列：客户手机号码、客户姓名、客户性别、客户级别、客户来源、客户房产、客户备注/],
    ['only-header.csv', csvOf([HEADERS]), 'import.no_rows', /没有数据行/],
    ['twice.csv', csvOf([[...HEADERS, '手机号'], row({ 企业名称: 'x', 客户手机号码: aMobile() })]), 'import.duplicate_column', /都是「客户手机号码」列/],
    ['quote.csv', Buffer.from(`${HEADERS.join(',')}\r\n"未闭合,13800138000\r\n`), 'import.unreadable_file', /引号没有闭合/],
  ];
  for (const [name, bytes, code, message] of cases) {
    const r = await upload(firm.adminToken, bytes, name);
    t.is(r.status, 400, name);
    t.is(r.body.code, code, name);
    t.regex(r.body.detail, message, name);
  }
  const jobs = await api.call('GET', `${BASE}/imports`, { token: firm.adminToken });
  t.deepEqual(jobs.body.items, [], 'a refused file leaves no job');
});

test('an upload past the size limit is refused with 413, whether its length is declared or it streams in chunks', async (t) => {
  const firm = await aFirm(crm);
  const big = Buffer.alloc(1024 * 1024 + 10, 0x61);
  const declared = await upload(firm.adminToken, big, 'big.csv');
  t.is(declared.status, 413);
  const chunked = await fetch(`${api.url}${BASE}/imports?fileName=big.csv`, {
    method: 'POST', headers: { authorization: `Bearer ${firm.adminToken}` }, duplex: 'half',
    body: new ReadableStream({ start(c) { for (let i = 0; i < 20; i++) c.enqueue(big.subarray(0, 64 * 1024)); c.close(); } }),
  } as RequestInit);
  t.is(chunked.status, 413);
  t.is(((await chunked.json()) as { code: string }).code, 'file.too_large');
  t.deepEqual((await api.call('GET', `${BASE}/imports`, { token: firm.adminToken })).body.items, []);
});

test('a file that fails while it is imported ends as a failed job whose report says why', async (t) => {
  const firm = await aFirm(crm);
  const rows = [HEADERS, ...Array.from({ length: 6001 }, (_, i) => row({ 企业名称: `超量${i}`, 客户手机号码: aMobile() }))];
  const up = await upload(firm.adminToken, csvOf(rows), 'too-many.csv');
  t.is(up.status, 202);
  const { job } = await finished(firm.adminToken, up.body.id);
  t.is(job.status, 'failed');
  t.is(job.error?.code, 'import.too_many_rows');
  t.is(job.counts.imported, 0);
  const sheet = await sheetOf((await download(`${BASE}/imports/${job.id}/report.xlsx`, firm.adminToken)).bytes);
  t.deepEqual(sheet[1]?.slice(1, 3), ['文件无法导入', '一次最多导入 6000 行，请把文件拆分后分批导入']);
});

test('a job whose runner stopped is taken over from its last committed chunk, each row imported once', async (t) => {
  const firm = await aFirm(crm);
  const imports = crm.container.get<ImportService>(ImportExportToken);
  const rows = [HEADERS, ...Array.from({ length: 2500 }, (_, i) => row({ 企业名称: `续传${i}`, 客户手机号码: aMobile() }))];
  rows.push([...(rows[2] as string[])]); // the last row repeats an early one: a duplicate within the file across the restart
  const job = await imports.upload(firm.admin, { fileName: 'resume.csv', content: (async function* () { yield csvOf(rows); })() });
  // The first runner commits one chunk, then "dies": its lease is given away as if it ran out.
  const first = await imports.runner.run(firm.tenantId, job.id, async (p) => {
    if (p.processed === 1000) await crm.database.knex('import_jobs').where({ tenant_id: firm.tenantId, id: job.id }).update({ runner: 'vanished', lease_until: new Date(Date.now() - 1000) });
  });
  t.is(first, null, 'the first runner stops once its lease is gone');
  const half = await api.call('GET', `${BASE}/imports/${job.id}`, { token: firm.adminToken });
  t.is(half.body.status, 'running');
  t.is(half.body.processed, 1000);
  t.is(half.body.percentage, 39);
  t.is(await imports.runner.resumeStale(new Date()), 1);
  const done = await api.call('GET', `${BASE}/imports/${job.id}`, { token: firm.adminToken });
  t.is(done.body.status, 'succeeded');
  t.deepEqual(done.body.counts, { imported: 2500, duplicates: 1, invalid: 0 });
  const count = await api.call('GET', '/api/v1/inquiries?limit=1&withTotal=true', { token: firm.adminToken });
  t.is(count.body.total, 2500);
});

test('permissions: importing needs inquiry.write, naming another owner needs pool.assign', async (t) => {
  const firm = await aFirm(crm);
  const approver = await firm.person(['approver']);
  const sales = await firm.person(['sales'], { name: '销售甲' });
  await firm.person(['sales'], { name: '销售乙' });
  const file = csvOf([HEADERS, row({ 企业名称: '给别人', 客户手机号码: aMobile(), 负责人: '销售乙' }), row({ 企业名称: '给自己', 客户手机号码: aMobile() }), row({ 企业名称: '放公海', 客户手机号码: aMobile(), 负责人: '公海' })]);
  const refused = await upload(approver.token, file, 'x.csv');
  t.is(refused.status, 403);
  t.is(refused.body.code, 'auth.forbidden');
  const tpl = await download(`${BASE}/imports/template.xlsx`, approver.token);
  t.is(tpl.status, 403);
  const up = await upload(sales.token, file, 'x.csv');
  const { job } = await finished(sales.token, up.body.id);
  t.deepEqual(job.counts, { imported: 1, duplicates: 0, invalid: 2 });
  const sheet = await sheetOf((await download(`${BASE}/imports/${job.id}/report.xlsx`, sales.token)).bytes);
  t.regex(sheet[1]?.[2] ?? '', /^负责人：指定他人为负责人需要「分配」权限（pool\.assign）/);
  t.regex(sheet[3]?.[2] ?? '', /^负责人：放入咨询公海需要「分配」权限/);
});

test('another firm and a colleague get 404 on a job and its report; the firm’s administrator sees it', async (t) => {
  const firm = await aFirm(crm);
  const other = await aFirm(crm);
  const sales = await firm.person(['sales']);
  const colleague = await firm.person(['sales']);
  const up = await upload(sales.token, csvOf([HEADERS, row({ 企业名称: '隔离', 客户手机号码: aMobile() })]), 'mine.csv');
  await finished(sales.token, up.body.id);
  for (const token of [other.adminToken, colleague.token]) {
    t.is((await api.call('GET', `${BASE}/imports/${up.body.id}`, { token })).status, 404);
    t.is((await download(`${BASE}/imports/${up.body.id}/report.xlsx`, token)).status, 404);
    t.deepEqual((await api.call('GET', `${BASE}/imports`, { token })).body.items, []);
  }
  t.is((await api.call('GET', `${BASE}/imports/${up.body.id}`, { token: firm.adminToken })).status, 200);
  t.is((await api.call('GET', `${BASE}/imports`, { token: firm.adminToken })).body.items.length, 1);
  const otherList = await api.call('GET', '/api/v1/inquiries?limit=5', { token: other.adminToken });
  t.deepEqual(otherList.body.items, [], 'the imported record is not another firm’s');
});

test('the template has the Chinese headers and one example row that imports as it is', async (t) => {
  const firm = await aFirm(crm);
  const tpl = await download(`${BASE}/imports/template.xlsx`, firm.adminToken);
  t.is(tpl.status, 200);
  t.is(tpl.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const sheet = await sheetOf(tpl.bytes);
  t.deepEqual(sheet[0], HEADERS);
  t.is(sheet.length, 2);
  t.is(sheet[1]?.[0], '盛博科技有限公司');
  const up = await upload(firm.adminToken, tpl.bytes, '咨询导入模板.xlsx');
  const { job } = await finished(firm.adminToken, up.body.id);
  t.deepEqual(job.counts, { imported: 1, duplicates: 0, invalid: 0 });
  const cols = await api.call('GET', `${BASE}/imports/columns`, { token: firm.adminToken });
  t.deepEqual(cols.body.columns.filter((c: any) => c.required).map((c: any) => c.header), ['企业名称', '客户手机号码', '客户姓名', '客户性别', '客户级别', '客户来源', '客户房产', '客户备注']);
});

test('exports: inquiries with the list’s filters and data scope, users with masked mobiles, Chinese headers', async (t) => {
  const firm = await aFirm(crm);
  const a = await firm.person(['sales'], { name: '甲销售' });
  const b = await firm.person(['sales'], { name: '乙销售' });
  const aMobile1 = aMobile();
  await existing(firm, a, aMobile1, '甲的A客户');
  await crm.inquiries.create(a.actor, { companyName: '甲的B客户', mobile: aMobile(), contactName: '李', gender: 'female', level: 'B', nextFollowUpAt: new Date(`${Y}-02-01T02:00:00Z`), source: '电销', propertyType: '无房产', remark: 'r' });
  await existing(firm, b, aMobile(), '乙的客户');

  const mine = await download(`${BASE}/exports/inquiries.xlsx`, a.token);
  t.is(mine.status, 200);
  t.regex(mine.disposition ?? '', /filename\*=UTF-8''%E5%92%A8%E8%AF%A2-\d{4}-\d{2}-\d{2}\.xlsx/);
  const sheet = await sheetOf(mine.bytes);
  t.deepEqual(sheet[0], ['企业名称', '客户手机号码', '客户姓名', '客户性别', '客户级别', '下次跟进时间', '客户来源', '客户房产', '负责人', '所属部门', '客户备注', '企业税号', '阶段', '最近跟进时间', '创建时间']);
  t.deepEqual(sheet.slice(1).map((r) => r[0]).sort(), ['甲的A客户', '甲的B客户'], 'a sales person exports only their own records');
  const rowA = sheet.find((r) => r[0] === '甲的A客户') as string[];
  t.deepEqual([rowA[1], rowA[3], rowA[4], rowA[5], rowA[8], rowA[12]], [aMobile1, '男', 'A类 高价值', `${Y}-01-01 10:00`, '甲销售', '咨询']);
  const filtered = await sheetOf((await download(`${BASE}/exports/inquiries.xlsx?level=B`, a.token)).bytes);
  t.deepEqual(filtered.slice(1).map((r) => r[0]), ['甲的B客户']);
  const all = await sheetOf((await download(`${BASE}/exports/inquiries.xlsx`, firm.adminToken)).bytes);
  t.is(all.length - 1, 3);
  const bad = await api.call('GET', `${BASE}/exports/inquiries.xlsx?level=B&unknown=1`, { token: a.token });
  t.is(bad.status, 400);

  const users = await sheetOf((await download(`${BASE}/exports/users.xlsx`, a.token)).bytes);
  t.deepEqual(users[0], ['姓名', '手机号码', '所属部门', '角色', '状态', '创建时间']);
  const bRow = users.find((r) => r[0] === '乙销售') as string[];
  t.regex(bRow[1] ?? '', /^\d{3}\*{4}\d{4}$/, 'a sales person sees colleagues’ mobiles masked, as in the list');
  t.is(bRow[3], '销售');
  t.is(bRow[4], '在职');
  const adminUsers = await sheetOf((await download(`${BASE}/exports/users.xlsx?active=true`, firm.adminToken)).bytes);
  t.is(adminUsers.find((r) => r[0] === '乙销售')?.[1], b.mobile);
  const listed = await api.call('GET', `${BASE}/exports`, { token: a.token });
  t.deepEqual(listed.body.items.map((e: any) => e.name), ['inquiries', 'users']);
  const other = await aFirm(crm);
  t.is((await sheetOf((await download(`${BASE}/exports/inquiries.xlsx`, other.adminToken)).bytes)).length, 1, 'another firm exports none of them');
});

test('yunzhou import: progress bar on stderr, the summary and the report path on stdout', async (t) => {
  const firm = await aFirm(crm);
  const dir = mkdtempSync(join(tmpdir(), 'yunzhou-import-'));
  const file = join(dir, '名单.csv');
  writeFileSync(file, csvOf([HEADERS, row({ 企业名称: '命令行一', 客户手机号码: aMobile() }), row({ 企业名称: '命令行二', 客户手机号码: 'abc' })]));
  const adminMobile = (await crm.organisation.getUser(firm.admin, firm.admin.userId)).mobile;
  let out = '';
  let err = '';
  // The CLI's terminal: lines to stdout and stderr, the progress line rewritten in place on stderr.
  const io = { out: (s: string) => { out += `${s}\n`; }, err: (s: string) => { err += `${s}\n`; }, progress: (s: string) => { err += `\r${s}`; } };
  const command = crm.container.getAll<CommandContribution>(CommandContribution).find((c) => c.name === 'import');
  if (!command) return t.fail('the plugin contributes the import command');
  const code = await command.run([file, '--tenant', firm.tenantId, '--as', adminMobile], io);
  t.is(code, 0);
  t.regex(err, /导入 \[#{30}\] 100% {2}2\/2 行 {2}已导入 1 {2}重复 0 {2}无效 1/);
  t.regex(out, /^导入完成：共 2 行，已导入 1，重复 0，无效 1（[\d.]+ 秒）\n结果报告：.*名单\.report\.xlsx\n$/);
  const sheet = await sheetOf(readFileSync(join(dir, '名单.report.xlsx')));
  t.deepEqual(sheet.slice(1).map((r) => r[1]), ['已导入', '无效']);
  const usage = await command.run([file], io);
  t.is(usage, 2);
});
