import test from 'ava';
import {
  requirementsFromNames, suggestedValidity, validateCollectedDocument, validateDocumentRequirements, validityText,
} from '../../../core/checklists/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';

function fields(r: unknown, code: string): [string, string][] {
  if (!(r instanceof DomainError)) throw new Error('expected a DomainError');
  if (r.code !== code || r.kind !== 'invalid') throw new Error(`unexpected ${r.code}`);
  return r.fieldErrors.map((f) => [f.path, f.code]);
}

test('a checklist as submitted comes back trimmed, a missing validity meaning none and a statement\'s window 30 days', (t) => {
  t.deepEqual(validateDocumentRequirements([
    { document: ' 征信报告 ', validity: { kind: 'days_from_document_date', days: 30 }, blocksSubmission: true },
    { document: '银行流水', validity: { kind: 'covers_last_months', months: 6 }, blocksSubmission: true },
    { document: '营业执照', validity: { kind: 'until_expiry_date' }, blocksSubmission: false },
    { document: '法人身份证', blocksSubmission: false },
  ]), [
    { document: '征信报告', validity: { kind: 'days_from_document_date', days: 30 }, blocksSubmission: true },
    { document: '银行流水', validity: { kind: 'covers_last_months', months: 6, endWithinDays: 30 }, blocksSubmission: true },
    { document: '营业执照', validity: { kind: 'until_expiry_date' }, blocksSubmission: false },
    { document: '法人身份证', validity: { kind: 'none' }, blocksSubmission: false },
  ]);
});

// [what, item, field errors]
const BAD: [string, unknown, [string, string][]][] = [
  ['an empty name', { document: ' ', blocksSubmission: true }, [['/0/document', 'bad_name']]],
  ['no name', { blocksSubmission: true }, [['/0/document', 'required']]],
  ['a name of 51 characters', { document: '资'.repeat(51), blocksSubmission: true }, [['/0/document', 'bad_name']]],
  ['0 days', { document: '征信报告', validity: { kind: 'days_from_document_date', days: 0 }, blocksSubmission: true }, [['/0/validity/days', 'out_of_range']]],
  ['no days', { document: '征信报告', validity: { kind: 'days_from_document_date' }, blocksSubmission: true }, [['/0/validity/days', 'required']]],
  ['121 months', { document: '银行流水', validity: { kind: 'covers_last_months', months: 121 }, blocksSubmission: true }, [['/0/validity/months', 'out_of_range']]],
  ['a negative window', { document: '银行流水', validity: { kind: 'covers_last_months', months: 6, endWithinDays: -1 }, blocksSubmission: true }, [['/0/validity/endWithinDays', 'out_of_range']]],
  ['an unknown validity', { document: '征信报告', validity: { kind: 'monthly' }, blocksSubmission: true }, [['/0/validity/kind', 'unknown_kind']]],
  ['a misspelt field', { document: '征信报告', validity: { kind: 'until_expiry_date', days: 3 }, blocksSubmission: true }, [['/0/validity/days', 'unknown_field']]],
  ['blocking not a boolean', { document: '征信报告', blocksSubmission: 'yes' }, [['/0/blocksSubmission', 'not_boolean']]],
];

for (const [what, item, expected] of BAD) {
  test(`a checklist with ${what} is refused at its field`, (t) => {
    t.deepEqual(fields(validateDocumentRequirements([item]), 'checklist.invalid_requirements'), expected);
  });
}

test('a document listed twice is refused at the second, and not a list at all at the root', (t) => {
  t.deepEqual(fields(validateDocumentRequirements([{ document: '征信报告', blocksSubmission: true }, { document: '征信报告 ', blocksSubmission: false }]), 'checklist.invalid_requirements'), [['/1/document', 'duplicate']]);
  t.deepEqual(fields(validateDocumentRequirements({}), 'checklist.invalid_requirements'), [['', 'not_array']]);
  const e = validateDocumentRequirements([{ document: '', blocksSubmission: 1 }]) as DomainError;
  t.is(e.text.zh, '资料清单有误：/0/document 须为 1–50 个字的资料名称；/0/blocksSubmission 须为是或否');
  t.is(e.text.en, 'Invalid document checklist: /0/document must be a document name of 1 to 50 characters; /0/blocksSubmission must be true or false');
});

test('a collected file\'s facts: dates checked, a period needs both ends in order, 长期 has no expiry date', (t) => {
  t.deepEqual(validateCollectedDocument({ fileId: 'f1', document: '银行流水', coversFrom: '2026-05-01', coversTo: '2026-10-31' }), {
    fileId: 'f1', document: '银行流水', documentDate: null, coversFrom: '2026-05-01', coversTo: '2026-10-31', expiresOn: null, longTerm: false,
  });
  const code = 'checklist.invalid_document';
  t.deepEqual(fields(validateCollectedDocument({ fileId: 'f1', document: '征信报告', documentDate: '2026-02-30' }), code), [['/documentDate', 'not_date']]);
  t.deepEqual(fields(validateCollectedDocument({ fileId: 'f1', document: '银行流水', coversFrom: '2026-10-31', coversTo: '2026-05-01' }), code), [['/coversTo', 'before_start']]);
  t.deepEqual(fields(validateCollectedDocument({ fileId: 'f1', document: '银行流水', coversFrom: '2026-10-31' }), code), [['/coversTo', 'required']]);
  t.deepEqual(fields(validateCollectedDocument({ fileId: 'f1', document: '营业执照', expiresOn: '2030-01-01', longTerm: true }), code), [['/expiresOn', 'long_term_with_expiry']]);
  t.deepEqual(fields(validateCollectedDocument({ document: '营业执照', colour: 'red' }), code), [['/colour', 'unknown_field'], ['/fileId', 'required']]);
});

test('today\'s names become a checklist with the usual validity, not blocking until someone says so', (t) => {
  t.deepEqual(requirementsFromNames(['营业执照', '近半年银行流水', '近一年银行流水', '征信报告', '身份证', '营业执照', ' ']), [
    { document: '营业执照', validity: { kind: 'until_expiry_date' }, blocksSubmission: false },
    { document: '近半年银行流水', validity: { kind: 'covers_last_months', months: 6, endWithinDays: 30 }, blocksSubmission: false },
    { document: '近一年银行流水', validity: { kind: 'covers_last_months', months: 12, endWithinDays: 30 }, blocksSubmission: false },
    { document: '征信报告', validity: { kind: 'days_from_document_date', days: 30 }, blocksSubmission: false },
    { document: '身份证', validity: { kind: 'none' }, blocksSubmission: false },
  ]);
  t.deepEqual(suggestedValidity('征信查询授权书'), { kind: 'none' });
  t.deepEqual(validityText({ kind: 'days_from_document_date', days: 30 }), { zh: '出具日起 30 天内有效', en: 'good for 30 days from its date' });
});
