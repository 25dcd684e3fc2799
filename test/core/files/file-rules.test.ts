import test from 'ava';
import { CONTENT_TYPES } from '../../../core/files/content-type.js';
import { FILE_KIND_POLICIES, FILE_KINDS, isFileKind } from '../../../core/files/file-kinds.js';
import { cleanFileName } from '../../../core/files/file-name.js';
import { DEFAULT_MAX_UPLOAD_BYTES, formatBytes, HARD_MAX_UPLOAD_BYTES, uploadLimitOf } from '../../../core/files/upload-limit.js';
import { unsupportedFileType } from '../../../core/files/errors.js';

const officeTypes = [CONTENT_TYPES.docx, CONTENT_TYPES.xlsx, CONTENT_TYPES.pptx, CONTENT_TYPES.doc, CONTENT_TYPES.xls];
const picturesAndPdf = [CONTENT_TYPES.jpeg, CONTENT_TYPES.png, CONTENT_TYPES.webp, CONTENT_TYPES.pdf];

const kindTable = [
  ['id_card_front', false, true],
  ['id_card_back', false, true],
  ['business_licence', false, true],
  ['contract_scan', false, true],
  ['bank_slip', false, true], // 银行回单 of a 回款单
  ['plan_attachment', true, true],
  ['other', true, false],
] as const;

for (const [kind, office, keepsOne] of kindTable) {
  test(`kind ${kind}: pictures and PDF${office ? ' and office documents' : ' only'}; ${keepsOne ? 'a new file replaces the current one' : 'files accumulate'}`, (t) => {
    const p = FILE_KIND_POLICIES[kind];
    t.deepEqual([...p.contentTypes].sort(), [...picturesAndPdf, ...(office ? officeTypes : [])].sort());
    t.is(p.keepsOne, keepsOne);
  });
}

test('the kind list is exactly the table above and isFileKind refuses anything else', (t) => {
  t.deepEqual([...FILE_KINDS].sort(), kindTable.map(([k]) => k).sort());
  t.false(isFileKind('passport'));
  t.true(isFileKind('other'));
});

const names: readonly [string, string][] = [
  ['身份证正面.png', '身份证正面.png'],
  ['../../etc/passwd', 'passwd'],
  ['C:\\Users\\孙露露\\合同.pdf', '合同.pdf'],
  ['  方案\u0000\u202e.docx  ', '方案.docx'],
  ['', '未命名'],
  ['..', '未命名'],
  ['a/b/', '未命名'],
  [`${'很'.repeat(300)}.pdf`, `${'很'.repeat(196)}.pdf`],
];
for (const [input, expected] of names) {
  test(`cleanFileName(${JSON.stringify(input.slice(0, 30))}) is ${JSON.stringify(expected.slice(0, 30))}`, (t) => {
    t.is(cleanFileName(input), expected);
  });
}

const limits: readonly [unknown, number][] = [
  [undefined, DEFAULT_MAX_UPLOAD_BYTES],
  [2 * 1024 * 1024, 2 * 1024 * 1024],
  [0, DEFAULT_MAX_UPLOAD_BYTES],
  [-5, DEFAULT_MAX_UPLOAD_BYTES],
  [1.5, DEFAULT_MAX_UPLOAD_BYTES],
  ['10000000', DEFAULT_MAX_UPLOAD_BYTES],
  [10 ** 12, HARD_MAX_UPLOAD_BYTES],
];
for (const [setting, expected] of limits) {
  test(`upload limit with maxUploadBytes=${JSON.stringify(setting)} is ${expected} bytes`, (t) => {
    t.is(uploadLimitOf(setting === undefined ? {} : { maxUploadBytes: setting }), expected);
  });
}

test('the default limit is 5 MB and limits read as people say them', (t) => {
  t.is(DEFAULT_MAX_UPLOAD_BYTES, 5 * 1024 * 1024);
  t.is(formatBytes(DEFAULT_MAX_UPLOAD_BYTES), '5 MB');
  t.is(formatBytes(100 * 1024), '100 KB');
});

test('an unsupported type names the kind and lists what it accepts, in both languages', (t) => {
  const e = unsupportedFileType(FILE_KIND_POLICIES.id_card_front.contentTypes, { name: 'id_card_front', policy: FILE_KIND_POLICIES.id_card_front });
  t.is(e.code, 'file.unsupported_type');
  t.is(e.kind, 'invalid');
  t.is(e.text.zh, '身份证正面只能上传 JPEG、PNG、WebP、PDF 文件（按文件内容识别，与文件名无关）');
  t.is(e.text.en, 'A file for the ID card (front) must be one of JPEG, PNG, WebP, PDF (recognised from the content, not the name)');
  t.deepEqual(e.details, { allowed: picturesAndPdf, kind: 'id_card_front' });
});
