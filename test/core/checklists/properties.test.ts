// Invariants of the checklist over random documents, files and dates.
import test from 'ava';
import fc from 'fast-check';
import {
  DOCUMENT_STATES, blockingDocuments, documentStatus, submissionProblem, type CollectedDocument, type DocumentRequirement, type DocumentState,
  type DocumentValidity, type OrderChecklist,
} from '../../../core/checklists/index.js';
import { addDaysToLocalDate } from '../../../core/shared/zoned-time.js';

const START = '2026-01-01';
const arbDate = fc.integer({ min: 0, max: 900 }).map((d) => addDaysToLocalDate(START, d));

const arbValidity: fc.Arbitrary<DocumentValidity> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.integer({ min: 1, max: 120 }).map((days) => ({ kind: 'days_from_document_date' as const, days })),
  fc.record({ months: fc.integer({ min: 1, max: 12 }), endWithinDays: fc.integer({ min: 0, max: 60 }) }).map((v) => ({ kind: 'covers_last_months' as const, ...v })),
  fc.constant({ kind: 'until_expiry_date' as const }),
);

const arbRequirement: fc.Arbitrary<DocumentRequirement> = fc.record({ document: fc.constantFrom('征信报告', '银行流水'), validity: arbValidity, blocksSubmission: fc.boolean() });

const arbFile: fc.Arbitrary<CollectedDocument> = fc.record({
  fileId: fc.uuid(),
  document: fc.constantFrom('征信报告', '银行流水'),
  documentDate: fc.option(arbDate, { nil: null }),
  coversFrom: fc.option(arbDate, { nil: null }),
  coversTo: fc.option(arbDate, { nil: null }),
  expiresOn: fc.option(arbDate, { nil: null }),
  longTerm: fc.boolean(),
});

const RANK: Readonly<Record<DocumentState, number>> = { missing: 0, expired: 0, expiring: 1, collected: 2 };
const arbWindow = fc.integer({ min: 0, max: 30 });

test('property: a document is in exactly one state, and its file lists agree with it', (t) => {
  t.notThrows(() => fc.assert(fc.property(arbRequirement, fc.array(arbFile, { maxLength: 6 }), arbDate, arbWindow, (r, files, on, window) => {
    const s = documentStatus(r, files, on, window);
    const inOne = DOCUMENT_STATES.filter((x) => x === s.state).length === 1;
    const relevant = files.filter((f) => f.document === r.document).length;
    const accounted = s.satisfiedBy.length + s.expiredFiles.length + s.unusableFiles.length === relevant;
    const agrees = {
      collected: s.satisfiedBy.length > 0,
      expiring: s.satisfiedBy.length > 0 && s.validThrough !== null && s.validThrough >= on,
      expired: s.satisfiedBy.length === 0 && s.expiredFiles.length > 0 && s.validThrough !== null && s.validThrough < on,
      missing: s.satisfiedBy.length === 0 && s.expiredFiles.length === 0 && s.validThrough === null,
    }[s.state];
    return inOne && accounted && agrees;
  })));
});

test('property: adding a file never makes a document\'s state worse, nor its last good day earlier', (t) => {
  t.notThrows(() => fc.assert(fc.property(arbRequirement, fc.array(arbFile, { maxLength: 5 }), arbFile, arbDate, arbWindow, (r, files, extra, on, window) => {
    const before = documentStatus(r, files, on, window);
    const after = documentStatus(r, [...files, extra], on, window);
    if (RANK[after.state] < RANK[before.state]) return false;
    const good = (s: typeof before): boolean => s.state === 'collected' || s.state === 'expiring';
    if (good(before) && before.validThrough === null) return after.validThrough === null;
    if (good(before) && before.validThrough !== null) return after.validThrough === null || after.validThrough >= before.validThrough;
    return true;
  })));
});

test('property: a file good today makes the document collected or expiring', (t) => {
  t.notThrows(() => fc.assert(fc.property(arbRequirement, fc.array(arbFile, { maxLength: 5 }), arbDate, arbWindow, fc.uuid(), (r, files, on, window, id) => {
    const fresh: CollectedDocument = { fileId: String(id), document: r.document, documentDate: on, coversFrom: '2000-01-01', coversTo: on, expiresOn: addDaysToLocalDate(on, 365), longTerm: false };
    return RANK[documentStatus(r, [...files, fresh], on, window).state] >= 1;
  })));
});

test('property: with time passing and the same files, a document\'s state never gets better', (t) => {
  t.notThrows(() => fc.assert(fc.property(arbRequirement, fc.array(arbFile, { maxLength: 5 }), arbDate, fc.integer({ min: 0, max: 400 }), arbWindow, (r, files, on, later, window) => {
    const now = documentStatus(r, files, on, window);
    const then = documentStatus(r, files, addDaysToLocalDate(on, later), window);
    return RANK[then.state] <= RANK[now.state];
  })));
});

test('property: submitting is refused exactly when a blocking document is missing or expired', (t) => {
  t.notThrows(() => fc.assert(fc.property(fc.uniqueArray(arbRequirement, { selector: (r) => r.document, maxLength: 2 }), fc.array(arbFile, { maxLength: 5 }), arbDate, (reqs, files, on) => {
    const checklist: OrderChecklist = { asOfDate: on, expiringWithinDays: 7, products: [{ productId: 'p', documents: reqs.map((r) => documentStatus(r, files, on, 7)) }] };
    const stops = checklist.products[0]?.documents.filter((d) => d.blocksSubmission && (d.state === 'missing' || d.state === 'expired')) ?? [];
    const problem = submissionProblem(checklist, 'p');
    return (problem === null) === (stops.length === 0) && blockingDocuments(checklist, 'p').length === stops.length;
  })));
});
