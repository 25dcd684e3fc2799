// What the clients share: the base URL (with a proxy's path prefix), the time limit, answers that are not
// JSON, and a token cache shared by several firms that keeps their tokens apart.
import test from 'ava';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenCache, WeComClient, type VendorError } from '../../../plugins/notify-channels/index.js';
import { vendorUrl } from '../../../plugins/notify-channels/http.js';
import { FakeWeCom } from '../../support/fakes/wecom.js';
import { ManualClock } from '../../support/fakes/server.js';

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test('a base URL with a path prefix (a firm’s proxy) keeps the prefix', (t) => {
  t.is(vendorUrl('https://proxy.example.cn/wecom/', '/cgi-bin/gettoken', { corpid: 'w w' }), 'https://proxy.example.cn/wecom/cgi-bin/gettoken?corpid=w+w');
  t.is(vendorUrl('https://qyapi.weixin.qq.com', '/cgi-bin/message/send'), 'https://qyapi.weixin.qq.com/cgi-bin/message/send');
});

test('a vendor that does not answer in time is a retryable TIMEOUT', async (t) => {
  const { server, url } = await listen(() => undefined); // never answers
  t.teardown(() => server.closeAllConnections() ?? server.close());
  const client = new WeComClient({ corpId: 'c', corpSecret: 's', agentId: 1, baseUrl: url, timeoutMs: 100, clock: new ManualClock() });
  t.like(await t.throwsAsync<VendorError>(client.accessToken()), { kind: 'unavailable', code: 'TIMEOUT', retryable: true, retryAfterMs: 5_000 });
});

test('an HTML error page is HTTP_502 and retryable when the gateway fails, a plain refusal otherwise', async (t) => {
  let status = 502;
  const { server, url } = await listen((_req, res) => res.writeHead(status, { 'content-type': 'text/html' }).end('<html>bad gateway</html>'));
  t.teardown(() => server.close());
  const client = new WeComClient({ corpId: 'c', corpSecret: 's', agentId: 1, baseUrl: url, clock: new ManualClock() });
  t.like(await t.throwsAsync<VendorError>(client.accessToken()), { kind: 'unavailable', code: 'HTTP_502', retryable: true });
  status = 403;
  t.like(await t.throwsAsync<VendorError>(client.accessToken()), { kind: 'rejected', code: 'HTTP_403', retryable: false });
});

test('a closed port is a retryable NETWORK error', async (t) => {
  const { server, url } = await listen(() => undefined);
  await new Promise<void>((r) => server.close(() => r()));
  const client = new WeComClient({ corpId: 'c', corpSecret: 's', agentId: 1, baseUrl: url, clock: new ManualClock() });
  t.like(await t.throwsAsync<VendorError>(client.accessToken()), { kind: 'unavailable', code: 'NETWORK' });
});

test('one token cache serves two firms without mixing their tokens', async (t) => {
  const clock = new ManualClock();
  const a = await new FakeWeCom({ clock, corpId: 'corp-a', corpSecret: 'sa', agentId: 1, members: [{ userId: 'u' }] }).start();
  const b = await new FakeWeCom({ clock, corpId: 'corp-b', corpSecret: 'sb', agentId: 2, members: [{ userId: 'u' }] }).start();
  t.teardown(async () => { await a.stop(); await b.stop(); });
  const tokens = new TokenCache(clock);
  const clientA = new WeComClient({ corpId: 'corp-a', corpSecret: 'sa', agentId: 1, baseUrl: a.url, tokens, clock });
  const clientB = new WeComClient({ corpId: 'corp-b', corpSecret: 'sb', agentId: 2, baseUrl: b.url, tokens, clock });
  const card = { toUsers: ['u'], title: 't', description: 'd', url: 'https://x.example/' };
  await clientA.sendTextCard(card);
  await clientB.sendTextCard(card);
  await clientA.sendTextCard(card);
  t.is(a.calls('/cgi-bin/gettoken'), 1);
  t.is(b.calls('/cgi-bin/gettoken'), 1);
  t.is(a.sent.length, 2);
  t.is(b.sent.length, 1);
});
