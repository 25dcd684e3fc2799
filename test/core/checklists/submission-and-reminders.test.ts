import test from 'ava';
import {
  blockingDocuments, dueReminders, orderChecklist, submissionProblem, type CollectedDocument, type ProductDocuments,
} from '../../../core/checklists/index.js';
import { instantOfLocalDateTime } from '../../../core/shared/zoned-time.js';

const ZONE = 'Asia/Shanghai';
const on = (date: string): Date => instantOfLocalDateTime(date, '09:00', ZONE);

const PRODUCTS: ProductDocuments[] = [
  {
    productId: 'p-tax',
    documents: [
      { document: '征信报告', validity: { kind: 'days_from_document_date', days: 30 }, blocksSubmission: true },
      { document: '银行流水', validity: { kind: 'covers_last_months', months: 6, endWithinDays: 30 }, blocksSubmission: true },
      { document: '营业执照', validity: { kind: 'until_expiry_date' }, blocksSubmission: true },
      { document: '纳税申报表', validity: { kind: 'none' }, blocksSubmission: false },
    ],
  },
  { productId: 'p-quick', documents: [{ document: '征信报告', validity: { kind: 'days_from_document_date', days: 30 }, blocksSubmission: true }] },
];

const FILES: CollectedDocument[] = [
  { fileId: 'report', document: '征信报告', documentDate: '2026-11-01' },
  { fileId: 'statement', document: '银行流水', coversFrom: '2026-03-01', coversTo: '2026-08-31' },
];

test('submitting is refused with each blocking document that is missing or expired, in Chinese and English', (t) => {
  const c = orderChecklist({ products: PRODUCTS, files: FILES, asOf: on('2026-11-20'), timeZone: ZONE });
  const e = submissionProblem(c, 'p-tax');
  t.truthy(e);
  t.is(e?.code, 'checklist.documents_incomplete');
  t.is(e?.kind, 'rule');
  t.is(e?.text.zh, '资料不全，暂不能提交申请：银行流水（已过期，有效至 2026-09-30）、营业执照（缺少）');
  t.is(e?.text.en, 'Documents incomplete; the application cannot be submitted yet: 银行流水 (expired, was good through 2026-09-30), 营业执照 (missing)');
  t.deepEqual((e?.details.documents as { document: string; state: string }[]).map((d) => [d.document, d.state]), [['银行流水', 'expired'], ['营业执照', 'missing']]);
  t.like(e?.details, { productId: 'p-tax', asOfDate: '2026-11-20' });
});

test('a missing document that does not block, an expiring one, and a product without a checklist never refuse', (t) => {
  const c = orderChecklist({ products: PRODUCTS, files: FILES, asOf: on('2026-11-28'), timeZone: ZONE });
  t.is(c.products[1]?.documents[0]?.state, 'expiring');
  t.is(submissionProblem(c, 'p-quick'), null);
  t.is(submissionProblem(c, 'p-unknown'), null);
  const complete = orderChecklist({
    products: PRODUCTS,
    files: [...FILES, { fileId: 'new-statement', document: '银行流水', coversFrom: '2026-05-01', coversTo: '2026-10-31' }, { fileId: 'licence', document: '营业执照', expiresOn: '2030-01-01' }],
    asOf: on('2026-11-20'), timeZone: ZONE,
  });
  t.deepEqual(blockingDocuments(complete, 'p-tax'), []); // 纳税申报表 is still missing, but does not block
  t.is(complete.products[0]?.documents[3]?.state, 'missing');
  t.is(submissionProblem(complete, 'p-tax'), null);
});

test('a reminder is due from N days before a collected document stops being good, once per file and day, naming every open product', (t) => {
  // The report is good through 12-01 and stops on 12-02: with 5 days' notice the reminder is due from 11-27.
  const before = orderChecklist({ products: PRODUCTS, files: FILES, asOf: on('2026-11-26'), timeZone: ZONE });
  t.deepEqual(dueReminders(before, ['p-tax', 'p-quick'], 5), []);
  const due = orderChecklist({ products: PRODUCTS, files: FILES, asOf: on('2026-11-27'), timeZone: ZONE });
  const reminders = dueReminders(due, ['p-tax', 'p-quick'], 5);
  t.deepEqual(reminders.map((r) => [r.key, r.fileId, r.validThrough, r.remindFrom, r.productIds]), [
    ['report|征信报告|2026-12-01', 'report', '2026-12-01', '2026-11-27', ['p-tax', 'p-quick']],
  ]);
  t.is(reminders[0]?.text.zh, '征信报告将于 2026-12-01 后失效，请及时更新（涉及 2 个在办申请）');
});

test('no reminder once no application is open, once the document has expired, for a document that never expires, or with 0 days\' notice', (t) => {
  const due = orderChecklist({ products: PRODUCTS, files: [...FILES, { fileId: 'licence', document: '营业执照', longTerm: true }], asOf: on('2026-11-30'), timeZone: ZONE });
  t.deepEqual(dueReminders(due, [], 5), []);
  t.deepEqual(dueReminders(due, ['p-quick'], 0), []);
  t.deepEqual(dueReminders(due, ['p-quick'], 5).map((r) => r.productIds), [['p-quick']]);
  t.deepEqual(dueReminders(due, ['p-tax'], 3650).map((r) => r.document), ['征信报告']); // the statement has expired, the licence never does
  const expired = orderChecklist({ products: PRODUCTS, files: FILES, asOf: on('2026-12-02'), timeZone: ZONE });
  t.deepEqual(dueReminders(expired, ['p-tax', 'p-quick'], 5), []);
  t.throws(() => dueReminders(expired, [], -1), { instanceOf: RangeError });
});

test('a fresher copy of the document ends the reminder: it is about the longest-lasting file', (t) => {
  const files = [...FILES, { fileId: 'fresh', document: '征信报告', documentDate: '2026-11-25' }];
  const c = orderChecklist({ products: PRODUCTS, files, asOf: on('2026-11-28'), timeZone: ZONE });
  t.deepEqual(dueReminders(c, ['p-tax', 'p-quick'], 5), []);
});
