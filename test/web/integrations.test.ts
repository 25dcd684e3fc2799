// 推送设置 and 导入咨询 in a real browser, as the firm's administrator. Webhooks: a URL the server refuses shows
// its message at the field; an endpoint to a local receiver the test runs is added (its secret shown once), a
// new inquiry is delivered to it signed and the delivery shows 成功 (opened: its attempt, 重新推送 sends it
// again); 停用 and 删除 reach the server; an event parked after failures is put back with 重新投递. Import: the
// template downloads, an .xlsx with a bad row runs with its progress bar to 100%, the counts show, and the
// per-row report names the bad row and why.
// 孙露露 (sales, no org.manage) gets 没有权限 on both.
import test from 'ava';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { consoleServer, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { aCompany } from '../adapters/orders/order-builders.js';

let server: ConsoleServer;
let browser: Browser;
let admin: string;
let receiver: Server;
let receiverUrl: string;
const received: { headers: IncomingHttpHeaders; body: any }[] = [];

test.before(async () => {
  process.env.YUNZHOU_WEBHOOKS_ALLOW_PRIVATE = 'true'; // the receiver is on this machine
  server = await consoleServer();
  browser = await launchBrowser();
  admin = await server.token('13800000000');
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(body) });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/yunzhou`;
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
  receiver?.close();
});

const get = async (path: string, token = admin): Promise<any> => (await server.call('GET', `/api/v1${path}`, { token })).body;
const fieldError = (p: TestPage, name: string) => p.page.locator('.van-field', { has: p.page.locator(`[name="${name}"]`) }).locator('.van-field__error-message');

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`waited in vain for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function sheet(path: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

test.serial('the administrator adds a webhook, sees it delivered, turns it off, deletes it, and retries a parked event', async (t) => {
  const p = await browser.page(DESK);
  await signInThroughPage(p, `${server.url}/settings/webhooks`, '13800000000');
  await p.page.waitForURL(/\/settings\/webhooks/);

  // A URL the server refuses: its message at the field.
  await p.page.getByRole('textbox', { name: '推送网址' }).fill('ftp://example.com/hook');
  await p.page.getByRole('button', { name: '新增' }).click();
  await t.notThrowsAsync(fieldError(p, 'url').getByText('网址须以 http:// 或 https:// 开头').waitFor());
  t.deepEqual(p.problems.splice(0), ['console: Failed to load resource: the server responded with a status of 400 (Bad Request)'], 'the refusal, expected');

  await p.page.getByRole('textbox', { name: '推送网址' }).fill(receiverUrl);
  await p.page.getByRole('textbox', { name: '事件' }).fill('inquiry.created');
  await p.page.getByRole('textbox', { name: '说明' }).fill('浏览器测试');
  await p.page.getByRole('button', { name: '新增' }).click();
  const secret = (await p.page.locator('[data-secret] code').innerText()).trim();
  t.regex(secret, /^whsec_/);
  const [endpoint] = (await get('/plugins/webhooks/endpoints')).items.filter((e: any) => e.url === receiverUrl);
  t.like(endpoint, { events: ['inquiry.created'], active: true, description: '浏览器测试', secretHint: `…${secret.slice(-4)}` });
  // The secret shows from the answer; the list is read again after it: wait for the row, then count it.
  await p.page.locator(`[data-endpoint="${receiverUrl}"]`).first().waitFor();
  t.is(await p.page.locator(`[data-endpoint="${receiverUrl}"]`).count(), 1);
  await p.screenshot('integrations-webhook-added');

  // A new inquiry is delivered, signed; the delivery shows 成功.
  const company = aCompany('推送测试');
  const inquiry = await server.call('POST', '/api/v1/inquiries', {
    token: admin,
    body: { companyName: company, mobile: aMobile(), contactName: '郑推', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '推送测试', nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
  t.is(inquiry.status, 201);
  // The standalone server runs its scheduler every second; the test server runs it when asked.
  const hit = await until('the delivery', async () => {
    await server.crm.scheduler.runDue(new Date());
    return received.find((r) => JSON.stringify(r.body).includes(inquiry.body.id));
  });
  t.regex(String(hit.headers['x-yunzhou-signature']), /^t=\d+,v1=[0-9a-f]{64}$/);
  await until('a succeeded delivery', async () => (await get(`/plugins/webhooks/deliveries?endpointId=${endpoint.id}`)).items.find((d: any) => d.status === 'succeeded'));
  await p.page.getByRole('button', { name: '刷新' }).click();
  const row = p.page.locator('[data-table="webhook-deliveries"] tbody tr', { hasText: 'inquiry.created' }).first();
  await t.notThrowsAsync(row.getByText('成功').waitFor());
  t.true((await row.innerText()).includes(receiverUrl));

  // The delivery opened: its attempt with the receiver's 200; 重新推送 sends the same event again.
  const delivered = (await get(`/plugins/webhooks/deliveries?endpointId=${endpoint.id}`)).items.find((d: any) => d.status === 'succeeded' && d.eventType === 'inquiry.created');
  await p.page.locator(`[data-table="webhook-deliveries"] tbody tr[data-row="${delivered.id}"]`).click();
  await t.notThrowsAsync(p.page.locator('[data-delivery-detail] [data-attempt]', { hasText: '响应码 200' }).first().waitFor());
  await p.page.getByRole('button', { name: '重新推送' }).click();
  await until('the replay', async () => (await get(`/plugins/webhooks/deliveries?endpointId=${endpoint.id}`)).items.find((d: any) => d.replayOf === delivered.id));
  const before = received.length;
  await until('the replay sent', async () => {
    await server.crm.scheduler.runDue(new Date());
    return received.length > before;
  });

  // 停用, then 删除 (asked once more before it goes).
  await p.page.getByRole('switch', { name: `启用 ${receiverUrl}` }).click();
  await until('the endpoint off', async () => (await get(`/plugins/webhooks/endpoints/${endpoint.id}`)).active === false);
  await t.notThrowsAsync(p.page.getByRole('switch', { name: `启用 ${receiverUrl}`, checked: false }).waitFor());
  await t.notThrowsAsync(p.page.getByRole('status', { name: '已停用' }).waitFor());

  // An event parked after failed deliveries (made so in the database: failures are not something a person does).
  const knex = server.crm.database.knex;
  const event = await knex('outbox_events').where({ type: 'inquiry.created', subject_id: inquiry.body.id }).first('id');
  await knex('outbox_events').where({ id: event.id }).update({ delivered_at: null, parked_at: new Date(), attempts: 8, last_error: '模拟：接收方一直无响应' });
  await p.page.getByRole('button', { name: '刷新' }).click();
  const parked = p.page.locator(`[data-parked="${event.id}"]`);
  await t.notThrowsAsync(parked.getByText('模拟：接收方一直无响应').waitFor());
  t.deepEqual(p.problems, []);
  t.deepEqual(await p.axe(), []);
  await p.screenshot('integrations-webhooks');
  await parked.getByRole('button', { name: '重新投递' }).click();
  await t.notThrowsAsync(parked.waitFor({ state: 'detached' }));
  t.false((await get('/outbox/parked')).items.some((e: any) => e.id === Number(event.id)), 'back in the queue');

  await p.page.locator(`[data-endpoint="${receiverUrl}"]`).getByRole('button', { name: '删除' }).click();
  await p.page.locator(`[data-endpoint="${receiverUrl}"]`).getByRole('button', { name: '确认删除' }).click();
  await t.notThrowsAsync(p.page.locator(`[data-endpoint="${receiverUrl}"]`).waitFor({ state: 'detached' }));
  t.false((await get('/plugins/webhooks/endpoints')).items.some((e: any) => e.id === endpoint.id));
  t.deepEqual(p.problems, []);
  await p.close();
});

test.serial('the administrator imports an .xlsx with a bad row on a phone: progress to 100%, counts, the per-row report', async (t) => {
  const p = await browser.page(PHONE);
  await signInThroughPage(p, `${server.url}/settings/import`, '13800000000');
  await p.page.waitForURL(/\/settings\/import/);

  const [template] = await Promise.all([p.page.waitForEvent('download'), p.page.getByRole('link', { name: '下载导入模板' }).click()]);
  const headers = (await sheet(await template.path()))[0] ?? [];
  t.true(headers.includes('企业名称') && headers.includes('客户手机号码'), headers.join(','));

  // A file that is no spreadsheet: the server's refusal shown at the file field.
  const notes = Buffer.from('这不是表格\u0000\u0001', 'utf8');
  const refused = await server.call('POST', '/api/v1/plugins/import-export/imports?fileName=x.txt', { token: admin, raw: notes, headers: { 'content-type': 'application/octet-stream' } });
  t.is(refused.status, 400);
  await p.page.getByLabel('导入文件').setInputFiles({ name: '备忘.txt', mimeType: 'text/plain', buffer: notes });
  await p.page.getByRole('button', { name: '开始导入' }).click();
  const refusal = p.page.locator('#import-problem');
  await refusal.filter({ hasText: /\S/ }).waitFor();
  t.is((await refusal.innerText()).trim(), refused.body.detail, 'the server\'s own message');
  t.is(p.problems.splice(0).length, 1, 'the refusal, expected');
  t.is(await p.page.locator('[data-job-status]').count(), 0, 'no job was started');

  const HEAD = ['企业名称', '客户手机号码', '客户姓名', '客户性别', '客户级别', '客户来源', '客户房产', '客户备注'];
  const good = [aCompany('导入甲'), aCompany('导入乙')] as const;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(HEAD);
  ws.addRow([good[0], aMobile(), '钱甲', '男', 'A', '电销', '按揭房', '浏览器导入']);
  ws.addRow(['坏号码公司', '1234', '钱乙', '女', 'B', '电销', '按揭房', '浏览器导入']);
  ws.addRow([good[1], aMobile(), '钱丙', '女', 'C', '电销', '按揭房', '浏览器导入']);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  await p.page.getByLabel('导入文件').setInputFiles({ name: '十二月名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  await p.page.getByRole('button', { name: '开始导入' }).click();

  const job = p.page.locator('[data-job-status="succeeded"]');
  await job.waitFor();
  t.is(await job.locator('progress').getAttribute('value'), '100');
  t.is(await job.locator('[data-count="imported"]').innerText(), '2');
  t.is(await job.locator('[data-count="invalid"]').innerText(), '1');
  const jobs = (await get('/plugins/import-export/imports')).items;
  t.like(jobs[0], { fileName: '十二月名单.xlsx', status: 'succeeded', counts: { imported: 2, duplicates: 0, invalid: 1 } });
  const inquiries = (await get(`/inquiries?keyword=${encodeURIComponent(good[0])}`)).items;
  t.is(inquiries.length, 1, 'the good rows were stored');
  t.deepEqual(p.problems, []);
  t.deepEqual(await p.axe(), []);
  await p.screenshot('integrations-import-done');

  const [report] = await Promise.all([p.page.waitForEvent('download'), job.getByRole('link', { name: '下载导入结果（逐行）' }).click()]);
  const rows = await sheet(await report.path());
  t.deepEqual(rows[0]?.slice(0, 3), ['行号', '结果', '说明']);
  const bad = rows.find((r) => r[0] === '3');
  t.is(bad?.[1], '无效');
  t.regex(bad?.[2] ?? '', /客户手机号码/);
  t.deepEqual(rows.filter((r) => r[1] === '已导入').map((r) => r[0] ?? ''), ['2', '4']);
  await p.close();
});

test.serial('孙露露 (sales) gets 没有权限 on the settings screens', async (t) => {
  const p = await browser.page(PHONE);
  await signInThroughPage(p, `${server.url}/settings/webhooks`, '13800000001');
  await t.notThrowsAsync(p.page.getByText('没有权限使用这个页面').waitFor());
  await p.page.goto(`${server.url}/settings/import`);
  await t.notThrowsAsync(p.page.getByText('没有权限使用这个页面').waitFor());
  t.deepEqual(p.problems, []);
  await p.close();
});
