import test from 'ava';
import { isDomainError, type DomainError } from '../../../core/shared/domain-error.js';
import { eventsFrom, validateMachine } from '../../../core/shared/state-machine.js';
import { RECEIPT_MACHINE, allocationDelta, fireReceipt, outcomeEvent, type ReceiptEvent } from '../../../core/collections/receipt-machine.js';
import type { ReceiptState } from '../../../core/collections/types.js';

test('the receipt machine is a valid table: every state reachable, 已驳回 and 已冲销 final', (t) => {
  t.deepEqual(validateMachine(RECEIPT_MACHINE), []);
  t.deepEqual(eventsFrom(RECEIPT_MACHINE, 'rejected'), []);
  t.deepEqual(eventsFrom(RECEIPT_MACHINE, 'reversed'), []);
});

test('the receipt moves of the table, and what is refused (an approved receipt is reversed, never rejected or resubmitted)', (t) => {
  const allowed: [ReceiptState, ReceiptEvent, ReceiptState][] = [
    ['draft', 'submit', 'pending'], ['pending', 'approve', 'approved'], ['pending', 'reject', 'rejected'], ['pending', 'withdraw', 'draft'],
    ['approved', 'request_reversal', 'reversing'], ['reversing', 'approve_reversal', 'reversed'], ['reversing', 'reject_reversal', 'approved'],
    ['reversing', 'withdraw_reversal', 'approved'],
  ];
  for (const [from, e, to] of allowed) t.is((fireReceipt(from, e) as { to: string }).to, to, `${from} ${e}`);
  const refused: [ReceiptState, ReceiptEvent][] = [['approved', 'reject'], ['approved', 'submit'], ['draft', 'approve'], ['rejected', 'submit'], ['reversed', 'request_reversal']];
  for (const [from, e] of refused) {
    const r = fireReceipt(from, e);
    t.true(isDomainError(r));
    t.is((r as DomainError).code, 'receipt.transition_not_allowed');
  }
  t.regex((fireReceipt('approved', 'reject') as DomainError).text.zh, /已确认/);
});

test('money on the instalments follows the state: reserved while alive, collected while approved', (t) => {
  t.deepEqual(allocationDelta(null, 'draft'), { reserved: 1, collected: 0 });
  t.deepEqual(allocationDelta('pending', 'approved'), { reserved: 0, collected: 1 });
  t.deepEqual(allocationDelta('pending', 'rejected'), { reserved: -1, collected: 0 });
  t.deepEqual(allocationDelta('approved', 'reversing'), { reserved: 0, collected: 0 });
  t.deepEqual(allocationDelta('reversing', 'reversed'), { reserved: -1, collected: -1 });
  t.deepEqual(allocationDelta('draft', null), { reserved: -1, collected: 0 });
});

test('an approval outcome fires a confirmation while pending and a reversal while reversing', (t) => {
  t.is(outcomeEvent('pending', 'approved'), 'approve');
  t.is(outcomeEvent('pending', 'rejected'), 'reject');
  t.is(outcomeEvent('pending', 'withdrawn'), 'withdraw');
  t.is(outcomeEvent('reversing', 'approved'), 'approve_reversal');
  t.is(outcomeEvent('reversing', 'rejected'), 'reject_reversal');
  t.is(outcomeEvent('reversing', 'withdrawn'), 'withdraw_reversal');
  t.is(outcomeEvent('approved', 'approved'), null);
});
