// 资料清单 worked by hand: a product needing 征信报告 (30 days from its date), 银行流水 (6 months, ending within
// 30 days) and 营业执照 (until its expiry date), on dates in Asia/Shanghai.
import test from 'ava';
import {
  documentStatus, fileUses, orderChecklist, stateCounts, type CollectedDocument, type DocumentRequirement, type DocumentState, type ProductDocuments,
} from '../../../core/checklists/index.js';
import { instantOfLocalDateTime } from '../../../core/shared/zoned-time.js';

const ZONE = 'Asia/Shanghai';
const CREDIT: DocumentRequirement = { document: '征信报告', validity: { kind: 'days_from_document_date', days: 30 }, blocksSubmission: true };
const STATEMENT: DocumentRequirement = { document: '银行流水', validity: { kind: 'covers_last_months', months: 6, endWithinDays: 30 }, blocksSubmission: true };
const LICENCE: DocumentRequirement = { document: '营业执照', validity: { kind: 'until_expiry_date' }, blocksSubmission: true };
const ID: DocumentRequirement = { document: '法人身份证', validity: { kind: 'none' }, blocksSubmission: false };

const state = (r: DocumentRequirement, files: CollectedDocument[], on: string, window = 7): [DocumentState, string | null] => {
  const s = documentStatus(r, files, on, window);
  return [s.state, s.validThrough];
};

// [example, requirement, files, date, expected state, expected last good day]
const EXAMPLES: [string, DocumentRequirement, CollectedDocument[], string, DocumentState, string | null][] = [
  ['征信报告 dated 11-01 counts through 12-01 (30 days old), collected on 11-20', CREDIT, [{ fileId: 'f1', document: '征信报告', documentDate: '2026-11-01' }], '2026-11-20', 'collected', '2026-12-01'],
  ['… expiring on 11-25 (stops being good on 12-02, within 7 days)', CREDIT, [{ fileId: 'f1', document: '征信报告', documentDate: '2026-11-01' }], '2026-11-25', 'expiring', '2026-12-01'],
  ['… still expiring (its last day) on 12-01', CREDIT, [{ fileId: 'f1', document: '征信报告', documentDate: '2026-11-01' }], '2026-12-01', 'expiring', '2026-12-01'],
  ['… expired on 12-02', CREDIT, [{ fileId: 'f1', document: '征信报告', documentDate: '2026-11-01' }], '2026-12-02', 'expired', '2026-12-01'],
  ['征信报告 without its date cannot count: missing', CREDIT, [{ fileId: 'f1', document: '征信报告' }], '2026-11-20', 'missing', null],
  ['no file at all: missing', CREDIT, [], '2026-11-20', 'missing', null],
  ['a file of another document does not count', CREDIT, [{ fileId: 'f9', document: '银行流水', documentDate: '2026-11-10' }], '2026-11-20', 'missing', null],
  ['银行流水 05-01 to 10-31 covers six whole months, good through 11-30', STATEMENT, [{ fileId: 'f2', document: '银行流水', coversFrom: '2026-05-01', coversTo: '2026-10-31' }], '2026-11-10', 'collected', '2026-11-30'],
  ['银行流水 05-21 to 11-20 covers six whole months, good through 12-20', STATEMENT, [{ fileId: 'f2', document: '银行流水', coversFrom: '2026-05-21', coversTo: '2026-11-20' }], '2026-12-01', 'collected', '2026-12-20'],
  ['银行流水 05-02 to 10-31 is a day short: missing', STATEMENT, [{ fileId: 'f2', document: '银行流水', coversFrom: '2026-05-02', coversTo: '2026-10-31' }], '2026-11-10', 'missing', null],
  ['银行流水 ending 10-31 is stale on 12-01', STATEMENT, [{ fileId: 'f2', document: '银行流水', coversFrom: '2026-04-01', coversTo: '2026-10-31' }], '2026-12-01', 'expired', '2026-11-30'],
  ['营业执照 valid through 2027-03-31, collected on 2026-12-01', LICENCE, [{ fileId: 'f3', document: '营业执照', expiresOn: '2027-03-31' }], '2026-12-01', 'collected', '2027-03-31'],
  ['营业执照 on its expiry day is still good (expiring)', LICENCE, [{ fileId: 'f3', document: '营业执照', expiresOn: '2026-12-01' }], '2026-12-01', 'expiring', '2026-12-01'],
  ['营业执照 the day after its expiry: expired', LICENCE, [{ fileId: 'f3', document: '营业执照', expiresOn: '2026-12-01' }], '2026-12-02', 'expired', '2026-12-01'],
  ['营业执照 长期: collected, no end', LICENCE, [{ fileId: 'f3', document: '营业执照', longTerm: true }], '2099-01-01', 'collected', null],
  ['营业执照 with no expiry date entered: missing', LICENCE, [{ fileId: 'f3', document: '营业执照' }], '2026-12-01', 'missing', null],
  ['a document with no validity is collected by any file', ID, [{ fileId: 'f4', document: '法人身份证' }], '2040-01-01', 'collected', null],
  ['a fresh file beats an expired one', CREDIT, [{ fileId: 'old', document: '征信报告', documentDate: '2026-09-01' }, { fileId: 'new', document: '征信报告', documentDate: '2026-11-15' }], '2026-11-20', 'collected', '2026-12-15'],
];

for (const [example, r, files, on, expected, validThrough] of EXAMPLES) {
  test(`worked example: ${example}`, (t) => {
    t.deepEqual(state(r, files, on), [expected, validThrough]);
  });
}

test('"expiring" follows the configured window; 0 days means never', (t) => {
  const files = [{ fileId: 'f1', document: '征信报告', documentDate: '2026-11-01' }];
  t.is(state(CREDIT, files, '2026-11-20', 12)[0], 'expiring'); // stops on 12-02 = 11-20 + 12
  t.is(state(CREDIT, files, '2026-11-20', 11)[0], 'collected');
  t.is(state(CREDIT, files, '2026-12-01', 0)[0], 'collected');
  t.throws(() => state(CREDIT, files, '2026-12-01', -1), { instanceOf: RangeError });
});

test('the status lists the files: good ones longest-lasting first, expired ones, and those that cannot count with why', (t) => {
  const s = documentStatus(CREDIT, [
    { fileId: 'a', document: '征信报告', documentDate: '2026-11-05' },
    { fileId: 'b', document: '征信报告', documentDate: '2026-10-01' },
    { fileId: 'c', document: '征信报告', documentDate: '2026-11-15' },
    { fileId: 'd', document: '征信报告' },
  ], '2026-11-20', 7);
  t.deepEqual([s.state, s.satisfiedBy, s.expiredFiles, s.unusableFiles], ['collected', ['c', 'a'], ['b'], [{ fileId: 'd', reason: 'date_missing' }]]);
  t.is(s.text.zh, '征信报告：已收集，有效至 2026-12-15（还剩 25 天）');
  t.is(s.text.en, '征信报告: collected, good through 2026-12-15 (25 days left)');
});

test('the text of a missing document says why a file did not count', (t) => {
  const s = documentStatus(STATEMENT, [{ fileId: 'f2', document: '银行流水', coversFrom: '2026-08-01', coversTo: '2026-10-31' }], '2026-11-10', 7);
  t.is(s.text.zh, '银行流水：缺少；文件 f2 覆盖期间不足');
  t.is(s.text.en, '银行流水: missing; file f2 covers too short a period');
});

const PRODUCTS: ProductDocuments[] = [
  { productId: '税E贷', documents: [CREDIT, LICENCE] },
  // A second product takes the same report, but only when it is at most 15 days old.
  { productId: '快贷', documents: [{ ...CREDIT, validity: { kind: 'days_from_document_date', days: 15 } }, ID] },
];
const FILES: CollectedDocument[] = [
  { fileId: 'report', document: '征信报告', documentDate: '2026-11-10' },
  { fileId: 'licence', document: '营业执照', longTerm: true },
];

test('one file satisfies the same document for several products, each under its own validity', (t) => {
  const c = orderChecklist({ products: PRODUCTS, files: FILES, asOf: instantOfLocalDateTime('2026-11-20', '10:00', ZONE), timeZone: ZONE });
  t.is(c.asOfDate, '2026-11-20');
  t.deepEqual(c.products.map((p) => [p.productId, p.documents.map((d) => [d.document, d.state, d.validThrough])]), [
    ['税E贷', [['征信报告', 'collected', '2026-12-10'], ['营业执照', 'collected', null]]],
    ['快贷', [['征信报告', 'expiring', '2026-11-25'], ['法人身份证', 'missing', null]]],
  ]);
  t.deepEqual([...fileUses(c).entries()], [
    ['report', [{ productId: '税E贷', document: '征信报告' }, { productId: '快贷', document: '征信报告' }]],
    ['licence', [{ productId: '税E贷', document: '营业执照' }]],
  ]);
  t.deepEqual(c.products.map(stateCounts), [{ collected: 2, expiring: 0, expired: 0, missing: 0 }, { collected: 0, expiring: 1, expired: 0, missing: 1 }]);
});

test('the date is the tenant\'s: 16:30 UTC on 12-10 is already 12-11 in Shanghai, and the report has expired there', (t) => {
  const asOf = new Date('2026-12-10T16:30:00Z');
  const shanghai = orderChecklist({ products: PRODUCTS.slice(0, 1), files: FILES, asOf, timeZone: ZONE });
  const utc = orderChecklist({ products: PRODUCTS.slice(0, 1), files: FILES, asOf, timeZone: 'UTC' });
  t.is(shanghai.asOfDate, '2026-12-11');
  t.is(shanghai.products[0]?.documents[0]?.state, 'expired');
  t.is(utc.asOfDate, '2026-12-10');
  t.is(utc.products[0]?.documents[0]?.state, 'expiring');
});

test('the expiring window defaults to 7 days', (t) => {
  const c = orderChecklist({ products: PRODUCTS, files: FILES, asOf: instantOfLocalDateTime('2026-11-20', '10:00', ZONE), timeZone: ZONE });
  t.is(c.expiringWithinDays, 7);
});
