// 办理中心 badge polling: the counts carry a weak ETag; asking again with If-None-Match is answered 304 with no
// body while nothing changed, and 200 with the new counts and a new ETag as soon as something arrives. The tag
// names what the person reads: their counts, in their language.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { backends } from '../support/database.js';
import { testCrm } from '../support/crm.js';
import { aFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';

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

  const COUNTS = '/api/v1/workcenter/inbox/counts';
  const taskCount = (body: { kinds: { kind: string; count: number }[] }): number | undefined => body.kinds.find((k) => k.kind === 'task')?.count;

  test(`[${backend}] the counts answer 304 to their own ETag until something new waits, then 200 with a new ETag`, async (t) => {
    const firm = await aFirm(crm);
    const zhou = await firm.person(['sales'], { name: '周销售' });
    const sun = await firm.person(['sales'], { name: '孙露露' });

    const first = await api.call('GET', COUNTS, { token: zhou.token });
    t.is(first.status, 200);
    const etag = first.headers.get('etag') ?? '';
    t.regex(etag, /^W\/"[\w-]+"$/);
    t.is(taskCount(first.body), 0);

    const same = await api.call('GET', COUNTS, { token: zhou.token, headers: { 'If-None-Match': etag } });
    t.is(same.status, 304);
    t.is(same.body, '');
    t.is(same.headers.get('etag'), etag);
    // Weak comparison: the strong spelling of the tag, or one among several, matches too.
    t.is((await api.call('GET', COUNTS, { token: zhou.token, headers: { 'If-None-Match': `"x", ${etag.slice(2)}` } })).status, 304);
    t.is((await api.call('GET', COUNTS, { token: zhou.token, headers: { 'If-None-Match': 'W/"stale"' } })).status, 200);

    // What the tag names: the person's counts in their language.
    const english = await api.call('GET', COUNTS, { token: zhou.token, headers: { 'If-None-Match': etag, 'Accept-Language': 'en' } });
    t.is(english.status, 200);
    t.not(english.headers.get('etag'), etag);
    const created = await api.call('POST', '/api/v1/tasks', { token: sun.token, body: { title: '回访盛博科技', assigneeId: zhou.actor.userId } });
    t.is(created.status, 201);

    const changed = await api.call('GET', COUNTS, { token: zhou.token, headers: { 'If-None-Match': etag } });
    t.is(changed.status, 200);
    t.is(taskCount(changed.body), 1);
    t.is(changed.body.total, first.body.total + 1);
    const next = changed.headers.get('etag') ?? '';
    t.not(next, etag);
    t.is((await api.call('GET', COUNTS, { token: zhou.token, headers: { 'If-None-Match': next } })).status, 304);
  });
}
