// 发票管理's .xlsx export: 孙露露 filters the list to 草稿 and taps 导出; the download (through the session
// cookie) is a workbook with the export's Chinese headers and exactly the invoices the API lists under that
// filter, her new draft among them. Setup (an approved receipt and a draft invoice) through the API.
import test from 'ava';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { consoleServer, signInThroughPage, type ConsoleServer } from '../support/console-server.js';
import { launchBrowser, PHONE, DESK, type Browser, type Size } from '../support/browser.js';
import { aMobile } from '../support/tenant.js';
import { aCompany } from '../adapters/orders/order-builders.js';
import { PDF_MINIMAL } from '../core/files/samples.js';
import { INVOICE_SHEET } from '../../core/invoices/invoice-export.js';

let server: ConsoleServer;
let browser: Browser;
const SUN = '13800000001';
const ZHAO = '13800000004';
const QIAN = '13800000005';

test.before(async () => {
  server = await consoleServer();
  browser = await launchBrowser();
});
test.after.always(async () => {
  await browser?.close();
  await server?.close();
});

async function must(who: string, method: string, path: string, body?: unknown, extra: { raw?: Buffer; headers?: Record<string, string> } = {}): Promise<any> {
  const r = await server.call(method, `/api/v1${path}`, { token: await server.token(who), ...(body === undefined ? {} : { body }), ...extra });
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A draft invoice of 孙露露's for an approved receipt of a new order; its buyer is the company. */
async function aDraftInvoice(amountFen: number): Promise<string> {
  const company = aCompany('云舟开票');
  const inquiry = await must(SUN, 'POST', '/inquiries', {
    companyName: company, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '导出测试',
    nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const order = await must(SUN, 'POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' });
  const receivedOn = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const version = async () => (await must(SUN, 'GET', `/orders/${order.id}`)).order.version;
  await must(SUN, 'PUT', `/orders/${order.id}/contract`, {
    version: await version(), number: `HT-${order.id.slice(0, 8)}`, amountFen, signedOn: receivedOn, customerParty: company, firmParty: '大鑫金服',
  });
  await must(SUN, 'POST', `/files?${new URLSearchParams({ subjectType: 'order', subjectId: order.id, kind: 'contract_scan', fileName: '服务合同.pdf' })}`, undefined,
    { raw: PDF_MINIMAL, headers: { 'content-type': 'application/pdf' } });
  await must(SUN, 'POST', `/orders/${order.id}/contract/confirm`, { version: await version() });
  await must(SUN, 'PUT', `/orders/${order.id}/collection-plan`, { version: 0, spec: { method: 'equal', count: 1, firstDueOn: receivedOn } });
  const r = await must(SUN, 'POST', '/receipts', {
    orderId: order.id, receivedOn, amountFen, paymentMethod: '转账', payer: company, type: '服务费', invoiceWanted: true, invoiceKind: 'normal', submit: true,
  }, { headers: { 'Idempotency-Key': `export-test-${order.id}` } });
  const receiptId = r.receipt?.id ?? r.id;
  const approval = (await must(ZHAO, 'GET', `/approvals?businessType=receipt&businessId=${receiptId}`)).items[0];
  for (const who of [ZHAO, QIAN]) {
    const view = await must(who, 'GET', `/approvals/${approval.id}`);
    await must(who, 'POST', `/approvals/${approval.id}/decide`, { taskId: view.myOpenTaskIds[0], decision: 'approve', opinion: '同意' });
  }
  await must(SUN, 'POST', '/invoices', { orderId: order.id, receiptIds: [receiptId] });
  return company;
}

for (const size of [PHONE, DESK] as Size[]) {
  test.serial(`[${size.width}] 发票管理 filtered to 草稿 exports those invoices as .xlsx with Chinese headers`, async (t) => {
    const company = await aDraftInvoice(300_000);
    const listed = await must(SUN, 'GET', '/invoices?state=draft&withTotal=true&limit=100');
    const all = await must(SUN, 'GET', '/invoices?withTotal=true&limit=1');
    t.true(all.total > listed.total, 'she sees invoices the filter leaves out (the demo\'s issued ones)');
    const p = await browser.page(size);
    await signInThroughPage(p, `${server.url}/invoices`, SUN);
    await p.page.locator('[data-total]').waitFor();
    await p.page.locator('[data-filter="state"]').selectOption({ label: '草稿' });
    await p.page.waitForURL(/\?state=draft$/);
    await p.page.locator('[data-total]').filter({ hasText: `共${listed.total}条` }).waitFor();
    await p.page.waitForLoadState('networkidle');
    t.deepEqual(p.problems, []);
    t.deepEqual(await p.axe(), []);
    await p.screenshot(`invoices-export-${size.width}`);

    const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.getByRole('link', { name: '导出', exact: true }).click()]);
    t.is(download.suggestedFilename(), '发票.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    t.deepEqual(rows[0], INVOICE_SHEET.columns.map((c) => c.header), 'Chinese headers');
    const at = (header: string) => INVOICE_SHEET.columns.findIndex((c) => c.header === header);
    t.is(rows.length - 1, listed.total, 'the rows the filter lists');
    t.true(rows.slice(1).every((r) => r[at('状态')] === '草稿'), 'only drafts');
    t.true(rows.slice(1).some((r) => r[at('购买方')] === company), 'her new draft');
    await p.close();
  });
}
