// 提成 in the console, as the people who use it. 赵财务 sets up the firm's first scheme on a phone (a split that
// does not add up to 100 % refused at its field, then saved: 销售 3 % to ¥100,000 and 4 % above, the head's
// override 0.5 %); at a desk he plans a second version (copied from the first, effective tomorrow) and withdraws
// it. A receipt of ¥10,000 on 孙露露's order is confirmed (through the API): her home screen shows ¥300 for the
// month (70 % and 30 % of the receipt at 3 %, she both owns the order and brought the inquiry), 王经理 the ¥50
// override and his team's ¥350. Next month 钱运营 draws up the department's statements, adjusts 孙露露's with a
// reason (none is refused), submits it; 赵财务 approves it on the approval screen, which shows whose month and
// its totals, locks it and downloads it as .xlsx and PDF (the department's summary too, both ways). 孙露露 may not add a version: 没有权限, and the server
// refuses her too.
import test from 'ava';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { consoleBackend, consoleServer, signInThroughPage, type ConsoleServer, type ApiArgs } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type TestPage } from '../support/browser.js';
import { ShiftedClock } from '../support/crm.js';
import { aMobile } from '../support/tenant.js';
import { PDF_MINIMAL } from '../core/files/samples.js';
import { aCompany } from '../adapters/orders/order-builders.js';
import { pdfText } from '../adapters/pdf/pdf-tools.js';

const V = '/api/v1';
const ADMIN = '13800000000';
const SUN = '13800000001';
const MANAGER = '13800000002';
const FINANCE = '13800000004';
const OPERATIONS = '13800000005';
const clock = new ShiftedClock();
let server: ConsoleServer;
let browser: Browser;

test.before(async () => {
  server = await consoleServer({}, consoleBackend(), clock);
  browser = await launchBrowser();
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

const api = (...a: ApiArgs): Promise<any> => server.must(...a);

/** The server's day (its clock may have been sent into next month), as 'YYYY-MM-DD' in the firm's time zone. */
const inDays = (n: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(clock.now().getTime() + n * 86_400_000));

/** An order of 孙露露's (she recorded the inquiry too) with a confirmed contract and a one-instalment plan. */
async function anOrderOwing(amountFen: number): Promise<string> {
  const company = aCompany('提成测试');
  const inquiry = await api(SUN, 'POST', '/inquiries', {
    companyName: company, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '提成测试',
    nextFollowUpAt: new Date(clock.now().getTime() + 86_400_000).toISOString(),
  });
  const order = await api(SUN, 'POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' });
  const saved = await api(SUN, 'PUT', `/orders/${order.id}/contract`, {
    version: order.version, number: `HT-${order.id.slice(0, 8)}`, amountFen, signedOn: inDays(0), customerParty: company, firmParty: '大鑫金服',
  });
  await api(SUN, 'POST', `/files?${new URLSearchParams({ subjectType: 'order', subjectId: order.id, kind: 'contract_scan', fileName: '服务合同.pdf' })}`, undefined, PDF_MINIMAL);
  await api(SUN, 'POST', `/orders/${order.id}/contract/confirm`, { version: saved.version });
  await api(SUN, 'PUT', `/orders/${order.id}/collection-plan`, { version: 0, spec: { method: 'equal', count: 1, firstDueOn: inDays(10) } });
  return order.id as string;
}

/** Decides the person's open task on a record through the API. */
async function approve(mobile: string, businessId: string): Promise<void> {
  const tasks = await api(mobile, 'GET', '/approval-tasks?limit=100');
  const task = tasks.items.find((x: { businessId: string }) => x.businessId === businessId);
  if (!task) throw new Error(`${mobile} has no task on ${businessId}`);
  await api(mobile, 'POST', `/approvals/${task.instanceId}/decide`, { taskId: task.taskId, decision: 'approve', opinion: '同意' });
}

async function signIn(p: TestPage, path: string, mobile: string): Promise<void> {
  await signInThroughPage(p, server.url + path, mobile);
  await p.page.waitForURL(server.url + path);
}

/** Refusals the test provokes on purpose show as failed requests in the console. */
const unexpected = (p: TestPage, expected: RegExp[]): string[] => p.problems.filter((m) => !expected.some((e) => e.test(m)));

async function look(t: any, p: TestPage, name: string, expected: RegExp[] = []): Promise<void> {
  await p.page.waitForLoadState('networkidle');
  await p.screenshot(name);
  t.deepEqual(await p.axe(), [], `${name}: axe`);
  t.deepEqual(unexpected(p, expected), [], `${name}: console`);
}

const field = (p: TestPage, name: string) => p.page.locator('.van-field', { has: p.page.locator(`[name="${name}"]`) });
const text = async (p: TestPage, selector: string): Promise<string> => (await p.page.locator(selector).first().innerText()).trim();

test.serial('[390] 赵财务 sets up the first scheme: a split not adding up to 100 % is refused at its field, then saved and in force', async (t) => {
  const p = await browser.page(PHONE);
  await signIn(p, '/', FINANCE);
  await p.page.locator('[data-module="commissions"]').click();
  await p.page.waitForURL((u) => u.pathname === '/commissions');
  await p.page.locator('[data-link="scheme"]').click();
  await p.page.locator('[data-no-scheme]').waitFor();
  await look(t, p, 'commissions-scheme-empty');

  await p.page.locator('[data-new-version]').click();
  await p.page.waitForURL((u) => u.pathname === '/commissions/scheme/new');
  const today = (await api(FINANCE, 'GET', '/commission-scheme')).today as string;
  t.is(await p.page.locator('[data-field="effectiveFrom"]').inputValue(), today, 'the first version may start today');
  await p.page.locator('[name="ownerShare"]').fill('70');
  await p.page.locator('[name="sourceShare"]').fill('20');
  t.regex(await text(p, '[data-split-sum]'), /合计 90%/, 'the sum as typed');
  await p.page.locator('[name="rule-0-role"]').selectOption('sales');
  await p.page.locator('[name="rule-0-tier-0-rate"]').fill('3');
  await p.page.getByRole('button', { name: '加一档' }).click();
  await p.page.locator('[name="rule-0-tier-1-from"]').fill('100,000');
  await p.page.locator('[name="rule-0-tier-1-rate"]').fill('4');
  await p.page.locator('[data-add-override]').click();
  await p.page.locator('[name="override-0-rate"]').fill('0.5');
  await p.page.locator('[data-save]').click();
  await field(p, 'sourceShare').getByText('负责人与来源的分配比例之和须正好为 100%').waitFor();
  t.deepEqual((await api(FINANCE, 'GET', '/commission-scheme')).versions, [], 'nothing saved while the split is wrong');
  await look(t, p, 'commissions-scheme-refused', [/status of 400/]);

  await p.page.locator('[name="sourceShare"]').fill('30');
  t.regex(await text(p, '[data-split-sum]'), /合计 100%/);
  await p.page.locator('[data-save]').click();
  await p.page.waitForURL((u) => u.pathname === '/commissions/scheme');
  await p.page.locator('[data-version="1"] [data-state]').getByText('当前生效').waitFor();
  const scheme = await api(FINANCE, 'GET', '/commission-scheme');
  t.is(scheme.current, 1);
  t.like(scheme.versions[0], {
    version: 1, effectiveFrom: today, tierMode: 'whole', split: { ownerShare: '70', sourceShare: '30' },
    rules: [{ roleCode: 'sales', categoryCode: '*', tiers: [{ fromFen: 0, rate: '3' }, { fromFen: 10_000_000, rate: '4' }] }],
    overrides: [{ categoryCode: '*', rate: '0.5' }],
  });
  t.regex(await text(p, '[data-version="1"] [data-rule="sales:*"]'), /销售 · 全部\s*3%\s*100,000元起 4%/);
  await look(t, p, 'commissions-scheme', [/status of 400/]); // the refusal above, on the same page
  await p.close();
});

test.serial('[1280] 赵财务 plans version 2 from tomorrow (copied from version 1), sees it upcoming, and withdraws it', async (t) => {
  const p = await browser.page(DESK);
  await signIn(p, '/commissions/scheme/new', FINANCE);
  const { today } = await api(FINANCE, 'GET', '/commission-scheme');
  await p.page.locator('[name="rule-0-tier-0-rate"]').waitFor();
  t.is(await p.page.locator('[name="ownerShare"]').inputValue(), '70', 'copied from version 1');
  t.is(await p.page.locator('[name="rule-0-tier-1-from"]').inputValue(), '100,000');
  t.true((await p.page.locator('[data-field="effectiveFrom"]').inputValue()) > today, 'effective tomorrow at the earliest');
  await p.page.locator('[name="rule-0-tier-0-rate"]').fill('3.5');
  await look(t, p, 'commissions-scheme-version');
  await p.page.locator('[data-save]').click();
  await p.page.waitForURL((u) => u.pathname === '/commissions/scheme');
  await p.page.locator('[data-version="2"] [data-state]').getByText('待生效').waitFor();
  t.is(await text(p, '[data-version="1"] [data-state]'), '当前生效');
  t.is((await api(FINANCE, 'GET', '/commission-scheme')).versions[1].rules[0].tiers[0].rate, '3.5');
  await look(t, p, 'commissions-scheme-two');

  await p.page.locator('[data-version="2"] [data-withdraw]').click();
  await p.page.locator('[data-withdraw-confirm]').click();
  await p.page.locator('[data-version="2"]').waitFor({ state: 'detached' });
  t.deepEqual((await api(FINANCE, 'GET', '/commission-scheme')).versions.map((v: { version: number }) => v.version), [1]);
  await p.close();
});

let receiptMonth = '';

test.serial('[390] a confirmed receipt of ¥10,000: 孙露露 sees ¥300 on her home screen; 王经理 his ¥50 override and the team\'s ¥350', async (t) => {
  const orderId = await anOrderOwing(1_000_000);
  const r = await server.call('POST', `${V}/receipts`, {
    token: await server.token(SUN),
    body: { orderId, receivedOn: inDays(0), amountFen: 1_000_000, paymentMethod: '转账', payer: '付款公司', type: '服务费', invoiceWanted: false, submit: true },
  });
  t.is(r.status, 201, JSON.stringify(r.body));
  await approve(FINANCE, r.body.id);
  await approve(OPERATIONS, r.body.id);
  const mine = await api(SUN, 'GET', '/commissions/running');
  t.like(mine, { earnedFen: 30_000, projectedFen: 30_000, creditedFen: 1_000_000, lineCount: 1 });
  receiptMonth = mine.month;

  const sun = await browser.page(PHONE);
  await signIn(sun, '/', SUN);
  await sun.page.locator('[data-running] [data-figure="projected"]').getByText('¥300').waitFor();
  t.is(await text(sun, '[data-running] [data-figure="credited"]'), '¥10,000');
  t.is(await sun.page.locator('[data-team-running]').count(), 0, 'a sales person sees her own figure only');
  await look(t, sun, 'commissions-home');
  await sun.page.locator('[data-running] a').click();
  await sun.page.waitForURL((u) => u.pathname === '/commissions');
  await sun.page.locator('[data-field="lineCount"]').getByText('1笔').waitFor();
  t.is(await text(sun, '[data-figure="projected"]'), '300');
  t.is(await text(sun, '[data-field="earned"]'), '300');
  t.is(await sun.page.locator('[data-link="scheme"]').count(), 1, 'finance.read reads the scheme');
  await look(t, sun, 'commissions-mine');
  await sun.close();

  const wang = await browser.page(DESK);
  await signIn(wang, '/', MANAGER);
  await wang.page.locator('[data-running] [data-figure="projected"]').getByText('¥50').waitFor();
  t.is(await text(wang, '[data-running] [data-figure="team"]'), '¥350');
  await wang.page.locator('[data-module="commissions"]').click();
  await wang.page.locator('[data-table="commission-running"] tbody tr').first().waitFor();
  t.deepEqual(
    (await wang.page.locator('[data-table="commission-running"] tbody tr td:first-child').allInnerTexts()).map((x) => x.trim()).sort(),
    ['孙露露', '王经理'].sort(),
  );
  t.is(await text(wang, '[data-figure="team-earned"]'), '350');
  await look(t, wang, 'commissions-team');
  await wang.close();
});

test.serial('[1280] next month: 钱运营 draws up, adjusts with a reason and submits; 赵财务 approves on the approval screen, locks and exports', async (t) => {
  t.truthy(receiptMonth, 'the receipt of the test before');
  const [y, m] = receiptMonth.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  clock.jumpTo(new Date(`${next}-02T10:00:00+08:00`)); // the month is over: its statements may be submitted
  const flows = await api(ADMIN, 'GET', '/approval-flows');
  if (!flows.items.some((f: { businessType: string }) => f.businessType === 'commission_statement')) {
    await api(ADMIN, 'POST', '/approval-flows', {
      businessType: 'commission_statement', name: '提成审批', noApproverRule: 'admin',
      nodes: [{ key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }],
    });
  }

  const qian = await browser.page(DESK);
  await signIn(qian, '/commissions/statements', OPERATIONS);
  await qian.page.waitForURL((u) => u.searchParams.get('month') === receiptMonth);
  t.is(await qian.page.locator('[data-month]').inputValue(), receiptMonth, 'the month just ended');
  const newMedia = (await api(OPERATIONS, 'GET', '/departments')).items.find((d: { name: string }) => d.name === '三：新媒体运营中心');
  await qian.page.locator('[data-department]').selectOption(newMedia.id);
  await qian.page.locator('[data-draw]').click();
  await qian.page.locator('[data-table="commission-statements"] tbody tr').nth(1).waitFor();
  t.is(await text(qian, '[data-department-totals] [data-figure="total"]'), '350');
  t.regex(await text(qian, '[data-status-counts]'), /草稿2/);
  await look(t, qian, 'commissions-statements');
  const [summary] = await Promise.all([qian.page.waitForEvent('download'), qian.page.locator('[data-export="department"]').click()]);
  t.is(summary.suggestedFilename(), `部门提成汇总_${receiptMonth}_三：新媒体运营中心.xlsx`);
  const sheet = new ExcelJS.Workbook();
  await sheet.xlsx.load((await readFile(await summary.path())) as unknown as ArrayBuffer);
  const summaryCells = sheet.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
  t.true(summaryCells.includes('孙露露') && summaryCells.includes('王经理'), 'both people in the department summary');
  const [summaryPdf] = await Promise.all([qian.page.waitForEvent('download'), qian.page.locator('[data-export="department-pdf"]').click()]);
  t.is(summaryPdf.suggestedFilename(), `部门提成汇总_${receiptMonth}_三：新媒体运营中心.pdf`);
  const summaryText = pdfText(await readFile(await summaryPdf.path()));
  for (const s of ['部门提成汇总', '三：新媒体运营中心', '孙露露', '王经理', '草稿']) t.true(summaryText.includes(s), s);
  t.regex(summaryText.split('\n').find((l) => l.trimStart().startsWith('合计')) ?? '', /350\.00\s*$/, 'the department total');
  // On a phone the two exports sit side by side under the department's figures.
  const phone = await browser.page(PHONE);
  await signIn(phone, `/commissions/statements?month=${receiptMonth}&departmentId=${newMedia.id}`, OPERATIONS);
  await phone.page.locator('[data-export="department-pdf"]').waitFor();
  t.true(await phone.page.locator('[data-export="department"]').isVisible());
  await look(t, phone, 'commissions-statements-phone');
  await phone.close();

  await qian.page.locator('[data-table="commission-statements"] tbody tr', { hasText: '孙露露' }).click();
  await qian.page.waitForURL(/\/commissions\/statements\/[0-9a-f-]{36}$/);
  const id = qian.page.url().split('/').pop() as string;
  await qian.page.locator('[data-figure="total"]').getByText('300').waitFor();
  t.is(await qian.page.locator('[data-table="commission-lines"] tbody tr[data-kind="accrual"]').count(), 1);
  t.is(await text(qian, '[data-field="status"]'), '草稿');

  // 调整: a reason is required (nothing changes without one), then −¥50 with its reason.
  await qian.page.locator('[name="amount"]').fill('-50');
  await qian.page.locator('[data-adjust]').click();
  await field(qian, 'reason').locator('.van-field__error-message').waitFor();
  t.is((await api(OPERATIONS, 'GET', `/commission-statements/${id}`)).adjustments.length, 0, 'nothing added without a reason');
  await qian.page.locator('[name="reason"]').fill('资料不全，扣减');
  await qian.page.locator('[data-adjust]').click();
  await qian.page.locator('[data-figure="total"]').getByText('250').waitFor();
  t.like(await api(OPERATIONS, 'GET', `/commission-statements/${id}`), { totals: { adjustmentFen: -5_000, totalFen: 25_000 }, adjustments: [{ amountFen: -5_000, reason: '资料不全，扣减' }] });
  await look(t, qian, 'commissions-statement-draft', [/status of 400/]);

  await qian.page.locator('[data-submit]').click();
  await qian.page.locator('[data-field="status"]').getByText('已提交').waitFor();
  await qian.page.locator('[data-approval] [data-status="pending"]').waitFor();
  t.is(await qian.page.locator('[data-adjust]').count(), 0, 'a submitted statement is not adjusted');
  await look(t, qian, 'commissions-statement-submitted', [/status of 400/]); // the refusal above, on the same page
  await qian.close();

  // 赵财务 decides on the approval screen, which says whose month it is and what it pays.
  const zhao = await browser.page(PHONE);
  const approval = (await api(FINANCE, 'GET', '/approval-tasks?limit=100')).items.find((x: { businessId: string }) => x.businessId === id);
  t.truthy(approval, 'a task for finance');
  await signIn(zhao, `/approvals/${approval.instanceId}`, FINANCE);
  await zhao.page.locator('[data-business] [data-field="person"]').getByText('孙露露（三：新媒体运营中心）').waitFor();
  t.is(await text(zhao, '[data-business] [data-field="month"]'), receiptMonth);
  t.is(await text(zhao, '[data-business] [data-field="amount"]'), '250');
  t.regex(await text(zhao, '[data-business] [data-field="adjustment"]'), /-50（资料不全，扣减）/);
  await look(t, zhao, 'commissions-approval');
  await zhao.page.locator('[data-act="approve"]').click();
  await zhao.page.locator('[data-field="instance-status"]').getByText('已通过').waitFor();
  t.is((await api(FINANCE, 'GET', `/commission-statements/${id}`)).status, 'approved');

  await zhao.page.locator('[data-open-business]').click();
  await zhao.page.waitForURL((u) => u.pathname === `/commissions/statements/${id}`);
  await zhao.page.locator('[data-lock]').click();
  await zhao.page.locator('[data-lock-confirm]').click();
  await zhao.page.locator('[data-field="status"]').getByText('已锁定').waitFor();
  t.is((await api(FINANCE, 'GET', `/commission-statements/${id}`)).status, 'locked');
  await look(t, zhao, 'commissions-statement-locked');

  // The exports: an .xlsx with Chinese headers and the PDF, through the session cookie.
  const [xlsx] = await Promise.all([zhao.page.waitForEvent('download'), zhao.page.locator('[data-export="xlsx"]').click()]);
  t.is(xlsx.suggestedFilename(), `提成月结单_${receiptMonth}_孙露露.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await xlsx.path())) as unknown as ArrayBuffer);
  const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
  t.true(['日期', '类型', '计提基数（元）', '提成金额（元）'].every((h) => cells.includes(h)), 'Chinese headers');
  t.true(cells.includes('资料不全，扣减'), 'the adjustment with its reason');
  const [pdf] = await Promise.all([zhao.page.waitForEvent('download'), zhao.page.locator('[data-export="pdf"]').click()]);
  t.regex(pdf.suggestedFilename(), /\.pdf$/);
  t.is((await readFile(await pdf.path())).subarray(0, 5).toString(), '%PDF-');
  await zhao.close();
});

test.serial('[390] 孙露露 may not add a scheme version: 没有权限, and the server refuses her', async (t) => {
  const p = await browser.page(PHONE);
  await signInThroughPage(p, `${server.url}/commissions/scheme/new`, SUN);
  await p.page.waitForURL((u) => u.pathname === '/forbidden');
  const r = await server.call('POST', `${V}/commission-scheme/versions`, {
    token: await server.token(SUN),
    body: { version: 2, effectiveFrom: inDays(30), split: { ownerShare: '100', sourceShare: '0' }, rules: [{ roleCode: '*', categoryCode: '*', tiers: [{ fromFen: 0, rate: '50' }] }] },
  });
  t.is(r.status, 403);
  t.deepEqual((await api(FINANCE, 'GET', '/commission-scheme')).versions.map((v: { version: number }) => v.version), [1], 'nothing added');
  await p.close();
});
