// 咨询设置 in a real browser at phone and desk sizes: the administrator changes level A's follow-up interval and
// 新建咨询's 生成 then gives now plus that interval; adds a 常用语 (and reorders, edits and removes others) that
// 新建跟进 then offers; an empty level name is refused at its field; a save that lost a race to another
// administrator shows the server's message. 孙露露 (sales) gets 没有权限 and the API refuses her change.
import test from 'ava';
import { randomInt } from 'node:crypto';
import { consoleServer, signInThroughPage, type ConsoleServer, type ApiArgs } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';

const ADMIN = '13800000000';
const SUN = '13800000001';
let server: ConsoleServer;
let browser: Browser;

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

const api = (...a: ApiArgs): Promise<{ status: number; body: any }> => server.as(...a);
const stored = async (): Promise<any> => (await api(ADMIN, 'GET', '/inquiry-settings')).body;
const unexpected = (p: TestPage): string[] => p.problems.filter((m) => !/status of (400|409)/.test(m));

async function check(t: any, p: TestPage, name: string): Promise<void> {
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `axe on ${name}`);
  t.deepEqual(unexpected(p), [], `console on ${name}`);
}

async function openSettings(p: TestPage): Promise<void> {
  await signInThroughPage(p, `${server.url}/settings/inquiries`, ADMIN);
  await p.page.waitForURL((u) => u.pathname === '/settings/inquiries');
  await p.page.locator('[data-section="levels"] [data-level="A"]').waitFor();
}

// Phone: 2 days; desk: 36 hours (the unit chosen in the screen).
const INTERVALS: Record<number, { amount: string; unit: string; minutes: number }> = {
  [PHONE.width]: { amount: '2', unit: '天', minutes: 2 * 1440 },
  [DESK.width]: { amount: '36', unit: '小时', minutes: 36 * 60 },
};

for (const size of [PHONE, DESK] as Size[]) {
  const w = size.width;

  test.serial(`[${w}] level A's interval changed; 新建咨询's 生成 uses it`, async (t) => {
    const iv = INTERVALS[w] as (typeof INTERVALS)[number];
    const p = await browser.page(size);
    await openSettings(p);
    const levels = p.page.locator('[data-section="levels"]');
    // An empty name is refused at its field, and nothing is saved.
    const before = await stored();
    await levels.getByLabel('级别名称').first().fill('');
    await levels.locator('[data-save]').click();
    await levels.getByText('级别名称不能为空，且不超过 20 个字').waitFor();
    t.is((await stored()).version, before.version);
    await check(t, p, 'inquiry-settings-refused');
    await levels.getByLabel('级别名称').first().fill('高价值');
    await levels.getByLabel('A类跟进间隔', { exact: true }).fill(iv.amount);
    await levels.getByLabel('A类跟进间隔单位').selectOption({ label: iv.unit });
    await levels.locator('[data-save]').click();
    await p.page.getByText('已保存').waitFor();
    const after = await stored();
    t.like(after.grading.levels[0], { code: 'A', name: '高价值', followUpIntervalMinutes: iv.minutes });
    t.is(after.version, before.version + 1);
    await check(t, p, 'inquiry-settings');

    await p.page.goto(`${server.url}/inquiries/new`);
    await p.page.getByRole('radio', { name: /A类/ }).click();
    await p.page.locator('[data-generate]').click();
    await p.page.waitForFunction(() => (globalThis as any).document.querySelector('input[type=datetime-local]').value !== '');
    const shown = new Date(`${await p.page.getByLabel('下次跟进时间').inputValue()}:00+08:00`).getTime();
    t.true(Math.abs(shown - (Date.now() + iv.minutes * 60_000)) < 3 * 60_000, '生成: now plus the new interval');
    const server_ = (await api(ADMIN, 'GET', '/inquiries/next-follow-up?level=A')).body.nextFollowUpAt as string;
    t.true(Math.abs(shown - new Date(server_).getTime()) < 2 * 60_000, 'the same as the server gives');
    await p.close();
  });

  test.serial(`[${w}] a 常用语 added (others moved, edited, removed) is offered by 新建跟进 at once`, async (t) => {
    const phrase = `已发送产品资料${w}-${randomInt(1e6)}`;
    const inquiry = (await api(ADMIN, 'POST', '/inquiries', {
      companyName: `常青科技${randomInt(1e6)}有限公司`, mobile: aMobile(), contactName: '常青', gender: 'female', level: 'B', source: '电销',
      propertyType: '按揭房', remark: '', nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
    })).body;
    // 新建跟进 is open first (its lists read), then 咨询设置 in the same tab, then back: no reload in between.
    const p = await browser.page(size);
    await signInThroughPage(p, `${server.url}/inquiries/${inquiry.id}/follow-up`, ADMIN);
    await p.page.locator('[data-phrases]').waitFor();
    await p.page.evaluate(() => {
      const w = globalThis as any;
      w.history.pushState({ ...w.history.state, back: w.location.pathname }, '', '/settings/inquiries');
      w.dispatchEvent(new w.PopStateEvent('popstate', { state: w.history.state }));
    });
    const section = p.page.locator('[data-section="phrases"]');
    await section.waitFor();
    const old = (await stored()).cannedPhrases as string[];
    await section.getByLabel('新增常用语').fill(phrase);
    await section.getByRole('button', { name: '添加', exact: true }).click();
    await section.getByRole('button', { name: `上移「${phrase}」` }).click();
    await section.getByRole('button', { name: `删除「${old[0]}」` }).click();
    await section.getByLabel('常用语第1项').fill(`${old[1]}。`);
    await section.locator('[data-save]').click();
    await p.page.getByText('已保存').waitFor();
    const expected = [`${old[1]}。`, ...old.slice(2, -1), phrase, old.at(-1)];
    t.deepEqual((await stored()).cannedPhrases, expected);
    await check(t, p, 'inquiry-settings-phrases');

    await p.page.goBack(); // the same document: the screen is shown again, not reloaded
    await p.page.waitForURL((u) => u.pathname === `/inquiries/${inquiry.id}/follow-up`);
    await p.page.locator('[data-phrases]').click();
    await p.page.getByRole('button', { name: phrase }).click();
    t.true((await p.page.getByLabel('跟进内容').inputValue()).includes(phrase));
    t.is(await p.page.getByRole('button', { name: old[0] as string, exact: true }).count(), 0, 'the removed one is not offered');
    await p.close();
  });
}

test.serial('a save that lost the race shows the server’s message; the other change stays', async (t) => {
  const p = await browser.page(DESK);
  await openSettings(p);
  const cur = await stored();
  const sources = [...cur.dictionaries.sources, `展会${randomInt(1e6)}`];
  t.is((await api(ADMIN, 'PATCH', '/inquiry-settings', { version: cur.version, dictionaries: { sources } })).status, 200);
  const pools = p.page.locator('[data-section="pools"]');
  await pools.locator('[data-pool="inquiry"]').getByLabel('领取上限（条）').fill('30');
  await pools.locator('[data-save]').click();
  await pools.locator('[data-problem]').getByText('数据已被他人修改，请刷新后重试').waitFor();
  const now = await stored();
  t.deepEqual([now.dictionaries.sources, now.pools.inquiry.maxHoldings], [sources, cur.pools.inquiry.maxHoldings]);
  await check(t, p, 'inquiry-settings-conflict');
  // After reloading, the same change goes through.
  await p.page.reload();
  await pools.locator('[data-pool="inquiry"]').getByLabel('领取上限（条）').fill('30');
  await pools.locator('[data-save]').click();
  await p.page.getByText('已保存').waitFor();
  t.is((await stored()).pools.inquiry.maxHoldings, 30);
  await p.close();
});

test.serial('工作时间 and 查重: end before start refused at its field; the window, workdays and a holiday saved; duplicates allowed', async (t) => {
  const p = await browser.page(PHONE);
  await openSettings(p);
  const hours = p.page.locator('[data-section="working-hours"]');
  await hours.locator('[data-hours-on]').click();
  await hours.getByLabel('上班时间').fill('09:30');
  await hours.getByLabel('下班时间').fill('08:00');
  await hours.locator('[data-save]').click();
  await hours.getByText('下班时间应晚于上班时间').waitFor();
  t.is((await stored()).grading.workingHours, null, 'nothing saved');
  await hours.getByLabel('下班时间').fill('17:30');
  await hours.getByRole('checkbox', { name: '周六' }).click();
  const holiday = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await hours.getByLabel('新增节假日').fill(holiday);
  await hours.getByRole('button', { name: '添加', exact: true }).first().click();
  await hours.locator('[data-save]').click();
  await p.page.getByText('已保存').waitFor();
  t.deepEqual((await stored()).grading.workingHours, { start: '09:30', end: '17:30', workdays: [1, 2, 3, 4, 5, 6], holidays: [holiday], extraWorkdays: [] });
  await check(t, p, 'inquiry-settings-hours');

  const dup = p.page.locator('[data-section="duplicates"]');
  // The hours' 已保存 may still show: the switch's own confirmation is the next one.
  await p.page.locator('.van-toast').first().waitFor({ state: 'hidden' });
  await dup.locator('[data-allow-duplicates]').click();
  await p.page.getByText('已保存').waitFor();
  t.is((await stored()).allowDuplicateMobiles, true);
  await p.close();
});

test.serial('公海规则 per level: a pool recycles after its own days or never; 0 days refused at its row', async (t) => {
  const p = await browser.page(DESK);
  await openSettings(p);
  const pools = p.page.locator('[data-section="pools"]');
  const inquiryA = pools.locator('[data-pool="inquiry"] [data-own="noFollowUpDays-A"]');
  t.is(await inquiryA.getByRole('combobox').inputValue(), 'level');
  t.true((await inquiryA.getByRole('combobox').innerText()).includes('同级别设置（15天）'));
  await inquiryA.getByRole('combobox').selectOption('days');
  await inquiryA.getByLabel('咨询公海A类未跟进回收天数').fill('0');
  await pools.locator('[data-pool="customer"] [data-own="overdueDays-B"]').getByRole('combobox').selectOption('never');
  await pools.locator('[data-save]').click();
  await inquiryA.getByText('回收天数应为正整数，或留空表示不回收').waitFor();
  await check(t, p, 'inquiry-settings-pool-days-refused');
  await inquiryA.getByLabel('咨询公海A类未跟进回收天数').fill('20');
  await pools.locator('[data-save]').click();
  await p.page.getByText('已保存').waitFor();
  const s = await stored();
  t.deepEqual([s.pools.inquiry.noFollowUpDays, s.pools.inquiry.overdueDays, s.pools.customer.noFollowUpDays, s.pools.customer.overdueDays], [{ A: 20 }, {}, {}, { B: null }]);
  await p.close();
});

test.serial('孙露露 (sales): 没有权限 at /settings/inquiries, and the API refuses her change', async (t) => {
  const p = await browser.page(PHONE);
  await signInThroughPage(p, `${server.url}/settings/inquiries`, SUN);
  await p.page.getByText('没有权限').waitFor();
  const r = await api(SUN, 'PUT', '/inquiry-settings/canned-phrases', { version: (await stored()).version, phrases: ['偷改'] });
  t.is(r.status, 403);
  t.deepEqual(p.problems, []);
  t.deepEqual(await p.axe(), []);
  await p.close();
});
