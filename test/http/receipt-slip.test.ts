// A receipt's bank slip (银行回单): a file of subject type 'receipt', kind bank_slip, attached while the receipt
// is a draft by whoever may record it, read by whoever sees the order, refused once submitted, hidden from
// another firm. A second slip replaces the first (a retried upload leaves one current slip).
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { backends } from '../support/database.js';
import { testCrm } from '../support/crm.js';
import { serve, type TestServer } from '../support/http.js';
import { aFirm } from '../support/tenant.js';
import { PNG_1X1 } from '../core/files/samples.js';
import { TickingClock, aFinanceFirm, aReceipt, anOrderWithPlan } from '../adapters/collections/builders.js';

for (const backend of backends()) {
  let crm: Crm;
  let api: TestServer;
  test.before(async () => {
    crm = await testCrm(backend, { clock: new TickingClock() });
    api = await serve(crm);
  });
  test.after.always(async () => {
    await api?.close();
    await crm?.close();
  });

  const slip = (token: string, receiptId: string) =>
    api.call('POST', `/api/v1/files?${new URLSearchParams({ subjectType: 'receipt', subjectId: receiptId, kind: 'bank_slip', fileName: '回单.png' })}`, {
      token, raw: PNG_1X1, headers: { 'content-type': 'image/png' },
    });

  test.serial(`[${backend}] a draft receipt carries its bank slip; submitted, it is kept as it is`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 1_000_000);
    const created = await api.call('POST', '/api/v1/receipts', { token: f.sales.token, body: aReceipt(order.id, 500_000), headers: { 'Idempotency-Key': 'slip-1' } });
    t.is(created.status, 201);
    const id = created.body.id as string;

    const first = await slip(f.sales.token, id);
    t.deepEqual([first.status, first.body.kind, first.body.contentType], [201, 'bank_slip', 'image/png']);
    const second = await slip(f.sales.token, id);
    t.is(second.status, 201);
    const listed = await api.call('GET', `/api/v1/files?subjectType=receipt&subjectId=${id}`, { token: f.finance.token });
    t.deepEqual(listed.body.items.map((x: { id: string }) => x.id), [second.body.id], 'finance reads it; the second replaced the first');

    const stranger = await aFirm(crm);
    t.is((await api.call('GET', `/api/v1/files?subjectType=receipt&subjectId=${id}`, { token: stranger.adminToken })).body.code, 'receipt.not_found');
    t.is((await slip(stranger.adminToken, id)).body.code, 'receipt.not_found');

    t.is((await api.call('POST', `/api/v1/receipts/${id}/submit`, { token: f.sales.token, body: {} })).status, 200);
    const late = await slip(f.sales.token, id);
    t.deepEqual([late.status, late.body.code], [422, 'receipt.not_editable']);
  });
}
