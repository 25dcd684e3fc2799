// 业绩目标 and 资料清单 in the console, in a real browser at phone and desk sizes: 王经理 sets 孙露露's monthly
// 回款金额 target, and 孙露露's home shows her own 完成率; the administrator gives 税E贷 a checklist with a
// blocking 征信报告 (30 days) (and 快贷 at desk size) and sets the firm's 资料到期提醒提前天数 (0 refused); 孙露露 uploads a report on her order's 资料清单, marks it with its date and sees
// the document collected. Set-up and checks go through the API; the screens do the rest.
import test from 'ava';
import { randomInt } from 'node:crypto';
import { consoleServer, DEMO_PASSWORD, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { localDate } from '../../core/shared/zoned-time.js';

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

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

async function person(mobile: string): Promise<{ id: string; call: (method: string, path: string, body?: unknown) => Promise<any> }> {
  const login = await server.call('POST', '/api/v1/auth/login', { body: { mobile, password: DEMO_PASSWORD } });
  const token = login.body.token as string;
  return {
    id: login.body.user.id as string,
    async call(method, path, body) {
      const r = await server.call(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
      if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
  };
}

const month = (): string => localDate(new Date(), 'Asia/Shanghai').slice(0, 7);

for (const size of [PHONE, DESK] as Size[]) {
  const tag = size === PHONE ? 'phone' : 'desk';

  test.serial(`[${tag}] 王经理 sets 孙露露's monthly target; her home shows her own 完成率`, async (t) => {
    const sun = await person('13800000001');
    const amount = randomInt(1_000, 9_000) * 100; // whole yuan, in fen
    const p = await browser.page(size);
    await signInThroughPage(p, `${server.url}/targets`, '13800000002');
    const { page } = p;
    const field = page.locator(`[data-subject="${sun.id}"] input[name="${sun.id}-collected"]`);
    await field.waitFor();
    await field.fill(String(amount / 100));
    await p.screenshot(`targets-${tag}`);
    await page.locator('[data-save]').click();
    await page.getByText('目标已保存').waitFor();
    const board = await sun.call('GET', `/targets?period=${month()}`);
    t.is(board.rows[0].targets.collected.setFen, amount);
    // A bad amount is refused on the screen, nothing sent.
    await field.fill('-5');
    t.true(await page.locator('[data-save]').isDisabled());
    t.deepEqual(p.problems, []);
    await p.close();

    const home = await browser.page(size);
    await signInThroughPage(home, `${server.url}/`, '13800000001');
    const mine = home.page.locator('[data-mine="collected"]');
    await mine.waitFor();
    const expected = (await sun.call('GET', '/briefing/mine?period=month')).attainment.collected.attainment.text as string;
    t.regex(await mine.innerText(), new RegExp(expected.replace('.', '\\.')));
    await home.page.locator('[data-figure="collected"]').waitFor();
    await home.screenshot(`home-attainment-${tag}`);
    t.deepEqual(home.problems, []);
    await home.close();
  });

  test.serial(`[${tag}] a product's checklist, then an order's: upload, mark with its date, collected`, async (t) => {
    const admin = await person('13800000000');
    const sun = await person('13800000001');
    const name = size === PHONE ? '税E贷' : '快贷'; // one product per run: a name is listed once
    const product = (await admin.call('GET', `/products?keyword=${encodeURIComponent(name)}&limit=5`)).items.find((x: any) => x.name === name);
    const p = await browser.page(size);
    await signInThroughPage(p, `${server.url}/products/${product.id}/checklist`, '13800000000');
    const { page } = p;
    await page.locator('[data-row="0"]').waitFor();
    const before = await admin.call('GET', `/products/${product.id}/checklist`);
    await page.locator('[data-add]').click();
    const i = before.documents.length;
    await page.locator(`input[name="document-${i}"]`).fill('征信报告');
    await page.locator(`input[name="document-${i}"]`).blur(); // suggests 30 days from its date
    t.is(await page.locator(`select[name="kind-${i}"]`).inputValue(), 'days_from_document_date');
    await p.screenshot(`product-checklist-${tag}`);
    await page.locator('[data-save]').click();
    await page.getByText('资料清单已保存').waitFor();
    const saved = await admin.call('GET', `/products/${product.id}/checklist`);
    t.deepEqual(saved.documents.find((d: any) => d.document === '征信报告'), { document: '征信报告', validity: { kind: 'days_from_document_date', days: 30 }, blocksSubmission: true });

    // The firm's 资料到期提醒提前天数 below: 0 is refused beside the field, nothing saved; then it saves.
    const notice = size === PHONE ? 14 : 21;
    const setting = await admin.call('GET', '/checklist-settings');
    await page.locator('input[name="reminderDaysBefore"]').fill('0');
    await page.locator('[data-save-reminder]').click();
    await page.locator('[data-reminder] .van-field__error-message').waitFor();
    t.deepEqual(await admin.call('GET', '/checklist-settings'), setting);
    await page.locator('input[name="reminderDaysBefore"]').fill(String(notice));
    await page.locator('[data-save-reminder]').click();
    await page.getByText('提醒天数已保存').waitFor();
    t.deepEqual(await admin.call('GET', '/checklist-settings'), { reminderDaysBefore: notice, version: setting.version + 1 });
    // The refusal of 0 is the only console problem.
    t.deepEqual(p.problems.filter((x) => !/status of 400/.test(x)), []);
    await p.close();

    // 孙露露's order with 税E贷 chosen.
    const inquiry = await sun.call('POST', '/inquiries', { companyName: `云杉科技${randomInt(1e6, 1e7)}有限公司`, mobile: aMobile(), contactName: '郑杉', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '税贷',
      nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const orderId = (await sun.call('POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' })).id as string;
    await sun.call('PUT', `/orders/${orderId}/product-lines`, { version: 0, lines: [{ productId: product.id }] });

    const o = await browser.page(size);
    await signInThroughPage(o, `${server.url}/orders/${orderId}/checklist`, '13800000001');
    const doc = o.page.locator('[data-document="征信报告"]');
    await doc.waitFor();
    t.is(await doc.getAttribute('data-state'), 'missing');
    await o.page.locator('input[type="file"]').setInputFiles({ name: '征信报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    const file = o.page.locator('[data-file-id]').first();
    await file.waitFor();
    await file.locator('[data-mark-file]').click();
    const dialog = o.page.locator('[data-mark-dialog]');
    await dialog.locator('select[name="document"]').selectOption('征信报告');
    await dialog.locator('input[name="documentDate"]').fill(localDate(new Date(Date.now() - 3 * 86_400_000), 'Asia/Shanghai'));
    await o.screenshot(`order-checklist-mark-${tag}`);
    await dialog.getByRole('button', { name: '确定' }).click();
    await o.page.locator('[data-document="征信报告"][data-state="collected"]').waitFor();
    await o.page.locator('[data-mark="征信报告"]').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await o.page.getByText('已标记').waitFor({ state: 'hidden' });
    await o.screenshot(`order-checklist-${tag}`);
    const view = await sun.call('GET', `/orders/${orderId}/checklist`);
    t.is(view.products[0].documents.find((d: any) => d.document === '征信报告').state, 'collected');
    t.deepEqual(o.problems, []);
    await o.close();
  });
}
