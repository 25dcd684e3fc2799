// 提成 through HTTP: the scheme's versions (bad input 400 with nothing changed), a confirmed receipt's lines and
// the running figure, a statement adjusted, submitted and approved through /approvals, locked, exported as
// .xlsx (Chinese headers) and PDF; another firm gets 404 and a 销售 sees only their own commission.
import test from 'ava';
import ExcelJS from 'exceljs';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { testCrm } from '../support/crm.js';
import { aFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { pdfText } from '../adapters/pdf/pdf-tools.js';
import { TickingClock, anApprovedReceipt, anOrderWithPlan } from '../adapters/collections/builders.js';
import { aCommissionFirm, SCHEME } from '../adapters/commissions/builders.js';

let crm: Crm;
let api: TestServer;
const clock = new TickingClock();
test.before(async () => {
  crm = await testCrm('pglite', { clock });
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

async function download(path: string, token: string): Promise<{ status: number; type: string; body: Buffer }> {
  const res = await fetch(`${api.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

test.serial('the scheme grows by versions; bad versions are 400 problems and change nothing', async (t) => {
  clock.set('2026-11-26T08:00:00Z');
  const f = await aCommissionFirm(crm);
  const token = f.finance.token;
  let scheme = await api.call('GET', '/api/v1/commission-scheme', { token });
  t.is(scheme.status, 200);
  t.like(scheme.body, { current: 1, nextVersion: 2, today: '2026-11-26' });
  for (const body of [
    { ...SCHEME, version: 2, effectiveFrom: '2026-11-26' }, // not after today
    { ...SCHEME, version: 2, effectiveFrom: '2026-12-01', split: { ownerShare: '70', sourceShare: '20' } }, // not 100
    { ...SCHEME, version: 3, effectiveFrom: '2026-12-01' }, // not next
    { ...SCHEME, version: 2, effectiveFrom: '2026-12-01', rules: [] },
    { ...SCHEME, version: 2, effectiveFrom: '2026-12-01', rules: [{ roleCode: 'sa\u0000les', categoryCode: '*', tiers: [{ fromFen: 0, rate: '3' }] }] },
    { ...SCHEME, version: 2, effectiveFrom: '2026-12-01', rules: [{ roleCode: 'sales', categoryCode: '*', tiers: [{ fromFen: 0, rate: '3.5' }, { fromFen: 0, rate: '4' }] }] },
    { ...SCHEME, version: 2, effectiveFrom: '2026-12-01', tierMode: 'progressive' },
    { ...SCHEME, version: 2, effectiveFrom: '2026-12-01', rules: [{ roleCode: 'sales', categoryCode: '*', tiers: [{ fromFen: 0, rate: 3 }] }] },
  ]) {
    const r = await api.call('POST', '/api/v1/commission-scheme/versions', { token, body });
    t.is(r.status, 400, JSON.stringify(body));
    t.regex(r.headers.get('content-type') ?? '', /problem\+json/);
    t.is(r.body.code, 'validation.failed');
  }
  t.is((await api.call('POST', '/api/v1/commission-scheme/versions', { token: f.seller.token, body: { ...SCHEME, version: 2, effectiveFrom: '2026-12-01' } })).status, 403);
  scheme = await api.call('GET', '/api/v1/commission-scheme', { token });
  t.is(scheme.body.versions.length, 1);

  const added = await api.call('POST', '/api/v1/commission-scheme/versions', { token, body: { ...SCHEME, version: 2, effectiveFrom: '2026-12-01', tierMode: 'marginal' } });
  t.is(added.status, 201);
  t.like(added.body, { current: 1, nextVersion: 3 });
  t.like((await api.call('GET', '/api/v1/commission-scheme/versions/2', { token })).body, { version: 2, tierMode: 'marginal', effectiveFrom: '2026-12-01' });
  t.is((await api.call('GET', '/api/v1/commission-scheme/versions/9', { token })).status, 404);
  t.is((await api.call('DELETE', '/api/v1/commission-scheme/versions/1', { token })).body.code, 'commission_scheme.version_in_force');
  t.is((await api.call('DELETE', '/api/v1/commission-scheme/versions/2', { token })).status, 200);
  t.is((await api.call('GET', '/api/v1/commission-scheme', { token })).body.versions.length, 1);

  // Another firm sees its own (empty) scheme and none of this one's statements or people.
  const other = await aFirm(crm);
  t.deepEqual((await api.call('GET', '/api/v1/commission-scheme', { token: other.adminToken })).body.versions, []);
  t.is((await api.call('GET', `/api/v1/commissions/running?personId=${f.seller.actor.userId}`, { token: other.adminToken })).status, 404);
});

test.serial('lines, running figures, a statement through approval, lock and its exports; data scope and other firms', async (t) => {
  clock.set('2026-11-30T14:00:00Z'); // 22:00 in Shanghai
  const f = await aCommissionFirm(crm);
  const order = await anOrderWithPlan(crm, f, 20_000_000, 1, '2026-12-01', f.seller.actor);
  await anApprovedReceipt(crm, f, order.id, 8_000_000);
  const seller = f.seller.actor.userId;

  const mine = await api.call('GET', '/api/v1/commissions/running', { token: f.seller.token });
  t.like(mine.body, { personId: seller, month: '2026-11', creditedFen: 8_000_000, earnedFen: 240_000, personName: '王强' });
  const lines = await api.call('GET', `/api/v1/commissions/lines?month=2026-11`, { token: f.seller.token });
  t.deepEqual(lines.body.items.map((l: { role: string; amountFen: number; schemeVersion: number }) => [l.role, l.amountFen, l.schemeVersion]), [['owner', 240_000, 1]]);
  // A 销售 sees only their own: not the manager's, nor the team's rows.
  t.is((await api.call('GET', `/api/v1/commissions/running?personId=${f.manager.actor.userId}`, { token: f.seller.token })).status, 404);
  t.deepEqual((await api.call('GET', '/api/v1/commissions/running/people', { token: f.seller.token })).body.rows.map((r: { personId: string }) => r.personId), [seller]);
  // The manager sees the department's people.
  const team = await api.call('GET', `/api/v1/commissions/running/people?departmentId=${f.departmentId}`, { token: f.manager.token });
  t.deepEqual(team.body.rows.map((r: { personName: string; earnedFen: number }) => [r.personName, r.earnedFen]), [['王强', 240_000], ['李经理', 40_000]]);
  t.is((await api.call('GET', '/api/v1/commissions/running?month=2026-13', { token: f.seller.token })).status, 400);

  const drawn = await api.call('POST', '/api/v1/commission-statements', { token: f.finance.token, body: { personId: seller, month: '2026-11' } });
  t.is(drawn.status, 200);
  const id = drawn.body.id as string;
  t.is((await api.call('POST', '/api/v1/commission-statements', { token: f.seller.token, body: { personId: seller, month: '2026-11' } })).status, 403);
  for (const body of [{ version: 1, amountFen: 0, reason: '零' }, { version: 1, amountFen: 100, reason: '' }, { version: 1, amountFen: 1.5, reason: '半分' }, { version: 1, amountFen: 100, reason: 'a\u0000b' }, { amountFen: 100, reason: '无版本' }]) {
    const r = await api.call('POST', `/api/v1/commission-statements/${id}/adjustments`, { token: f.finance.token, body });
    t.is(r.status, 400, JSON.stringify(body));
  }
  const adjusted = await api.call('POST', `/api/v1/commission-statements/${id}/adjustments`, { token: f.finance.token, body: { version: 1, amountFen: 5_000, reason: '季度之星奖励' } });
  t.is(adjusted.status, 201);
  t.like(adjusted.body, { totals: { adjustmentFen: 5_000, totalFen: 245_000 }, version: 2 });
  const extra = await api.call('POST', `/api/v1/commission-statements/${id}/adjustments`, { token: f.finance.token, body: { version: 2, amountFen: -100, reason: '临时扣减' } });
  const extraId = extra.body.adjustments.find((a: { reason: string }) => a.reason === '临时扣减').id as string;
  t.is((await api.call('DELETE', `/api/v1/commission-statements/${id}/adjustments/${extraId}?version=2`, { token: f.finance.token })).status, 409);
  t.is((await api.call('DELETE', `/api/v1/commission-statements/${id}/adjustments/${extraId}?version=3`, { token: f.seller.token })).status, 403);
  const removed = await api.call('DELETE', `/api/v1/commission-statements/${id}/adjustments/${extraId}?version=3`, { token: f.finance.token });
  t.like(removed.body, { totals: { adjustmentFen: 5_000, totalFen: 245_000 }, version: 4 });
  t.is((await api.call('GET', `/api/v1/commission-statements/${id}`, { token: (await aFirm(crm)).adminToken })).status, 404);
  t.is((await api.call('POST', `/api/v1/commission-statements/${id}/submit`, { token: f.finance.token, body: {} })).body.code, 'commission_statement.guard_failed');

  clock.set('2026-11-30T16:30:00Z'); // 00:30 on 1 December in Shanghai: November is over
  const submitted = await api.call('POST', `/api/v1/commission-statements/${id}/submit`, { token: f.finance.token, body: {} });
  t.is(submitted.status, 200);
  t.is(submitted.body.status, 'submitted');
  const tasks = await crm.approvals.myPendingTasks(f.finance.actor, { limit: 50 });
  const task = tasks.items.find((x) => x.businessId === id);
  t.truthy(task);
  const decided = await api.call('POST', `/api/v1/approvals/${task?.instanceId}/decide`, { token: f.finance.token, body: { taskId: task?.taskId, decision: 'approve', opinion: '同意' } });
  t.is(decided.status, 200);
  const approved = await api.call('GET', `/api/v1/commission-statements/${id}`, { token: f.finance.token });
  t.is(approved.body.status, 'approved');
  const locked = await api.call('POST', `/api/v1/commission-statements/${id}/lock`, { token: f.finance.token, body: { version: approved.body.version } });
  t.like(locked.body, { status: 'locked', statusLabel: '已锁定' });
  const late = await api.call('POST', `/api/v1/commission-statements/${id}/adjustments`, { token: f.finance.token, body: { version: locked.body.version, amountFen: 1, reason: '锁定后' } });
  t.is(late.status, 422);
  t.is(late.body.code, 'commission_statement.not_editable');
  t.like((await api.call('GET', `/api/v1/commission-statements/${id}`, { token: f.seller.token })).body, { status: 'locked', totals: { totalFen: 245_000 } });

  const xlsx = await download(`/commission-statements/${id}/xlsx`, f.finance.token);
  t.is(xlsx.status, 200);
  t.regex(xlsx.type, /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.body as never);
  const ws = wb.worksheets[0];
  t.deepEqual((ws?.getRow(1).values as unknown[]).slice(1, 4), ['日期', '类型', '回款单']);
  t.deepEqual([ws?.getRow(2).getCell(2).text, ws?.getRow(3).getCell(2).text, ws?.getRow(3).getCell(16).text, ws?.getRow(4).getCell(2).text], ['计提', '调整', '季度之星奖励', '合计']);
  t.is(ws?.getRow(4).getCell(15).value, 2450);

  const pdf = await download(`/commission-statements/${id}/pdf`, f.seller.token);
  t.is(pdf.status, 200);
  t.is(pdf.type, 'application/pdf');
  const text = pdfText(pdf.body);
  for (const s of ['提成月结单', '王强', '季度之星奖励', '2,450.00', '已锁定']) t.true(text.includes(s), s);

  const dept = await api.call('GET', `/api/v1/commission-statements/department?departmentId=${f.departmentId}&month=2026-11`, { token: f.manager.token });
  t.like(dept.body, { departmentName: '销售一部', totals: { totalFen: 245_000 } });
  const list = await api.call('GET', '/api/v1/commission-statements?month=2026-11', { token: f.finance.token });
  t.deepEqual(list.body.items.map((x: { personName: string; status: string }) => [x.personName, x.status]), [['王强', 'locked']]);
  const deptXlsx = await download(`/commission-statements/department/xlsx?departmentId=${f.departmentId}&month=2026-11`, f.manager.token);
  t.is(deptXlsx.status, 200);
  t.is((await download(`/commission-statements/department/xlsx?departmentId=${f.departmentId}&month=2026-11`, f.seller.token)).status, 404);
  const whole = await api.call('POST', '/api/v1/commission-statements/department', { token: f.finance.token, body: { departmentId: f.departmentId, month: '2026-11' } });
  t.deepEqual(whole.body.rows.map((r: { personName: string; status: string; totals: { totalFen: number } }) => [r.personName, r.status, r.totals.totalFen]), [['王强', 'locked', 245_000], ['李经理', 'draft', 40_000]]);
  t.is((await api.call('POST', '/api/v1/commission-statements/department', { token: f.finance.token, body: { departmentId: f.departmentId, month: '2026-1' } })).status, 400);
});

test.serial('the department\'s month as PDF: one row per person with its status, and the total; scope and bad months refused', async (t) => {
  clock.set('2026-11-30T14:00:00Z');
  const f = await aCommissionFirm(crm);
  const order = await anOrderWithPlan(crm, f, 20_000_000, 1, '2026-12-01', f.seller.actor);
  await anApprovedReceipt(crm, f, order.id, 8_000_000);
  const drawn = await api.call('POST', '/api/v1/commission-statements/department', { token: f.finance.token, body: { departmentId: f.departmentId, month: '2026-11' } });
  const sellerStatement = drawn.body.rows.find((r: { personName: string }) => r.personName === '王强').statementId as string;
  clock.set('2026-11-30T16:30:00Z'); // November is over: 王强's statement goes to approval, 李经理's stays a draft
  t.is((await api.call('POST', `/api/v1/commission-statements/${sellerStatement}/submit`, { token: f.finance.token, body: {} })).status, 200);

  const path = `/commission-statements/department/pdf?departmentId=${f.departmentId}&month=2026-11`;
  const pdf = await download(path, f.manager.token);
  t.is(pdf.status, 200);
  t.is(pdf.type, 'application/pdf');
  const lines = pdfText(pdf.body).split('\n');
  const line = (s: string) => lines.find((l) => l.trimStart().startsWith(s)) ?? '';
  t.is(line('部门提成汇总').trim(), '部门提成汇总');
  t.regex(line('部门：'), /销售一部/);
  t.regex(line('王强'), /已提交.*80,000\.00.*2,400\.00\s*$/);
  t.regex(line('李经理'), /草稿.*400\.00\s*$/);
  t.regex(line('合计'), /80,000\.00.*2,800\.00\s*$/);

  // Whoever may not read the xlsx may not read the PDF either, with the same answer: a 销售 (data scope 'self')
  // and another firm do not see the department at all.
  const xlsxPath = path.replace('/pdf?', '/xlsx?');
  for (const token of [f.seller.token, (await aFirm(crm)).adminToken]) {
    const refused = await download(path, token);
    t.is(refused.status, 404);
    t.is(refused.status, (await download(xlsxPath, token)).status);
    t.regex(refused.type, /problem\+json/);
  }
  for (const month of ['2026-13', '2026-1', '']) {
    const bad = await api.call('GET', `/api/v1/commission-statements/department/pdf?departmentId=${f.departmentId}&month=${month}`, { token: f.manager.token });
    t.is(bad.status, 400, month);
    t.regex(bad.headers.get('content-type') ?? '', /problem\+json/);
    t.is(typeof bad.body.code, 'string');
  }
});
