// The cap on an order's invoiced total, and (property) that no sequence of requests, issues and red-letter
// reversals ever invoices more than was received, while a reversal gives its amount back.
import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { invoiceableAmounts, invoiceCap, issuableFen, requestProblem } from '../../../core/invoices/invoiceable.js';
import { fire } from '../../../core/shared/state-machine.js';
import { INVOICE_MACHINE } from '../../../core/invoices/invoice-machine.js';
import { planRedLetter, reversalsByLine } from '../../../core/invoices/red-letter.js';
import { separateLine } from '../../../core/invoices/invoice-lines.js';
import { invoiceTotals } from '../../../core/invoices/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import type { InvoiceLineRecord, InvoiceState } from '../../../core/invoices/types.js';

function holds(t: ExecutionContext, property: fc.IProperty<any>, numRuns = 500): void {
  const run = fc.check(property, { numRuns });
  t.false(run.failed, fc.defaultReportMessage(run) ?? '');
}

const capTable: readonly (readonly ['received' | 'contract', number, number | null, number])[] = [
  ['received', 500_00, 1_000_00, 500_00],
  ['contract', 500_00, 1_000_00, 1_000_00],
  ['contract', 500_00, null, 0], // no confirmed contract: nothing to invoice under the contract rule
  ['received', 0, 1_000_00, 0],
];
for (const [basis, received, contract, cap] of capTable) {
  test(`cap by ${basis} with received ${received} and contract ${contract} is ${cap}`, (t) => {
    t.is(invoiceCap(basis, { receivedFen: received, contractFen: contract }), cap);
  });
}

test('可开票 is the cap less invoiced (net of red letters) and requested, never below zero', (t) => {
  t.deepEqual(invoiceableAmounts('received', { receivedFen: 1_000_00, contractFen: null, issuedNetFen: 300_00, reservedFen: 200_00 }), {
    capBasis: 'received', capFen: 1_000_00, invoicedFen: 300_00, reservedFen: 200_00, invoiceableFen: 500_00,
  });
  t.is(invoiceableAmounts('received', { receivedFen: 100_00, contractFen: null, issuedNetFen: 300_00, reservedFen: 0 }).invoiceableFen, 0);
  t.is(issuableFen('received', { receivedFen: 1_000_00, contractFen: null, issuedNetFen: 300_00, reservedFen: 200_00 }), 700_00);
});

test('a request beyond 可开票 is invoice.exceeds_invoiceable naming the figures; up to it is fine', (t) => {
  const amounts = invoiceableAmounts('received', { receivedFen: 1_000_00, contractFen: null, issuedNetFen: 300_00, reservedFen: 200_00 });
  t.is(requestProblem(500_00, amounts), null);
  const e = requestProblem(500_01, amounts) as DomainError;
  t.is(e.code, 'invoice.exceeds_invoiceable');
  t.is(e.kind, 'rule');
  t.is(e.text.zh, '开票金额 ¥500.01 超过可开票金额 ¥500.00（已回款 ¥1,000.00，已开票 ¥300.00，申请中 ¥200.00）');
});

// A model of one order driven only by the pure rules the use cases apply.
interface ModelInvoice { total: number; lines: InvoiceLineRecord[]; state: InvoiceState; red: boolean; originalIndex: number | null }
type Op =
  | { op: 'receive'; amount: number }
  | { op: 'request'; amount: number }
  | { op: 'issue'; pick: number }
  | { op: 'reverse'; pick: number; amount: number | null }
  | { op: 'cancel'; pick: number };

const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('receive' as const), amount: fc.integer({ min: 1, max: 100_000_00 }) }),
  fc.record({ op: fc.constant('request' as const), amount: fc.integer({ min: 1, max: 60_000_00 }) }),
  fc.record({ op: fc.constant('issue' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat(), amount: fc.option(fc.integer({ min: 1, max: 60_000_00 })) }),
  fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }),
);

test('property: invoiced never exceeds received under any sequence of requests, issues and red-letter reversals; a reversal restores 可开票', (t) => {
  holds(t, fc.property(fc.array(ops, { maxLength: 40 }), (sequence) => {
    let received = 0;
    const invoices: ModelInvoice[] = [];
    const issuedNet = (): number => invoices.filter((i) => !['draft', 'pending', 'cancelled'].includes(i.state)).reduce((s, i) => s + i.total, 0);
    const reserved = (): number => invoices.filter((i) => !i.red && (i.state === 'draft' || i.state === 'pending')).reduce((s, i) => s + i.total, 0);
    const facts = () => ({ receivedFen: received, contractFen: null, issuedNetFen: issuedNet(), reservedFen: reserved() });
    for (const step of sequence) {
      if (step.op === 'receive') received += step.amount;
      if (step.op === 'request' && requestProblem(step.amount, invoiceableAmounts('received', facts())) === null) {
        invoices.push({ total: step.amount, lines: [separateLine(1, 's', null, step.amount, '6')], state: 'pending', red: false, originalIndex: null });
      }
      if (step.op === 'cancel') {
        const drafts = invoices.filter((i) => i.state === 'pending');
        const inv = drafts[step.pick % Math.max(drafts.length, 1)];
        if (inv) inv.state = 'cancelled'; // withdrawn and given up
      }
      if (step.op === 'issue') {
        const pending = invoices.filter((i) => i.state === 'pending');
        const inv = pending[step.pick % Math.max(pending.length, 1)];
        if (inv) {
          const r = fire(INVOICE_MACHINE, 'pending', 'approve', { direction: inv.red ? 'red' : 'blue', totalFen: inv.total, invoiceableFen: issuableFen('received', facts()) }, undefined);
          if (!(r instanceof DomainError)) inv.state = r.to;
        }
      }
      if (step.op === 'reverse') {
        const issued = invoices.map((inv, idx) => ({ inv, idx })).filter(({ inv }) => !inv.red && (inv.state === 'issued' || inv.state === 'partially_reversed'));
        const pick = issued[step.pick % Math.max(issued.length, 1)];
        if (pick) {
          const reds = invoices.filter((i) => i.red && i.originalIndex === pick.idx && i.state !== 'cancelled');
          const left = pick.inv.total + reds.reduce((s, r) => s + r.total, 0);
          if (left > 0) {
            const before = invoiceableAmounts('received', facts()).invoiceableFen;
            const lines = planRedLetter(pick.inv.lines, reversalsByLine(reds.flatMap((r) => r.lines)), step.amount === null ? undefined : [{ lineNo: 1, totalFen: Math.min(step.amount, left) }]);
            const total = invoiceTotals(lines).totalFen;
            invoices.push({ total, lines, state: 'issued', red: true, originalIndex: pick.idx });
            pick.inv.state = -total === left ? 'reversed' : 'partially_reversed';
            const after = invoiceableAmounts('received', facts());
            // What the red letter took off is invoiceable again (up to what was received).
            if (after.capFen - after.invoicedFen - after.reservedFen !== before - total && before > 0) return false;
          }
        }
      }
      if (issuedNet() > received) return false;
    }
    return true;
  }));
});
