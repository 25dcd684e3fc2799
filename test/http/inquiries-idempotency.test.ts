// 新建咨询 and 新建跟进 under an Idempotency-Key (the console's offline queue resends them): the same key from the
// same person returns what the first request recorded, also when the requests run at the same time; another
// person's key is their own.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { backends } from '../support/database.js';
import { testCrm } from '../support/crm.js';
import { aFirm, aMobile } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';

const V = '/api/v1';
const inAWeek = (): string => new Date(Date.now() + 7 * 86_400_000).toISOString();
const anInquiry = (mobile: string): Record<string, unknown> => ({
  companyName: '盛博科技', mobile, contactName: '郑盛', gender: 'male', level: 'B',
  nextFollowUpAt: inAWeek(), source: '电销', propertyType: '按揭房', remark: '离线录入',
});

for (const backend of backends()) {
  let crm: Crm;
  let api: TestServer;
  test.before(async () => {
    crm = await testCrm(backend);
    api = await serve(crm);
  });
  test.after.always(async () => {
    await api?.close();
    await crm?.close();
  });

  async function twoSales(): Promise<{ sun: string; zhou: string }> {
    const firm = await aFirm(crm);
    const [sun, zhou] = await Promise.all([firm.person(['sales'], { name: '孙露露' }), firm.person(['sales'], { name: '周销售' })]);
    return { sun: sun.token, zhou: zhou.token };
  }
  const countByMobile = async (token: string, mobile: string): Promise<number> =>
    (await api.call('GET', `${V}/inquiries?withTotal=true&view=all&keyword=${mobile}`, { token })).body.total;

  test.serial(`[${backend}] a resent 新建咨询 returns the first record (201) instead of a second one or duplicate_mobile`, async (t) => {
    const { sun, zhou } = await twoSales();
    const mobile = aMobile();
    const first = await api.call('POST', `${V}/inquiries`, { token: sun, body: anInquiry(mobile), headers: { 'Idempotency-Key': 'form-1' } });
    const again = await api.call('POST', `${V}/inquiries`, { token: sun, body: anInquiry(mobile), headers: { 'Idempotency-Key': 'form-1' } });
    t.deepEqual([first.status, again.status, again.body.id, again.body.mobile, again.body.version], [201, 201, first.body.id, mobile, 1]);
    t.is(await countByMobile(sun, mobile), 1);
    const timeline = await api.call('GET', `${V}/inquiries/${first.body.id}/timeline`, { token: sun });
    t.deepEqual(timeline.body.items.map((e: { action: string }) => e.action), ['inquiry.created']);

    // Without the key, or with another key, the same mobile is a duplicate as before.
    const other = await api.call('POST', `${V}/inquiries`, { token: sun, body: anInquiry(mobile), headers: { 'Idempotency-Key': 'form-2' } });
    t.deepEqual([other.status, other.body.code], [409, 'inquiry.duplicate_mobile']);
    // Another person's key is theirs: 周销售's 'form-1' is a new request, refused as the duplicate it is.
    const zhouSame = await api.call('POST', `${V}/inquiries`, { token: zhou, body: anInquiry(mobile), headers: { 'Idempotency-Key': 'form-1' } });
    t.deepEqual([zhouSame.status, zhouSame.body.code], [409, 'inquiry.duplicate_mobile']);
    const zhouOwn = await api.call('POST', `${V}/inquiries`, { token: zhou, body: anInquiry(aMobile()), headers: { 'Idempotency-Key': 'form-1' } });
    t.is(zhouOwn.status, 201);
    t.not(zhouOwn.body.id, first.body.id);

    const tooLong = await api.call('POST', `${V}/inquiries`, { token: sun, body: anInquiry(aMobile()), headers: { 'Idempotency-Key': 'k'.repeat(201) } });
    // The HTTP boundary takes at most 100 characters for any route's Idempotency-Key (http/text-input.ts).
    t.deepEqual([tooLong.status, tooLong.body.code, tooLong.body.errors?.[0]?.path], [400, 'validation.failed', '/headers/idempotency-key']);
  });

  test.serial(`[${backend}] parallel 新建咨询 under one key record one inquiry`, async (t) => {
    const { sun } = await twoSales();
    const mobile = aMobile();
    const answers = await Promise.all(Array.from({ length: 4 }, () => api.call('POST', `${V}/inquiries`, { token: sun, body: anInquiry(mobile), headers: { 'Idempotency-Key': 'same' } })));
    t.deepEqual(answers.map((r) => r.status), [201, 201, 201, 201]);
    t.is(new Set(answers.map((r) => r.body.id)).size, 1);
    t.is(await countByMobile(sun, mobile), 1);
  });

  test.serial(`[${backend}] a resent 新建跟进 is logged once, also in parallel`, async (t) => {
    const { sun } = await twoSales();
    const created = await api.call('POST', `${V}/inquiries`, { token: sun, body: anInquiry(aMobile()) });
    const next = inAWeek();
    const body = { inquiryId: created.body.id, type: '回访跟进', content: '客户需要额度高', level: 'A', nextFollowUpAt: next };
    const first = await api.call('POST', `${V}/follow-ups`, { token: sun, body, headers: { 'Idempotency-Key': 'fu-1' } });
    const again = await api.call('POST', `${V}/follow-ups`, { token: sun, body, headers: { 'Idempotency-Key': 'fu-1' } });
    t.deepEqual([first.status, again.status, again.body.followUp.id, again.body.inquiry.level, again.body.inquiry.version], [201, 201, first.body.followUp.id, 'A', 2]);
    const parallel = await Promise.all(Array.from({ length: 4 }, () => api.call('POST', `${V}/follow-ups`, { token: sun, body, headers: { 'Idempotency-Key': 'fu-2' } })));
    t.deepEqual(parallel.map((r) => r.status), [201, 201, 201, 201]);
    t.is(new Set(parallel.map((r) => r.body.followUp.id)).size, 1);
    const logged = await api.call('GET', `${V}/inquiries/${created.body.id}/follow-ups`, { token: sun });
    t.is(logged.body.items.length, 2);
    const record = await api.call('GET', `${V}/inquiries/${created.body.id}`, { token: sun });
    t.deepEqual([record.body.version, record.body.level, record.body.nextFollowUpAt], [3, 'A', next]);
  });
}
