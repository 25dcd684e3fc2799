// CSV as spreadsheets save it: encodings, delimiters and RFC 4180 quoting, table-driven; and a property: any
// table written with quoting reads back as the same cells.
import test from 'ava';
import fc from 'fast-check';
import { decodeCsv, detectDelimiter, looksLikeText, parseCsv } from '../../../plugins/import-export/csv.js';

test('decodes UTF-8 with and without a BOM, GBK from Excel on Chinese Windows, and UTF-16 text', (t) => {
  const cases: [string, Buffer, string, string][] = [
    ['utf-8', Buffer.from('企业名称,客户手机号码\r\n', 'utf8'), '企业名称,客户手机号码\r\n', 'utf-8'],
    ['utf-8 bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('企业名称', 'utf8')]), '企业名称', 'utf-8'],
    ['gbk', Buffer.from('c6f3d2b5c3fbb3c62cbfcdbba7cad6bbfabac5c2eb', 'hex'), '企业名称,客户手机号码', 'gb18030'],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('企业\t名称', 'utf16le')]), '企业\t名称', 'utf-16le'],
  ];
  for (const [name, bytes, text, encoding] of cases) t.deepEqual(decodeCsv(bytes), { text, encoding: encoding as never }, name);
});

test('the delimiter is the header line’s most frequent of comma, tab and semicolon, outside quotes', (t) => {
  const cases: [string, ',' | '\t' | ';'][] = [
    ['a,b,c\n1;2', ','], ['a\tb\tc\n', '\t'], ['a;b;c', ';'], ['"a,b,c";d;e', ';'], ['one', ','],
  ];
  for (const [text, expected] of cases) t.is(detectDelimiter(text), expected, text);
});

test('records keep quoted commas, doubled quotes and line breaks, and say on which line they start', (t) => {
  const text = 'h1,h2\r\n"盛博, 科技","他说""好"""\r\n"两\n行",x\nlast,\n';
  t.deepEqual(parseCsv(text), [
    { line: 1, cells: ['h1', 'h2'] },
    { line: 2, cells: ['盛博, 科技', '他说"好"'] },
    { line: 3, cells: ['两\n行', 'x'] },
    { line: 5, cells: ['last', ''] },
  ]);
});

test('an unclosed quote is import.unreadable_file naming its line', (t) => {
  const e = t.throws(() => parseCsv('a,b\n"open,1\n2,3'));
  t.is((e as { code?: string }).code, 'import.unreadable_file');
  t.regex(e?.message ?? '', /line 2/);
});

test('text is told from binary by its NUL and control bytes', (t) => {
  t.true(looksLikeText(Buffer.from('企业名称,手机\r\n', 'utf8')));
  t.false(looksLikeText(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])));
  t.false(looksLikeText(Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 8) + 1))));
});

test('property: any table written with RFC 4180 quoting parses back to the same cells', (t) => {
  const cell = fc.string({ unit: fc.constantFrom('a', '企', ',', '"', '\n', '\r\n', ' ', '1') });
  fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
    const width = rows[0]?.length ?? 2;
    const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
    const text = table.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
    return JSON.stringify(parseCsv(text, ',').map((r) => r.cells)) === JSON.stringify(table);
  }));
  t.pass();
});
