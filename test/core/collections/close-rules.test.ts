import test from 'ava';
import { closeNotReady, closeProblems } from '../../../core/collections/close-rules.js';

const facts = { receivableFen: 20_000_000, receivedFen: 20_000_000, invoicedFen: 0, invoiceWantedFen: 5_000_000, requireInvoiced: false };

test('an order may be closed once everything receivable is received', (t) => {
  t.deepEqual(closeProblems(facts), []);
  t.deepEqual(closeProblems({ ...facts, receivedFen: 19_999_999 }).map((u) => u.code), ['fully_collected']);
  t.regex(closeProblems({ ...facts, receivedFen: 19_000_000 })[0]?.zh ?? '', /¥10,000\.00/);
  t.deepEqual(closeProblems({ ...facts, receivableFen: 0, receivedFen: 0 }).map((u) => u.code), ['no_receivable']);
});

test('by tenant rule the close also needs every invoice asked for on received money', (t) => {
  t.deepEqual(closeProblems({ ...facts, requireInvoiced: true }).map((u) => u.code), ['fully_invoiced']);
  t.deepEqual(closeProblems({ ...facts, requireInvoiced: true, invoicedFen: 5_000_000 }), []);
  const e = closeNotReady('o1', closeProblems({ ...facts, receivedFen: 0, requireInvoiced: true, invoiceWantedFen: 1 }));
  t.is(e.code, 'collection.close_not_ready');
  t.deepEqual((e.details.unmet as { code: string }[]).map((u) => u.code), ['fully_collected', 'fully_invoiced']);
});
