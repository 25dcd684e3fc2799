// One invoice-totals function: what a request stores, what red-letter sums reverse and what the PDF prints
// are the same sums of the same lines.
import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { buildBlueLines, buildInvoiceDocument, invoiceTotals, planRedLetter } from '../../../core/invoices/index.js';
import { checkInvoiceDocument } from '../../../core/documents/index.js';
import { anInvoice } from './builders.js';

function holds(t: ExecutionContext, property: fc.IProperty<any>, numRuns = 500): void {
  const run = fc.check(property, { numRuns });
  t.false(run.failed, fc.defaultReportMessage(run) ?? '');
}

const rate = fc.constantFrom('0', '1', '3', '5', '6', '9', '13');
const requests = fc.array(fc.record({ totalFen: fc.integer({ min: 1, max: 10 ** 11 }), taxRate: rate }), { minLength: 1, maxLength: 20 });
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

test('property: the totals are the sums of the lines\' 金额, 税额 and 价税合计, whatever their order', (t) => {
  holds(t, fc.property(requests, fc.integer(), (inputs, seed) => {
    const { lines } = buildBlueLines(inputs, { rate: '6', serviceName: '*经纪代理服务*服务费' });
    const totals = invoiceTotals(lines);
    const shuffled = [...lines].sort((a, b) => ((a.lineNo * 7919 + seed) % 97) - ((b.lineNo * 7919 + seed) % 97));
    return totals.amountFen === sum(lines.map((l) => l.amountFen))
      && totals.taxFen === sum(lines.map((l) => l.taxFen))
      && totals.totalFen === sum(lines.map((l) => l.totalFen))
      && totals.totalFen === sum(inputs.map((i) => i.totalFen))
      && totals.amountFen + totals.taxFen === totals.totalFen
      && JSON.stringify(invoiceTotals(shuffled)) === JSON.stringify(totals);
  }));
});

test('property: the totals of two sets of lines add up to the totals of both, and no lines total zero', (t) => {
  t.deepEqual(invoiceTotals([]), { amountFen: 0, taxFen: 0, totalFen: 0 });
  holds(t, fc.property(requests, requests, (a, b) => {
    const lines = (inputs: typeof a) => buildBlueLines(inputs, { rate: '6', serviceName: 's' }).lines;
    const [ta, tb, both] = [invoiceTotals(lines(a)), invoiceTotals(lines(b)), invoiceTotals([...lines(a), ...lines(b)])];
    return both.amountFen === ta.amountFen + tb.amountFen && both.taxFen === ta.taxFen + tb.taxFen && both.totalFen === ta.totalFen + tb.totalFen;
  }));
});

test('property: the PDF prints the totals the invoice stores, and a full red-letter reversal nets to zero', (t) => {
  holds(t, fc.property(requests, (inputs) => {
    const { lines } = buildBlueLines(inputs, { rate: '6', serviceName: '*经纪代理服务*服务费' });
    const invoice = anInvoice({ lines, ...invoiceTotals(lines) });
    const printed = checkInvoiceDocument(buildInvoiceDocument(invoice, null));
    const reversal = planRedLetter(lines, new Map(), undefined); // everything left: a full reversal
    const net = invoiceTotals([...lines, ...reversal]);
    return printed.amountFen === invoice.amountFen && printed.taxFen === invoice.taxFen && printed.totalFen === invoice.totalFen
      && net.amountFen === 0 && net.taxFen === 0 && net.totalFen === 0;
  }));
});

test('a sum beyond the safe integers of fen is a bug, never a wrong figure', (t) => {
  t.throws(() => invoiceTotals([{ amountFen: Number.MAX_SAFE_INTEGER, taxFen: 1 }]), { message: /safe integers/ });
});
