// The invoice's states as a table: every state × event, the guards (cap, blue only), and the table's own checks.
import test from 'ava';
import { eventsFrom, fire, toMermaid, validateMachine } from '../../../core/shared/state-machine.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { INVOICE_EVENTS, INVOICE_MACHINE, invoiceStateLabel, wasIssued, type InvoiceEvent, type InvoiceMachineContext } from '../../../core/invoices/invoice-machine.js';
import { INVOICE_STATES, type InvoiceState } from '../../../core/invoices/types.js';

const blue: InvoiceMachineContext = { direction: 'blue', totalFen: 100_00, invoiceableFen: 100_00 };

// Every state and event: the target, or null when the table refuses it.
const expected: Record<InvoiceState, Partial<Record<InvoiceEvent, InvoiceState>>> = {
  draft: { submit: 'pending', cancel: 'cancelled' },
  pending: { approve: 'issued', reject: 'draft', withdraw: 'draft' },
  issued: { reverse_partially: 'partially_reversed', reverse_fully: 'reversed' },
  partially_reversed: { reverse_partially: 'partially_reversed', reverse_fully: 'reversed' },
  reversed: {},
  cancelled: {},
};

test('the invoice machine is a valid table: every state reachable, 已红冲 and 已作废 final', (t) => {
  t.deepEqual(validateMachine(INVOICE_MACHINE), []);
  t.deepEqual([...INVOICE_MACHINE.states], [...INVOICE_STATES]);
  t.deepEqual([...INVOICE_MACHINE.final], ['reversed', 'cancelled']);
});

for (const state of INVOICE_STATES) {
  for (const event of INVOICE_EVENTS) {
    const to = expected[state][event] ?? null;
    test(`${state} + ${event} → ${to ?? 'refused'}`, (t) => {
      const r = fire(INVOICE_MACHINE, state, event, blue, undefined);
      if (to === null) {
        t.true(r instanceof DomainError);
        t.is((r as DomainError).code, 'invoice.transition_not_allowed');
        t.is((r as DomainError).text.zh.includes(invoiceStateLabel(state)), true);
      } else {
        t.deepEqual(r, { from: state, to, event });
      }
    });
  }
}

test('events offered from each state are exactly the table\'s', (t) => {
  for (const state of INVOICE_STATES) t.deepEqual(eventsFrom(INVOICE_MACHINE, state).sort(), Object.keys(expected[state]).sort(), state);
});

test('approving a blue invoice beyond what the order may still be invoiced for is refused by the cap guard', (t) => {
  const r = fire(INVOICE_MACHINE, 'pending', 'approve', { direction: 'blue', totalFen: 100_01, invoiceableFen: 100_00 }, undefined);
  t.true(r instanceof DomainError);
  t.is((r as DomainError).code, 'invoice.guard_failed');
  t.deepEqual(((r as DomainError).details.unmet as { code: string }[]).map((u) => u.code), ['invoice.exceeds_invoiceable']);
  t.deepEqual(fire(INVOICE_MACHINE, 'pending', 'approve', { direction: 'blue', totalFen: 100_00, invoiceableFen: 100_00 }, undefined), { from: 'pending', to: 'issued', event: 'approve' });
});

test('a red-letter invoice is issued whatever the cap, and can never itself be reversed', (t) => {
  const red: InvoiceMachineContext = { direction: 'red', totalFen: -50_00, invoiceableFen: -1 };
  t.deepEqual(fire(INVOICE_MACHINE, 'pending', 'approve', red, undefined), { from: 'pending', to: 'issued', event: 'approve' });
  const r = fire(INVOICE_MACHINE, 'issued', 'reverse_partially', red, undefined) as DomainError;
  t.is(r.code, 'invoice.guard_failed');
  t.deepEqual((r.details.unmet as { code: string }[]).map((u) => u.code), ['invoice.red_letter_final']);
});

test('an invoice counts as issued in 已开具, 部分红冲 and 已红冲 only', (t) => {
  t.deepEqual(INVOICE_STATES.filter(wasIssued), ['issued', 'partially_reversed', 'reversed']);
});

test('the diagram names every state in Chinese', (t) => {
  const m = toMermaid(INVOICE_MACHINE);
  for (const label of ['草稿', '待审批', '已开具', '部分红冲', '已红冲', '已作废']) t.true(m.includes(label), label);
});
