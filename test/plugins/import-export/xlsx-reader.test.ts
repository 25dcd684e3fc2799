// Reading .xlsx files as Excel and exceljs write them: every Chinese character survives the streaming reader
// (exceljs 4.4.0 alone splits characters at chunk boundaries), with shared strings (Excel's way) and with
// inline strings (streaming writers), and numbers, dates and formulas come back as the text a person sees.
import test from 'ava';
import ExcelJS from 'exceljs';
import { createWriteStream, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileRows, readHeader, readImportFile } from '../../../plugins/import-export/import-file.js';

const dir = mkdtempSync(join(tmpdir(), 'yunzhou-xlsx-'));
test.after.always(() => rmSync(dir, { recursive: true, force: true }));
const HEADERS = ['企业名称', '客户手机号码', '客户姓名', '客户性别', '客户级别', '客户来源', '客户房产', '客户备注'];
const company = (i: number): string => `${['盛博', '华信', '恒达', '鑫源'][i % 4]}科技${i}号有限公司（${'测试'.repeat(1 + (i % 5))}）`;
const ROWS = 20_000;

function rowOf(i: number): string[] {
  return [company(i), `139${String(i).padStart(8, '0')}`, `客户${i}`, '男', 'A', '电销', '按揭房', `备注：需要额度高、随借随还${i}`];
}

test('shared strings (as Excel writes them): every one of 20,000 Chinese rows reads back exactly', async (t) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(HEADERS);
  for (let i = 0; i < ROWS; i++) ws.addRow(rowOf(i));
  const file = join(dir, 'shared.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const { rows } = await readImportFile(file, 'xlsx', ROWS);
  t.is(rows.length, ROWS);
  t.deepEqual(rows.filter((r, i) => r.values.companyName !== company(i) || r.values.remark !== `备注：需要额度高、随借随还${i}`).map((r) => r.row), []);
});

test('inline strings (as streaming writers write them): every row reads back exactly', async (t) => {
  const file = join(dir, 'inline.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('客户');
  ws.addRow(HEADERS).commit();
  for (let i = 0; i < ROWS; i++) ws.addRow(rowOf(i)).commit();
  ws.commit();
  await wb.commit();
  const { rows } = await readImportFile(file, 'xlsx', ROWS);
  t.deepEqual(rows.filter((r, i) => r.values.companyName !== company(i) || r.values.contactName !== `客户${i}`).map((r) => r.row), []);
});

test('cells come back as the text a person sees: numbers, dates, rich text, formulas, hyperlinks; blank rows are skipped', async (t) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(['a', 'b', 'c', 'd', 'e']);
  ws.addRow([15213801285, new Date(Date.UTC(2030, 0, 2, 9, 30)), { richText: [{ text: '盛博' }, { text: '科技' }] }, { formula: 'A2', result: '结果' }, { text: '链接', hyperlink: 'https://example.com' }]);
  ws.addRow([]);
  ws.addRow(['', '', '', '', '末行']);
  const file = join(dir, 'cells.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const rows = [];
  for await (const r of fileRows(file, 'xlsx')) rows.push(r);
  t.deepEqual(rows, [
    { row: 1, cells: ['a', 'b', 'c', 'd', 'e'] },
    { row: 2, cells: ['15213801285', '2030-01-02 09:30:00', '盛博科技', '结果', '链接'] },
    { row: 4, cells: ['', '', '', '', '末行'] },
  ]);
});

test('a workbook with its worksheets before its shared strings (as Excel orders them) leaves no temporary file, even when reading stops after the header', async (t) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(HEADERS);
  for (let i = 0; i < 2000; i++) ws.addRow(rowOf(i));
  const file = join(dir, 'excel-order.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const mine = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));
  const before = mine();
  const header = await readHeader(file, 'xlsx');
  t.deepEqual(header.columns.map((c) => c.header), HEADERS);
  const { rows } = await readImportFile(file, 'xlsx', 5000);
  t.is(rows.length, 2000);
  t.deepEqual(mine(), before);
});
