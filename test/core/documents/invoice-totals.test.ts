import test from 'ava';
import fc from 'fast-check';
import { checkInvoiceDocument, invoiceTotals } from '../../../core/documents/invoice-totals.js';
import type { InvoiceDocument, InvoiceLine } from '../../../core/documents/types.js';
import { DomainError } from '../../../core/shared/domain-error.js';

const line = (amountFen: number, taxFen: number, taxRate = '6'): InvoiceLine => ({ name: '*经纪代理服务*服务费', amountFen, taxFen, taxRate });

function anInvoice(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    kind: 'ordinary',
    number: '25442000000123456789',
    issueDate: '2025-03-08',
    buyer: { name: '买方', taxId: '91320505MA1X2Y3Z4Q' },
    seller: { name: '卖方', taxId: '91320594MA20ABCD1K' },
    lines: [line(943_396, 56_604)],
    drawer: '张犇',
    ...overrides,
  };
}

test('合计 adds the amounts and the taxes, and 价税合计 adds the two', (t) => {
  t.deepEqual(invoiceTotals([line(943_396, 56_604), line(94_340, 5_660)]), { amountFen: 1_037_736, taxFen: 62_264, totalFen: 1_100_000 });
});

test('价税合计 is always 合计金额 plus 合计税额', (t) => {
  t.notThrows(() =>
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e8, max: 1e8 })), { maxLength: 20 }), (pairs) => {
        const totals = invoiceTotals(pairs.map(([a, tax]) => line(a, tax)));
        return totals.totalFen === totals.amountFen + totals.taxFen && totals.amountFen === pairs.reduce((s, [a]) => s + a, 0);
      }),
    ),
  );
});

const refusals: [string, Partial<InvoiceDocument>, string][] = [
  ['an invoice without lines', { lines: [] }, 'no_lines'],
  ['a red-letter invoice that does not total below zero', { redLetter: { originalNumber: '1' } }, 'red_letter_not_negative'],
  ['a blue invoice that totals below zero', { lines: [line(-100, -6)] }, 'blue_invoice_negative'],
  ['tax on an exempt line', { lines: [line(10_000, 600, 'exempt')] }, 'tax_on_exempt_line'],
];
for (const [what, overrides, reason] of refusals) {
  test(`refuses ${what}`, (t) => {
    const error = t.throws(() => checkInvoiceDocument(anInvoice(overrides)), { instanceOf: DomainError });
    t.is(error?.code, 'document.invalid_invoice');
    t.is(error?.details.reason, reason);
  });
}

test('accepts a red-letter invoice with negative amounts and a blue invoice with a discount line', (t) => {
  t.is(checkInvoiceDocument(anInvoice({ redLetter: { originalNumber: '1' }, lines: [line(-943_396, -56_604)] })).totalFen, -1_000_000);
  t.is(checkInvoiceDocument(anInvoice({ lines: [line(100_000, 6_000), line(-10_000, -600)] })).totalFen, 95_400);
});
