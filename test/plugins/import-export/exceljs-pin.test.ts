// The import reader subclasses exceljs's streaming WorkbookReader and overrides private `_parse*` methods
// (import-file.ts). That holds only on the exact version it was written for: exceljs is pinned, the pinned
// version has the methods, and the override is what makes Chinese text read back whole.
import test from 'ava';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readImportFile } from '../../../plugins/import-export/import-file.js';

const PINNED = '4.4.0';
const dir = mkdtempSync(join(tmpdir(), 'yunzhou-exceljs-'));
test.after.always(() => rmSync(dir, { recursive: true, force: true }));
const json = (path: string): Record<string, any> => JSON.parse(readFileSync(path, 'utf8'));

test('exceljs is pinned to one exact version, in package.json, in the lock and in node_modules', (t) => {
  t.is(json('package.json').dependencies.exceljs, PINNED);
  const lock = json('package-lock.json');
  t.is(lock.packages[''].dependencies.exceljs, PINNED);
  t.is(lock.packages['node_modules/exceljs'].version, PINNED);
  t.is(json('node_modules/exceljs/package.json').version, PINNED);
});

test('the pinned WorkbookReader has the private methods the import reader overrides', (t) => {
  const proto = (ExcelJS.stream.xlsx.WorkbookReader as unknown as { prototype: Record<string, unknown> }).prototype;
  t.deepEqual(
    ['_parseSharedStrings', '_parseStyles', '_parseWorkbook', '_parseWorksheet'].filter((m) => typeof proto[m] !== 'function'),
    [],
  );
});

test('the override is what keeps Chinese text whole: plain exceljs splits characters, the import reader does not', async (t) => {
  const company = (i: number): string => `${['盛博', '华信', '恒达', '鑫源'][i % 4]}科技${i}号有限公司（${'测试'.repeat(1 + (i % 5))}）`;
  const rowsCount = 20_000;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(['企业名称', '客户手机号码', '客户姓名', '客户性别', '客户级别', '客户来源', '客户房产', '客户备注']);
  for (let i = 0; i < rowsCount; i++) ws.addRow([company(i), `139${String(i).padStart(8, '0')}`, `客户${i}`, '男', 'A', '电销', '按揭房', `备注${i}`]);
  const file = join(dir, 'shared.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

  // Plain exceljs, the same options: some characters come back as U+FFFD.
  let broken = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet) if (JSON.stringify(row.values).includes('\uFFFD')) broken++;
  }
  t.true(broken > 0, 'plain exceljs 4.4.0 breaks characters at chunk boundaries (if not, the override may go)');

  const { rows } = await readImportFile(file, 'xlsx', rowsCount);
  t.is(rows.length, rowsCount);
  t.deepEqual(rows.filter((r, i) => r.values.companyName !== company(i)).map((r) => r.row), []);
});
