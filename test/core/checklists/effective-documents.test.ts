// The checklist in force: the saved one, then the names only requiredDocuments lists (not blocking); without a
// saved one, the names alone. Property: every saved requirement is kept as saved, every name appears once.
import test from 'ava';
import fc from 'fast-check';
import { effectiveDocuments, type DocumentRequirement } from '../../../core/checklists/index.js';

const report: DocumentRequirement = { document: '征信报告', validity: { kind: 'days_from_document_date', days: 30 }, blocksSubmission: true };

test('without a saved checklist the names, not blocking; with one, the names it lacks after it', (t) => {
  t.deepEqual(effectiveDocuments(['营业执照', '征信报告'], null).map((d) => [d.document, d.validity.kind, d.blocksSubmission]), [
    ['营业执照', 'until_expiry_date', false], ['征信报告', 'days_from_document_date', false],
  ]);
  t.deepEqual(effectiveDocuments(['营业执照', '征信报告'], [report]).map((d) => [d.document, d.blocksSubmission]), [['征信报告', true], ['营业执照', false]]);
  t.deepEqual(effectiveDocuments([], []), []);
});

test('every saved requirement is kept as saved and every name appears exactly once', (t) => {
  const name = fc.constantFrom('征信报告', '银行流水', '营业执照', '法人身份证', '房产证', ' 征信报告 ');
  fc.assert(fc.property(fc.array(name, { maxLength: 8 }), fc.uniqueArray(name.map((n) => n.trim()), { maxLength: 5 }), fc.boolean(), (names, savedNames, blocks) => {
    const saved = savedNames.map((document) => ({ document, validity: { kind: 'none' as const }, blocksSubmission: blocks }));
    const out = effectiveDocuments(names, saved);
    t.deepEqual(out.slice(0, saved.length), saved);
    const all = out.map((d) => d.document.trim());
    t.is(new Set(all).size, all.length);
    for (const n of names) t.true(all.includes(n.trim()));
    for (const d of out.slice(saved.length)) t.false(d.blocksSubmission);
  }));
});
