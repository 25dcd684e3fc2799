// 发票号码: the year and an 8-digit sequence.
import test from 'ava';
import { formatInvoiceNumber, numberingYear, parseInvoiceNumber } from '../../../core/invoices/invoice-number.js';

test('the nth invoice of a year is yyyy followed by n in 8 digits', (t) => {
  t.is(formatInvoiceNumber(2026, 1), '202600000001');
  t.is(formatInvoiceNumber(2027, 12_345_678), '202712345678');
  t.deepEqual(parseInvoiceNumber('202600000042'), { year: 2026, sequence: 42 });
});

test('numbers outside the format are not parsed, and out-of-range sequences are bugs', (t) => {
  for (const bad of ['202600000000', '2026000001', 'ABCD00000001', '2026000000011']) t.is(parseInvoiceNumber(bad), null, bad);
  t.throws(() => formatInvoiceNumber(2026, 0));
  t.throws(() => formatInvoiceNumber(2026, 100_000_000));
  t.throws(() => formatInvoiceNumber(26, 1));
});

test('an invoice numbers in the year of its issue date in the firm\'s calendar', (t) => {
  t.is(numberingYear('2026-12-31'), 2026);
  t.is(numberingYear('2027-01-01'), 2027);
  t.throws(() => numberingYear('31/12/2026'));
});
