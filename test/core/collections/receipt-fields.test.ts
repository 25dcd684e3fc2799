import test from 'ava';
import { checkReceiptInput, normalizeReceiptInput, receiptFingerprint, type ReceiptInput } from '../../../core/collections/receipt-fields.js';
import { DEFAULT_COLLECTION_SETTINGS, checkCollectionSettings } from '../../../core/collections/settings.js';

const input = (o: Partial<ReceiptInput> = {}): ReceiptInput => ({
  orderId: 'o1', receivedOn: '2026-11-20', amountFen: 5_000_000, paymentMethod: '转账', payer: ' 盛博科技 ', type: '服务费', invoiceWanted: false, ...o,
});

test('a receipt needs a date not after today, a positive amount, dictionary values, a payer and an invoice type when an invoice is wanted', (t) => {
  t.deepEqual(checkReceiptInput(normalizeReceiptInput(input(), 'u1'), DEFAULT_COLLECTION_SETTINGS, '2026-11-26'), []);
  const bad = normalizeReceiptInput(input({ receivedOn: '2026-11-27', amountFen: 0, paymentMethod: '比特币', type: '押金', payer: ' ', invoiceWanted: true }), 'u1');
  t.deepEqual(checkReceiptInput(bad, DEFAULT_COLLECTION_SETTINGS, '2026-11-26').map((e) => `${e.path}:${e.code}`), [
    '/receivedOn:in_future', '/amountFen:not_positive', '/paymentMethod:not_in_dictionary', '/type:not_in_dictionary', '/payer:required', '/invoiceKind:required',
  ]);
  const retired = { ...DEFAULT_COLLECTION_SETTINGS, paymentMethods: [{ name: '转账', active: false }, { name: '现金', active: true }] };
  t.deepEqual(checkReceiptInput(normalizeReceiptInput(input(), 'u1'), retired, '2026-11-26').map((e) => e.path), ['/paymentMethod']);
});

test('normalising fills the receiving staff with the recorder, trims text and drops an invoice type nobody asked for', (t) => {
  const n = normalizeReceiptInput(input({ invoiceKind: 'special' }), 'u1');
  t.is(n.receivedBy, 'u1');
  t.is(n.payer, '盛博科技');
  t.is(n.invoiceKind, null);
  t.is(n.instalmentId, null);
});

test('the fingerprint is the same for the same request however its keys are ordered, and differs for another amount', (t) => {
  const a = normalizeReceiptInput(input(), 'u1');
  const b = normalizeReceiptInput({ type: '服务费', payer: '盛博科技', orderId: 'o1', amountFen: 5_000_000, receivedOn: '2026-11-20', paymentMethod: '转账', invoiceWanted: false }, 'u1');
  t.is(receiptFingerprint(a), receiptFingerprint(b));
  t.not(receiptFingerprint(a), receiptFingerprint({ ...a, amountFen: 1 }));
});

test('settings keep an active, distinct entry in each dictionary and a reminder of 0 to 60 days', (t) => {
  t.is(checkCollectionSettings(DEFAULT_COLLECTION_SETTINGS), null);
  const bad = checkCollectionSettings({ ...DEFAULT_COLLECTION_SETTINGS, paymentMethods: [{ name: '转账', active: false }], receiptTypes: [{ name: 'a', active: true }, { name: 'a', active: true }], reminderDaysBefore: 61 });
  t.deepEqual(bad?.fieldErrors.map((f) => `${f.path}:${f.code}`), ['/paymentMethods:required', '/receiptTypes/1/name:duplicate', '/reminderDaysBefore:out_of_range']);
});
