// Steps 1 and 2 in the console, driven by 孙露露 alone at phone and desk sizes: 新建咨询 with every field and
// 生成, 新建跟进 with a type, a 常用语, a re-grade and 生成; the 咨询 list with 共N条; masking in the pool;
// 查重 refusing a known mobile; claiming from 咨询公海 (and the 409 when someone was quicker); an offline
// submission kept on the device and recorded once; and a second firm seeing none of it. The API is used only
// to check results (and, once, to be the colleague who claims a record first).
import test from 'ava';
import { randomInt } from 'node:crypto';
import { consoleServer, signInThroughPage, type ConsoleServer, type ApiArgs } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';

let server: ConsoleServer;
let browser: Browser;
const SUN = '13800000001';
const ZHOU = '13800000006';
const V = '/api/v1';

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

const aMobile = (): string => `17${randomInt(0, 10)}${String(randomInt(0, 1e8)).padStart(8, '0')}`;
const aCompany = (): string => `测试科技${randomInt(0, 1e6)}有限公司`;
/** Resource failures the browser reports as console errors when a test makes them on purpose. */
const expected = (statuses: number[]) => (m: string): boolean => !statuses.some((s) => m.includes(`status of ${s}`)) && !m.includes('net::ERR_');

async function signIn(p: TestPage, mobile: string, path: string): Promise<void> {
  await signInThroughPage(p, server.url + path, mobile);
  await p.page.waitForURL((u) => u.pathname === path);
}

const api = async (...a: ApiArgs): Promise<any> => (await server.as(...a)).body;

/** Fills every field of 新建咨询 but the next follow-up time. */
async function fillInquiry(p: TestPage, v: { company: string; mobile: string; name: string }): Promise<void> {
  const f = p.page;
  await f.getByLabel('企业名称').fill(v.company);
  await f.getByLabel('客户手机号码').fill(v.mobile);
  await f.getByLabel('客户姓名').fill(v.name);
  await f.getByRole('radio', { name: '男' }).click();
  await f.getByRole('radio', { name: /B类/ }).click();
  await f.getByRole('radio', { name: '电销' }).click();
  await f.getByRole('radio', { name: '按揭房' }).click();
  await f.getByLabel('客户备注').fill('需要额度高');
}

async function check(t: any, p: TestPage, name: string, allow: (m: string) => boolean = () => true): Promise<void> {
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `axe on ${name}`);
  t.deepEqual(p.problems.filter(allow), [], `console on ${name}`);
}

for (const size of [PHONE, DESK] as Size[]) {
  const w = size.width;

  test.serial(`[${w}] step 1: 新建咨询 with every field, 生成 filling the next time; the record exists with those values; the list counts it`, async (t) => {
    const p = await browser.page(size);
    await signIn(p, SUN, '/inquiries/new');
    const v = { company: aCompany(), mobile: aMobile(), name: `郑${w}` };
    await fillInquiry(p, v);
    await p.page.locator('[data-duplicates]').getByText('未发现重复').waitFor();
    const next = p.page.getByLabel('下次跟进时间');
    t.is(await next.inputValue(), '');
    await p.page.locator('[data-generate]').click();
    await p.page.waitForFunction(() => (globalThis as any).document.querySelector('input[type=datetime-local]').value !== '');
    const local = await next.inputValue();
    const expectedNext = await api(SUN, 'GET', '/inquiries/next-follow-up?level=B');
    const shown = new Date(`${local}:00+08:00`).getTime();
    t.true(Math.abs(shown - new Date(expectedNext.nextFollowUpAt).getTime()) < 120_000, '生成 gives the server’s time, shown in Beijing time');
    await check(t, p, 'inquiry-new');
    await p.page.locator('[data-submit]').click();
    await p.page.waitForURL(/\/inquiries\/[0-9a-f-]{36}$/);
    const id = p.page.url().split('/').pop() as string;
    const saved = await api(SUN, 'GET', `/inquiries/${id}`);
    t.like(saved, { companyName: v.company, mobile: v.mobile, contactName: v.name, gender: 'male', level: 'B', source: '电销', propertyType: '按揭房', remark: '需要额度高', ownerName: '孙露露', lifecycle: 'inquiry' });
    t.is(saved.nextFollowUpAt.slice(0, 16), new Date(`${local}:00+08:00`).toISOString().slice(0, 16), 'the time 生成 filled');
    await p.page.getByText(v.company).first().waitFor();
    await check(t, p, 'inquiry-detail');

    await p.page.goto(`${server.url}/inquiries`);
    const total = (await api(SUN, 'GET', '/inquiries?withTotal=true&limit=1')).total;
    await p.page.locator('[data-total]').getByText(`共${total}条`).waitFor();
    await p.page.getByRole('searchbox').fill(v.company);
    await p.page.getByRole('searchbox').press('Enter');
    await p.page.locator('[data-total]').getByText('共1条').waitFor();
    const row = p.page.locator(`[data-inquiry="${id}"]`);
    await row.waitFor();
    t.is(await row.locator('[data-action="call"]').getAttribute('href'), `tel:${v.mobile}`, 'her own customer: the full number and a call link');
    t.is(await row.locator('[data-masked]').count(), 0);
    await check(t, p, 'inquiries');
    await p.close();
  });

  test.serial(`[${w}] step 2: 新建跟进 with a type, a 常用语, a re-grade and 生成; the record's level and next time change`, async (t) => {
    const mine = await api(SUN, 'POST', '/inquiries', {
      companyName: aCompany(), mobile: aMobile(), contactName: '钱多多', gender: 'female', level: 'C',
      nextFollowUpAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), source: '转介绍', propertyType: '全款房', remark: '老客户介绍',
    });
    const p = await browser.page(size);
    await signIn(p, SUN, `/inquiries/${mine.id}`);
    await p.page.locator('[data-action="follow-up"]').click();
    await p.page.waitForURL(/\/follow-up$/);
    await p.page.waitForFunction(() => (globalThis as any).document.querySelector('[name=customer]')?.value.startsWith('钱多多'));
    await p.page.getByRole('radio', { name: '产品方案' }).click();
    await p.page.getByLabel('跟进内容').fill('介绍了税贷产品');
    await p.page.locator('[data-phrases]').click();
    await p.page.getByRole('button', { name: '税贷、发票贷都能做' }).click();
    t.is(await p.page.getByLabel('跟进内容').inputValue(), '介绍了税贷产品，税贷、发票贷都能做');
    await p.page.getByRole('radio', { name: /A类/ }).click();
    await p.page.locator('[data-generate]').click();
    await p.page.waitForFunction(() => (globalThis as any).document.querySelector('input[type=datetime-local]').value !== '');
    const local = await p.page.getByLabel('下次跟进时间').inputValue();
    await check(t, p, 'follow-up-new');
    await p.page.locator('[data-submit]').click();
    await p.page.waitForURL(new RegExp(`/inquiries/${mine.id}$`));
    await p.page.locator('[data-follow-up]').first().waitFor();
    const after = await api(SUN, 'GET', `/inquiries/${mine.id}`);
    t.deepEqual([after.level, after.nextFollowUpAt.slice(0, 16)], ['A', new Date(`${local}:00+08:00`).toISOString().slice(0, 16)]);
    const logged = (await api(SUN, 'GET', `/inquiries/${mine.id}/follow-ups`)).items;
    t.deepEqual(logged.map((f: any) => [f.type, f.content, f.levelBefore, f.levelAfter]), [['产品方案', '介绍了税贷产品，税贷、发票贷都能做', 'C', 'A']]);
    await check(t, p, 'inquiry-after-follow-up');
    await p.close();
  });

  test.serial(`[${w}] 查重: typing a known mobile names its owner; create is refused with the server's message`, async (t) => {
    const others = (await api('13800000000', 'GET', '/inquiries?view=all&limit=100')).items.filter((i: any) => i.ownerId && i.ownerName !== '孙露露');
    const taken = others[0];
    t.truthy(taken, 'the demo has someone else’s inquiry');
    const p = await browser.page(size);
    await signIn(p, SUN, '/inquiries/new');
    await fillInquiry(p, { company: aCompany(), mobile: taken.mobile, name: '重复' });
    const dup = p.page.locator('[data-duplicate]').first();
    await dup.waitFor();
    const text = await dup.innerText();
    t.true(text.includes(`负责人：${taken.ownerName}`), text);
    t.true(text.includes(`${taken.mobile.slice(0, 3)}****${taken.mobile.slice(-4)}`) && text.includes('[模糊]'), `the other person's customer masked: ${text}`);
    t.false(text.includes(taken.mobile));
    await p.page.getByLabel('下次跟进时间').fill(new Date(Date.now() + 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16));
    await p.page.locator('[data-submit]').click();
    const problem = p.page.locator('[data-problem]');
    await problem.waitFor();
    t.regex(await problem.innerText(), new RegExp(`该手机号已录入：.*负责人：${taken.ownerName}`));
    t.regex(p.page.url(), /\/inquiries\/new$/);
    await check(t, p, 'inquiry-duplicate', expected([409]));
    await p.close();
  });

  test.serial(`[${w}] 咨询公海: masked mobiles, claim one; a record someone claimed a moment ago shows the 409 message`, async (t) => {
    // Two records put into 咨询公海 by the administrator (nobody's former customer, so no reclaim block).
    const tag = `公海测试${randomInt(0, 1e6)}`;
    const pooled = async (n: number): Promise<any> => api('13800000000', 'POST', '/inquiries', {
      companyName: `${tag}第${n}家公司`, mobile: aMobile(), contactName: `公海${n}`, gender: 'male', level: 'B', ownerId: null,
      nextFollowUpAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), source: '电销', propertyType: '按揭房', remark: '公海',
    });
    const [wanted, contested] = [await pooled(1), await pooled(2)];
    const p = await browser.page(size);
    await signIn(p, SUN, '/pools/inquiry');
    const total = (await api(SUN, 'GET', '/pools/inquiry?withTotal=true&limit=1')).total;
    await p.page.locator('[data-total]').getByText(`共${total}条`).waitFor();
    t.is(await p.page.locator('main a[href^="tel:"]').count(), 0, 'no call link for a masked number');
    const masked = p.page.locator('[data-inquiry] [data-mobile]').first();
    t.regex(await masked.innerText(), /^1\d\d\*\*\*\*\d{4}\[模糊\]$/);
    await p.page.getByRole('searchbox').fill(tag);
    await p.page.getByRole('searchbox').press('Enter');
    await p.page.locator('[data-total]').getByText('共2条').waitFor();
    const row = p.page.locator(`[data-inquiry="${wanted.id}"]`);
    await row.waitFor();
    await check(t, p, 'inquiry-pool');

    await row.locator('[data-action="claim"]').click();
    await p.page.locator('[data-message]').waitFor();
    t.is(await p.page.locator('[data-message]').getAttribute('data-message'), 'ok', await p.page.locator('[data-message]').innerText());
    t.is((await api(SUN, 'GET', `/inquiries/${wanted.id}`)).ownerName, '孙露露');

    const quicker = await server.call('POST', `${V}/inquiries/${contested.id}/claim`, { token: await server.token(ZHOU) });
    t.is(quicker.status, 200);
    await p.page.locator(`[data-inquiry="${contested.id}"] [data-action="claim"]`).click();
    const refused = p.page.locator('[data-message="refused"]');
    await refused.waitFor();
    t.regex(await refused.innerText(), /该记录已被领取/);
    t.is((await api('13800000000', 'GET', `/inquiries/${contested.id}`)).ownerName, '周销售');
    await check(t, p, 'inquiry-pool-refused', expected([409]));
    await p.close();
  });

  test.serial(`[${w}] offline: the submission waits on the device, survives a reload, and is recorded once when back online`, async (t) => {
    const p = await browser.page(size);
    await signIn(p, SUN, '/inquiries/new');
    const v = { company: aCompany(), mobile: aMobile(), name: `离线${w}` };
    await p.page.getByRole('radio', { name: /B类/ }).waitFor();
    await p.context.setOffline(true);
    await fillInquiry(p, v);
    await p.page.getByLabel('下次跟进时间').fill(new Date(Date.now() + 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16));
    await p.page.locator('[data-submit]').click();
    await p.page.locator('[data-notice]').getByText('已保存在本机').waitFor();
    await p.page.locator('[data-outbox-waiting]').getByText('1 条提交等待联网后发送').waitFor();
    await check(t, p, 'inquiry-offline', expected([]));
    const queued = await p.page.evaluate(() => (globalThis as any).localStorage.getItem('yunzhou.outbox') as string);

    // Back on the network but the server still out of reach: a reload keeps the submission waiting.
    const blocked = (u: URL): boolean => u.pathname === `${V}/inquiries`;
    await p.page.route(blocked, (r) => (r.request().method() === 'POST' ? r.abort('internetdisconnected') : r.continue()));
    await p.context.setOffline(false);
    await p.page.reload();
    await p.page.locator('[data-outbox-waiting]').getByText('1 条提交等待联网后发送').waitFor();
    const count = async (): Promise<number> => (await api(SUN, 'GET', `/inquiries?withTotal=true&limit=1&keyword=${v.mobile}`)).total;
    t.is(await count(), 0);

    await p.page.unroute(blocked);
    await p.page.evaluate(() => (globalThis as any).dispatchEvent(new Event('online')));
    await p.page.locator('[data-outbox]').waitFor({ state: 'detached' });
    t.is(await count(), 1);
    // The same submission flushed again (a second tab, a retry after a lost answer): still one record.
    await p.page.evaluate((q) => (globalThis as any).localStorage.setItem('yunzhou.outbox', q), queued);
    await p.page.reload();
    await p.page.waitForFunction(() => (globalThis as any).localStorage.getItem('yunzhou.outbox') === '[]');
    t.is(await count(), 1);
    const [saved] = (await api(SUN, 'GET', `/inquiries?keyword=${v.mobile}`)).items;
    t.like(saved, { companyName: v.company, contactName: v.name, level: 'B', ownerName: '孙露露' });
    t.deepEqual(p.problems.filter(expected([])), []);
    await p.close();
  });

  test.serial(`[${w}] a refused queued submission stays visible with the server's message`, async (t) => {
    const taken = (await api('13800000000', 'GET', '/inquiries?view=all&limit=100')).items.find((i: any) => i.ownerId && i.ownerName !== '孙露露');
    const p = await browser.page(size);
    await signIn(p, SUN, '/inquiries/new');
    await p.page.getByRole('radio', { name: /B类/ }).waitFor();
    await p.context.setOffline(true);
    await fillInquiry(p, { company: aCompany(), mobile: taken.mobile, name: '迟到' });
    await p.page.getByLabel('下次跟进时间').fill(new Date(Date.now() + 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16));
    await p.page.locator('[data-submit]').click();
    await p.page.locator('[data-notice]').waitFor();
    await p.context.setOffline(false);
    await p.page.locator('[data-outbox-refused]').waitFor();
    await p.page.goto(`${server.url}/inquiries`);
    const refused = p.page.locator('[data-outbox-refused]');
    await refused.waitFor();
    t.regex(await refused.innerText(), /未能提交：新建咨询 迟到[\s\S]*该手机号已录入/);
    await check(t, p, 'inquiries-refused-submission', expected([409]));
    await refused.getByRole('button', { name: '删除' }).click();
    await refused.waitFor({ state: 'detached' });
    await p.close();
  });

  test.serial(`[${w}] 大熹金服 sees none of 大鑫金服's inquiries`, async (t) => {
    const daxin = (await api(SUN, 'GET', '/inquiries?limit=1')).items[0];
    const p = await browser.page(size);
    await signIn(p, '13900000000', '/inquiries');
    const own = (await api('13900000000', 'GET', '/inquiries?withTotal=true&view=all&limit=100'));
    await p.page.locator('[data-total]').getByText(`共${own.total}条`).waitFor();
    const shown = await p.page.locator('[data-inquiry]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-inquiry')));
    t.deepEqual(shown.sort(), own.items.map((i: any) => i.id).sort());
    t.false(shown.includes(daxin.id));
    await p.page.goto(`${server.url}/pools/inquiry`);
    await p.page.locator('[data-total]').getByText(/共\d+条/).waitFor();
    const pool = await api('13900000000', 'GET', '/pools/inquiry?withTotal=true&limit=1');
    t.is(await p.page.locator('[data-total]').innerText(), `共${pool.total}条`);
    await p.page.goto(`${server.url}/inquiries/${daxin.id}`);
    await p.page.locator('[data-problem]').waitFor();
    t.is(await p.page.getByText(daxin.companyName).count(), 0);
    t.deepEqual(p.problems.filter(expected([404])), []);
    await p.close();
  });
}

test.serial('a manager who may assign records creates an inquiry for a colleague in a chosen department; a sales person owns what she creates', async (t) => {
  const p = await browser.page(DESK);
  await signIn(p, '13800000002', '/inquiries/new');
  const v = { company: aCompany(), mobile: aMobile(), name: '吴分配' };
  await fillInquiry(p, v);
  await p.page.locator('[data-generate]').click();
  await p.page.waitForFunction(() => (globalThis as any).document.querySelector('input[type=datetime-local]').value !== '');
  await p.page.getByLabel('负责人').selectOption({ label: '孙露露' });
  const departments = (await api('13800000002', 'GET', '/departments')).items as { id: string; name: string }[];
  const chosen = departments.find((d) => d.name.includes('新媒体')) ?? (departments[0] as { id: string; name: string });
  await p.page.getByLabel('所属部门').selectOption({ label: chosen.name });
  await check(t, p, 'inquiry-new-manager');
  await p.page.locator('[data-submit]').click();
  await p.page.waitForURL(/\/inquiries\/[0-9a-f-]{36}$/);
  const saved = await api('13800000002', 'GET', `/inquiries/${p.page.url().split('/').pop() as string}`);
  t.like(saved, { companyName: v.company, ownerName: '孙露露', departmentId: chosen.id });
  await p.close();

  const s = await browser.page(PHONE);
  await signIn(s, SUN, '/inquiries/new');
  t.true(await s.page.locator('input[name="owner"][readonly]').isVisible(), 'a sales person sees herself as the owner, not a picker');
  t.is(await s.page.getByLabel('负责人').inputValue(), '孙露露');
  await s.close();
});
