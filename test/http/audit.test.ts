// The PIPL audit surface: the operation log (roles, users, settings, approval flows, logins — before and
// after) and the sensitive-read log, for holders of audit.view only, per firm, filterable, in keyset pages,
// exportable as .xlsx, and append-only down to the database.
import test from 'ava';
import ExcelJS from 'exceljs';
import { testCrm } from '../support/crm.js';
import { serve, type TestServer } from '../support/http.js';
import { aFirm, aMobile, PASSWORD } from '../support/tenant.js';
import { makeResidentId, makeUscc, usccCharset } from '../../core/identity/index.js';
import type { Crm } from '../../adapters/composition/create-crm.js';

let crm: Crm;
let api: TestServer;
test.before(async () => {
  crm = await testCrm('pglite');
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

test('a role change by the administrator is in the operation log with its permissions before and after, filterable by kind and subject', async (t) => {
  const firm = await aFirm(crm);
  const token = firm.adminToken;
  const saved = await api.call('PUT', '/api/v1/roles/approver', { token, body: { name: '审批人', permissions: ['order.read', 'inquiry.read', 'audit.view'], dataScope: 'tenant' } });
  t.is(saved.status, 200);
  const r = await api.call('GET', '/api/v1/audit/operations?kind=role.saved&subjectType=role&subjectId=approver', { token });
  t.is(r.status, 200);
  t.is(r.body.items.length, 1);
  t.like(r.body.items[0], {
    actorId: firm.admin.userId, actorName: '管理员', kind: 'role.saved', subjectType: 'role', subjectId: 'approver',
    before: { code: 'approver', dataScope: 'tenant' },
    after: { code: 'approver', permissions: ['audit.view', 'inquiry.read', 'order.read'], dataScope: 'tenant' },
  });
  t.deepEqual([...r.body.items[0].before.permissions].sort(), ['briefing.read', 'finance.read', 'inquiry.read', 'order.read', 'task.write']);
  t.true(Math.abs(Date.parse(r.body.items[0].at) - Date.now()) < 60_000);
});

test('logins that fail and succeed are recorded, with the account and the client address; a user change shows before and after', async (t) => {
  const firm = await aFirm(crm);
  const p = await firm.person(['sales'], { name: '孙露露' });
  t.is((await api.call('POST', '/api/v1/auth/login', { body: { mobile: p.mobile, password: 'wrong-pass-1' } })).status, 401);
  t.is((await api.call('POST', '/api/v1/auth/login', { body: { mobile: p.mobile, password: PASSWORD } })).status, 200);
  const logins = await api.call('GET', `/api/v1/audit/operations?kind=login&subjectId=${p.actor.userId}`, { token: firm.adminToken });
  t.deepEqual(logins.body.items.map((e: { kind: string }) => e.kind), ['login.succeeded', 'login.failed', 'login.succeeded']); // newest first; the first is firm.person's own
  const [ok, failed] = logins.body.items as Array<Record<string, any>>;
  t.like(failed, { actorId: null, actorName: null, subjectType: 'user', before: { failedLogins: 0 }, after: { failedLogins: 1 } });
  t.regex(failed?.after.clientAddress, /127\.0\.0\.1$/);
  t.like(ok, { actorId: p.actor.userId, actorName: '孙露露' });

  const me = (await api.call('GET', `/api/v1/users/${p.actor.userId}`, { token: firm.adminToken })).body;
  t.is((await api.call('PATCH', `/api/v1/users/${p.actor.userId}`, { token: firm.adminToken, body: { version: me.version, roleCodes: ['sales', 'finance'] } })).status, 200);
  const change = (await api.call('GET', `/api/v1/audit/operations?kind=user.updated&subjectId=${p.actor.userId}`, { token: firm.adminToken })).body.items[0];
  t.deepEqual([change.before.roleCodes, change.after.roleCodes], [['sales'], ['finance', 'sales']]);
  t.regex(change.after.mobile, /^\d{3}\*{4}\d{4}$/, 'the log keeps staff mobiles masked');
});

test('settings and approval flow changes are recorded in their transaction, the whole section before and after', async (t) => {
  const firm = await aFirm(crm);
  const cur = await crm.collectionSettings.get(firm.admin);
  await crm.collectionSettings.update(firm.admin, { version: cur.version, paymentMethods: [{ name: '转账', active: true }, { name: '承兑', active: true }] });
  const flow = await crm.approvalFlows.create(firm.admin, {
    businessType: 'invoice', name: '开票审批', nodes: [{ key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }],
  });
  const items = (await api.call('GET', '/api/v1/audit/operations?limit=10', { token: firm.adminToken })).body.items as Array<Record<string, any>>;
  const settings = items.find((e) => e.kind === 'settings.changed');
  t.is(settings?.subjectId, 'collection');
  t.deepEqual(settings?.after.paymentMethods.map((m: { name: string }) => m.name), ['转账', '承兑']);
  t.is(settings?.after.version, cur.version + 1);
  t.like(items.find((e) => e.kind === 'approval_flow.created'), { subjectId: flow.flow.id, before: null, after: { businessType: 'invoice', name: '开票审批', version: 1 } });
  // A refused change leaves no record (same transaction).
  await t.throwsAsync(crm.collectionSettings.update(firm.admin, { version: cur.version, paymentMethods: [] }));
  const after = (await api.call('GET', '/api/v1/audit/operations?kind=settings.changed', { token: firm.adminToken })).body.items;
  t.is(after.length, 1);
});

test('unmasked reads are listed by who, which record and field; pages follow a keyset cursor; the export is a workbook', async (t) => {
  const firm = await aFirm(crm);
  const sales = await firm.person(['sales']);
  const manager = await firm.person(['manager'], { name: '周经理' });
  const inquiry = await api.call('POST', '/api/v1/inquiries', { token: sales.token, body: { companyName: `审计科技${aMobile().slice(-6)}`, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '审计测试', nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString() } });
  t.is(inquiry.status, 201, JSON.stringify(inquiry.body));
  const order = await api.call('POST', '/api/v1/orders', { token: sales.token, body: { inquiryId: inquiry.body.id, title: '企业信用贷' } });
  const id = order.body.id as string;
  const uscc = makeUscc(`91320000${Array.from({ length: 9 }, (_, i) => usccCharset[(i * 7) % 31]).join('')}`);
  const saved = await api.call('PATCH', `/api/v1/orders/${id}/profile`, {
    token: sales.token,
    body: { version: 1, taxId: uscc, legalPersonName: '郑盛', legalPersonIdNumber: makeResidentId({ region: '320525', birthDate: '1970-09-18', sequence: 488 }), bankCard: '6222021234567894' },
  });
  t.is(saved.status, 200, JSON.stringify(saved.body));
  t.is((await api.call('GET', `/api/v1/orders/${id}/profile?unmasked=true`, { token: manager.token })).status, 200);

  const page1 = await api.call('GET', `/api/v1/audit/sensitive-reads?subjectId=${id}&limit=1&withTotal=true`, { token: firm.adminToken });
  t.is(page1.body.total, 2);
  t.like(page1.body.items[0], { actorId: manager.actor.userId, actorName: '周经理', subjectType: 'order', subjectId: id });
  const page2 = await api.call('GET', `/api/v1/audit/sensitive-reads?subjectId=${id}&limit=1&cursor=${page1.body.nextCursor}`, { token: firm.adminToken });
  t.is(page2.body.nextCursor, null);
  t.deepEqual([page1.body.items[0].field, page2.body.items[0].field].sort(), ['bankCard', 'legalPersonIdNumber']);
  const none = await api.call('GET', `/api/v1/audit/sensitive-reads?subjectId=${id}&to=2000-01-01T00:00:00Z`, { token: firm.adminToken });
  t.deepEqual(none.body.items, []);

  const res = await fetch(`${api.url}/api/v1/audit/sensitive-reads/export?subjectId=${id}`, { headers: { authorization: `Bearer ${firm.adminToken}` } });
  t.is(res.status, 200);
  t.regex(res.headers.get('content-type') ?? '', /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0];
  t.deepEqual((ws?.getRow(1).values as unknown[]).slice(1), ['时间', '查看人', '对象类型', '对象', '字段']);
  t.is(ws?.rowCount, 3);
  t.is(ws?.getRow(2).getCell(2).text, '周经理');
  const ops = await fetch(`${api.url}/api/v1/audit/operations/export?kind=login`, { headers: { authorization: `Bearer ${firm.adminToken}` } });
  t.is(ops.status, 200);
});

test('without audit.view: 403; another firm sees none of this firm’s entries', async (t) => {
  const [a, b] = [await aFirm(crm), await aFirm(crm)];
  const sales = await a.person(['sales']);
  for (const path of ['/api/v1/audit/operations', '/api/v1/audit/sensitive-reads', '/api/v1/audit/operations/export', '/api/v1/audit/sensitive-reads/export']) {
    const r = await api.call('GET', path, { token: sales.token });
    t.is(r.status, 403, path);
    t.is(r.body.code, 'auth.forbidden');
  }
  const theirs = await api.call('GET', `/api/v1/audit/operations?subjectId=${sales.actor.userId}`, { token: b.adminToken });
  t.deepEqual(theirs.body.items, []);
  const all = (await api.call('GET', '/api/v1/audit/operations?limit=200', { token: b.adminToken })).body.items as Array<{ tenantId: string }>;
  t.true(all.length > 0);
  t.true(all.every((e) => e.tenantId === b.tenantId));
});

test('the audit tables are append-only: the database refuses UPDATE, DELETE and TRUNCATE', async (t) => {
  const firm = await aFirm(crm);
  await firm.person(['sales']);
  const knex = crm.database.knex;
  await knex('sensitive_reads').insert({ tenant_id: firm.tenantId, id: crypto.randomUUID(), actor_id: firm.admin.userId, subject_type: 'order', subject_id: crypto.randomUUID(), field: 'bankCard', at: new Date() });
  for (const table of ['audit_log', 'sensitive_reads']) {
    await t.throwsAsync(knex(table).where({ tenant_id: firm.tenantId }).update({ at: new Date(0) }), { message: /append-only/ }, table);
    await t.throwsAsync(knex(table).where({ tenant_id: firm.tenantId }).delete(), { message: /append-only/ }, table);
    await t.throwsAsync(knex.raw(`truncate ${table}`), { message: /append-only/ }, table);
  }
  t.true(Number((await knex('audit_log').where({ tenant_id: firm.tenantId }).count('* as n'))[0]?.n) > 0);
});
