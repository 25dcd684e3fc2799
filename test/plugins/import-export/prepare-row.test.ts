// A row whose cells hold NUL or a lone surrogate (an .xlsx can carry one as a character reference) is
// reported as invalid, naming the column, and never reaches the database.
import test from 'ava';
import { directoryOf, prepareRow, type RowContext } from '../../../plugins/import-export/prepare-row.js';
import { anActor, NOW, someSettings } from '../../core/inquiries/builders.js';

const everything = { drawable: (): boolean => true }; // the documents' font is not what these tests are about
const ctx: RowContext = { actor: anActor(), settings: someSettings(), timeZone: 'Asia/Shanghai', now: NOW, directory: directoryOf([], []), charset: everything };
const values = { companyName: '盛博科技', mobile: '13800000001', contactName: '郑盛', gender: '男', level: 'A', nextFollowUpAt: '2021-10-20 10:00', source: '电销', propertyType: '按揭房', remark: '需要额度高' };

test('NUL or a lone surrogate in a cell makes the row invalid, naming the column', (t) => {
  const nul = prepareRow({ row: 2, cells: [], values: { ...values, remark: '备注\u0000' } }, ctx);
  t.false(nul.ok);
  t.regex((nul as { message: string }).message, /客户备注：不能包含空字符或无效的 Unicode 字符/);
  const lone = prepareRow({ row: 3, cells: [], values: { ...values, contactName: '郑\ud800' } }, ctx);
  t.false(lone.ok);
  t.regex((lone as { message: string }).message, /不能包含空字符或无效的 Unicode 字符/);
});

test('the same row with clean text, 𠮷 included, is taken', (t) => {
  const ok = prepareRow({ row: 4, cells: [], values: { ...values, contactName: '𠮷田' } }, ctx);
  t.true(ok.ok, JSON.stringify(ok));
});
