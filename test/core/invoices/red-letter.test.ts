// 红字发票: full and partial reversal of an issued invoice's lines; the last step nets each line to zero.
import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { planRedLetter, remainingByLine, reversalsByLine } from '../../../core/invoices/red-letter.js';
import { invoiceTotals } from '../../../core/invoices/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import type { InvoiceLineRecord } from '../../../core/invoices/types.js';
import { aLine } from './builders.js';

function holds(t: ExecutionContext, property: fc.IProperty<any>, numRuns = 1_000): void {
  const run = fc.check(property, { numRuns });
  t.false(run.failed, fc.defaultReportMessage(run) ?? '');
}

const original = [aLine(1, 1_000_000), aLine(2, 50_000, '3', null)];

test('without lines, everything is reversed: negative copies with the negative quantity and the original unit price', (t) => {
  const red = planRedLetter(original, new Map(), undefined);
  t.deepEqual(red.map((l) => [l.lineNo, l.originalLineNo, l.quantity, l.unitPrice, l.amountFen, l.taxFen, l.totalFen, l.taxRate]), [
    [1, 1, '-1', '9433.96', -943_396, -56_604, -1_000_000, '6'],
    [2, 2, null, null, -48_544, -1_456, -50_000, '3'],
  ]);
});

test('a partial reversal splits the amount at the original\'s rate and prints no quantity', (t) => {
  const [l] = planRedLetter(original, new Map(), [{ lineNo: 1, totalFen: 300_000 }]);
  t.deepEqual(l && [l.lineNo, l.originalLineNo, l.quantity, l.unitPrice, l.amountFen, l.taxFen, l.totalFen], [1, 1, null, null, -283_019, -16_981, -300_000]);
});

test('the last reversal of a line takes off exactly the 金额 and 税额 still standing', (t) => {
  const first = planRedLetter(original, new Map(), [{ lineNo: 1, totalFen: 333_333 }]);
  const rest = planRedLetter(original, reversalsByLine(first), undefined);
  const line1 = [...first, ...rest].filter((l) => l.originalLineNo === 1);
  t.deepEqual(invoiceTotals([original[0] as InvoiceLineRecord, ...line1]), { amountFen: 0, taxFen: 0, totalFen: 0 });
  t.deepEqual(rest.map((l) => l.originalLineNo), [1, 2]);
});

test('reversing more than is left, an unknown or repeated line, or nothing at all is refused', (t) => {
  const e = t.throws(() => planRedLetter(original, new Map(), [{ lineNo: 1, totalFen: 1_000_001 }, { lineNo: 3, totalFen: 1 }, { lineNo: 2, totalFen: 1 }, { lineNo: 2, totalFen: 1 }]), { instanceOf: DomainError });
  t.deepEqual(e?.fieldErrors.map((f) => [f.path, f.code]), [
    ['/lines/0/totalFen', 'invoice.reversal_exceeds_line'], ['/lines/1/lineNo', 'invoice.no_such_line'], ['/lines/3/lineNo', 'duplicate'],
  ]);
  const all = planRedLetter(original, new Map(), undefined);
  t.is(t.throws(() => planRedLetter(original, reversalsByLine(all), undefined), { instanceOf: DomainError })?.code, 'invoice.nothing_to_reverse');
});

test('property: any sequence of partial reversals never takes off more than a line holds, and a final full reversal nets it to zero', (t) => {
  holds(t, fc.property(
    fc.integer({ min: 1, max: 10 ** 10 }), fc.constantFrom('1', '3', '6', '13'), fc.array(fc.integer({ min: 1, max: 10 ** 10 }), { maxLength: 6 }),
    (total, rate, steps) => {
      const orig = [aLine(1, total, rate)];
      let reds: InvoiceLineRecord[] = [];
      for (const step of steps) {
        const left = remainingByLine(orig, reversalsByLine(reds)).get(1) ?? 0;
        if (left === 0) break;
        reds = [...reds, ...planRedLetter(orig, reversalsByLine(reds), [{ lineNo: 1, totalFen: Math.min(step, left) }])];
        if (reds.some((r) => r.amountFen + r.taxFen !== r.totalFen || r.totalFen >= 0)) return false;
        if ((remainingByLine(orig, reversalsByLine(reds)).get(1) ?? -1) < 0) return false;
      }
      if ((remainingByLine(orig, reversalsByLine(reds)).get(1) ?? 0) > 0) reds = [...reds, ...planRedLetter(orig, reversalsByLine(reds), undefined)];
      const net = invoiceTotals([...orig, ...reds]);
      return net.amountFen === 0 && net.taxFen === 0 && net.totalFen === 0;
    },
  ));
});
