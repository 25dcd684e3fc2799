// The approval-subject hooks against the database: onSubmitted runs once, in the submitting transaction (a
// retry does not run it again; its failure leaves no instance), and onOutcome in the deciding one.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aCast, code, harness, type Cast, type Harness } from './harness.js';

/** A json column as stored: parsed already by the driver, or its text. */
const json = (v: unknown): Record<string, unknown> => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;

const financeNode = { key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' } as const;

for (const backend of backends()) {
  let crm: Crm;
  let h: Harness;
  let c: Cast;
  test.before(async () => {
    crm = await testCrm(backend);
    h = harness(crm);
    c = await aCast(crm);
    await c.receiptFlow([financeNode]);
  });
  test.after.always(async () => {
    await crm?.close();
  });
  const rows = (subjectType: string, receiptId: string) =>
    crm.database.knex('activities').where({ tenant_id: c.firm.tenantId, subject_type: subjectType, subject_id: receiptId }).select('data');

  test.serial(`[${backend}] onSubmitted runs once, in the submitting transaction, with the stored instance; a retried submission does not run it again`, async (t) => {
    const receiptId = h.receipts.add(c.sales.actor);
    const first = await h.approvals.submit(c.sales.actor, { businessType: 'receipt', businessId: receiptId, requestId: `hooks-${receiptId}` });
    const retry = await h.approvals.submit(c.sales.actor, { businessType: 'receipt', businessId: receiptId, requestId: `hooks-${receiptId}` });
    t.deepEqual([retry.id, retry.replayed], [first.id, true]);
    t.deepEqual(h.receipts.submitted.filter((s) => s.businessId === receiptId), [{ businessId: receiptId, instanceId: first.id }]);
    const written = await rows('receipt_submitted', receiptId);
    t.is(written.length, 1);
    t.is(json(written[0].data).instanceId, first.id);
  });

  test.serial(`[${backend}] a failing onSubmitted takes the submission with it: no instance, none of the hook's writes`, async (t) => {
    const receiptId = h.receipts.add(c.sales.actor);
    h.receipts.failSubmitted = true;
    try {
      await t.throwsAsync(h.approvals.submit(c.sales.actor, { businessType: 'receipt', businessId: receiptId }), { message: 'receipt could not be submitted' });
    } finally {
      h.receipts.failSubmitted = false;
    }
    t.is(h.receipts.submitted.filter((s) => s.businessId === receiptId).length, 1);
    t.deepEqual(await h.approvals.listForBusiness(c.sales.actor, 'receipt', receiptId), []);
    t.deepEqual(await rows('receipt_submitted', receiptId), []);
    // Submitted again it goes through: nothing was left half-done.
    t.is((await h.approvals.submit(c.sales.actor, { businessType: 'receipt', businessId: receiptId })).status, 'pending');
  });

  test.serial(`[${backend}] a submission the engine refuses never reaches onSubmitted`, async (t) => {
    const receiptId = h.receipts.add(c.sales.actor);
    await h.approvals.submit(c.sales.actor, { businessType: 'receipt', businessId: receiptId });
    t.is(await code(h.approvals.submit(c.sales.actor, { businessType: 'receipt', businessId: receiptId })), 'approval.already_pending');
    t.is(h.receipts.submitted.filter((s) => s.businessId === receiptId).length, 1);
    t.is((await rows('receipt_submitted', receiptId)).length, 1);
  });

  test.serial(`[${backend}] onOutcome runs in the deciding transaction: its writes commit with the decision`, async (t) => {
    const inst = await h.approvals.submit(c.sales.actor, { businessType: 'receipt', businessId: h.receipts.add(c.sales.actor) });
    const taskId = (await h.approvals.myPendingTasks(c.fin.actor, { limit: 200 })).items.find((x) => x.instanceId === inst.id)?.taskId as string;
    const decided = await h.approvals.decide(c.fin.actor, inst.id, { taskId, decision: 'approve' });
    t.is(decided.status, 'approved');
    const outcome = await rows('receipt_outcome', inst.businessId);
    t.is(outcome.length, 1);
    t.is(json(outcome[0].data).instanceId, inst.id);
  });
}
