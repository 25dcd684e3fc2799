// Steps 3 to 6 through HTTP with files: create an order from an inquiry, complete the enterprise profile
// (identity checks, Luhn confirmation, masking and recorded unmasked reads), the ID card, 提交到下一步, the plan
// with a replaced attachment, the pipeline's refusals, the contract and its confirmation. Plus tenant
// isolation, data scope, concurrent edits and the stage settings.
import test from 'ava';
import { testCrm } from '../support/crm.js';
import { aFirm, aMobile, type TestFirm } from '../support/tenant.js';
import { serve, type ApiResponse, type TestServer } from '../support/http.js';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { makeLuhnCard, makeResidentId } from '../../core/identity/index.js';
import { PDF_MINIMAL, PNG_1X1 } from '../core/files/samples.js';
import { aCompany, aUscc } from '../adapters/orders/order-builders.js';
import { ageToday, dayFromNow } from '../support/dates.js';

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

const ID = makeResidentId({ region: '320525', birthDate: '1970-09-18', sequence: 488 });

async function anInquiry(token: string, companyName = aCompany()): Promise<string> {
  const r = await api.call('POST', '/api/v1/inquiries', {
    token,
    body: {
      companyName, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '测试',
      nextFollowUpAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  if (r.status !== 201) throw new Error(`inquiry: ${JSON.stringify(r.body)}`);
  return r.body.id;
}

async function anOrder(token: string): Promise<{ id: string; version: number; inquiryId: string }> {
  const inquiryId = await anInquiry(token);
  const r = await api.call('POST', '/api/v1/orders', { token, body: { inquiryId, title: '企业信用贷' } });
  if (r.status !== 201) throw new Error(`order: ${JSON.stringify(r.body)}`);
  return { id: r.body.id, version: r.body.version, inquiryId };
}

function upload(token: string, orderId: string, kind: string, bytes: Buffer, fileName = `${kind}.bin`): Promise<ApiResponse> {
  const q = new URLSearchParams({ subjectType: 'order', subjectId: orderId, kind, fileName });
  return api.call('POST', `/api/v1/files?${q}`, { token, raw: bytes, headers: { 'content-type': 'application/octet-stream' } });
}

async function people(): Promise<{ firm: TestFirm; sales: { token: string; id: string }; next: { token: string; id: string }; manager: { token: string } }> {
  const firm = await aFirm(crm);
  const s = await firm.person(['sales'], { name: '孙露露' });
  const n = await firm.person(['sales'], { name: '周销售' });
  const m = await firm.person(['manager'], { name: '王经理' });
  return { firm, sales: { token: s.token, id: s.actor.userId }, next: { token: n.token, id: n.actor.userId }, manager: { token: m.token } };
}

test('steps 3 to 6 end to end: order, profile, ID card, submit, plan, pipeline refusals, contract, confirmation', async (t) => {
  const { firm, sales, next, manager } = await people();
  const token = sales.token;
  const inquiryId = await anInquiry(token, '盛博科技');
  const created = await api.call('POST', '/api/v1/orders', { token, body: { inquiryId, title: '企业信用贷' } });
  t.is(created.status, 201);
  const id = created.body.id as string;
  t.is((await api.call('GET', `/api/v1/inquiries/${inquiryId}`, { token })).body.lifecycle, 'prospect');
  let detail = await api.call('GET', `/api/v1/orders/${id}`, { token });
  t.is(detail.body.stageName, '初次沟通');
  t.is(detail.body.progress, 20);
  t.deepEqual(detail.body.stages.map((s: { name: string }) => s.name), ['初次沟通', '方案洽谈', '申请批核', '合同赢单', '订单完成']);
  t.deepEqual(detail.body.advance.unmet.map((u: { code: string }) => u.code), ['profile_complete']);
  t.deepEqual(detail.body.order.amounts, { contractFen: null, productTotalFen: 0, receivableFen: 0, receivedFen: 0, outstandingFen: 0, invoicedFen: 0, disbursedFen: 0 });

  // The brochure's own test numbers are refused, every field named.
  const bad = await api.call('PATCH', `/api/v1/orders/${id}/profile`, { token, body: { version: 1, taxId: '123456789987654321', legalPersonIdNumber: '320525197009184885' } });
  t.is(bad.status, 400);
  t.deepEqual(bad.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['/taxId', 'identity.invalid_uscc'], ['/legalPersonIdNumber', 'identity.invalid_resident_id']]);
  const profile = {
    version: 1, taxId: aUscc(), legalPersonName: '郑盛', legalPersonMobile: '15213801285', legalPersonIdNumber: ID, bankCard: '6227895643156487',
    bankBranch: '苏州市吴中区', homeAddress: '苏州市东方之门', maritalStatus: 'married', taxSecrets: '电子税务局密码 abc', contactName: '王芳', contactRelationship: '财务',
  };
  const luhn = await api.call('PATCH', `/api/v1/orders/${id}/profile`, { token, body: profile });
  t.is(luhn.status, 422);
  t.is(luhn.body.code, 'identity.bank_card_luhn');
  const saved = await api.call('PATCH', `/api/v1/orders/${id}/profile`, { token, body: { ...profile, bankCardLuhnConfirmed: true } });
  t.is(saved.status, 200);
  t.like(saved.body.profile, {
    legalPersonIdNumber: '3205**********4880', bankCard: '****6487', taxSecrets: '******', legalPersonAge: ageToday('1970-09-18'), legalPersonGender: 'female',
    legalPersonBirthDate: null, bankCardLuhnValid: false, bankCardLuhnConfirmed: true, masked: true,
  });
  t.deepEqual(saved.body.profile.completeness.missing.map((m: { field: string }) => m.field), ['idCardFront']);
  const front = await upload(token, id, 'id_card_front', PNG_1X1, '身份证正面.png');
  t.is(front.status, 201);
  t.true((await api.call('GET', `/api/v1/orders/${id}/profile`, { token })).body.completeness.complete);

  // Unmasked only with order.view_sensitive, and every such read is recorded.
  t.is((await api.call('GET', `/api/v1/orders/${id}/profile?unmasked=true`, { token })).status, 403);
  const clear = await api.call('GET', `/api/v1/orders/${id}/profile?unmasked=true`, { token: manager.token });
  t.like(clear.body, { legalPersonIdNumber: ID, bankCard: '6227895643156487', taxSecrets: '电子税务局密码 abc', legalPersonBirthDate: '1970-09-18', masked: false });
  const reads = await crm.database.knex('sensitive_reads').where({ tenant_id: firm.tenantId, subject_id: id }).pluck('field');
  t.deepEqual(reads.sort(), ['bankCard', 'legalPersonIdNumber', 'taxSecrets']);

  // 提交到下一步: remark and next operator required; the order moves to that person.
  const noRemark = await api.call('POST', `/api/v1/orders/${id}/submit`, { token, body: { version: saved.body.version, remark: ' ', nextHandlerId: next.id } });
  t.is(noRemark.body.code, 'validation.failed');
  const submitted = await api.call('POST', `/api/v1/orders/${id}/submit`, { token, body: { version: saved.body.version, remark: '资料已齐，请编写方案', nextHandlerId: next.id } });
  t.is(submitted.status, 200);
  t.like(submitted.body, { stageKey: 'plan_negotiation', handlerId: next.id, handlerName: '周销售' });

  // The plan, and an attachment replaced by a newer one (the old one stays in history).
  const plan = await api.call('PUT', `/api/v1/orders/${id}/plan`, {
    token: next.token,
    body: { version: submitted.body.version, projectName: '融资服务', overview: '测试', expectedCompletion: dayFromNow(30), financialPlan: '经营周转', financingAdvice: '测试' },
  });
  t.is(plan.status, 200);
  const a1 = await upload(next.token, id, 'plan_attachment', PDF_MINIMAL, '方案v1.pdf');
  const a2 = await upload(next.token, id, 'plan_attachment', PDF_MINIMAL, '方案v2.pdf');
  t.is((await api.call('GET', `/api/v1/orders/${id}/plan`, { token: next.token })).body.attachment.id, a2.body.id);
  const history = await api.call('GET', `/api/v1/files?subjectType=order&subjectId=${id}&includeHistory=true`, { token: next.token });
  t.deepEqual(history.body.items.filter((f: { kind: string }) => f.kind === 'plan_attachment').map((f: { id: string; current: boolean }) => [f.id, f.current]), [[a2.body.id, true], [a1.body.id, false]]);

  // The pipeline's refusals name the stage and the event, or list every unmet condition.
  const advanced = await api.call('POST', `/api/v1/orders/${id}/events`, { token: next.token, body: { version: plan.body.version, type: 'advance' } });
  t.is(advanced.body.stageKey, 'application_approval');
  let v = advanced.body.version as number;
  const guarded = await api.call('POST', `/api/v1/orders/${id}/events`, { token: next.token, body: { version: v, type: 'advance' } });
  t.is(guarded.status, 422);
  t.is(guarded.body.code, 'order.guard_failed');
  t.deepEqual(guarded.body.details.unmet.map((u: { code: string }) => u.code), ['products_matched', 'internal_review_approved']);
  const complete = await api.call('POST', `/api/v1/orders/${id}/events`, { token: next.token, body: { version: v, type: 'complete' } });
  t.like(complete.body, { status: 422, code: 'order.transition_not_allowed', details: { state: 'application_approval', event: 'complete' } });
  const noReason = await api.call('POST', `/api/v1/orders/${id}/events`, { token: next.token, body: { version: v, type: 'rollback', toStage: 'initial_contact' } });
  t.is(noReason.body.code, 'order.reason_required');

  // The contract: recorded, its scan uploaded, confirmed; the inquiry becomes a customer.
  const contract = await api.call('PUT', `/api/v1/orders/${id}/contract`, {
    token: next.token, body: { version: v, number: `HT-${id.slice(0, 8)}`, amountFen: 20_000_000, signedOn: '2026-11-20', customerParty: '盛博科技', firmParty: '测试金服' },
  });
  t.is(contract.status, 200);
  v = contract.body.version;
  t.is((await api.call('POST', `/api/v1/orders/${id}/contract/confirm`, { token: next.token, body: { version: v } })).body.code, 'order.contract_scan_missing');
  t.is((await upload(next.token, id, 'contract_scan', PDF_MINIMAL, '合同.pdf')).status, 201);
  const confirmed = await api.call('POST', `/api/v1/orders/${id}/contract/confirm`, { token: next.token, body: { version: v } });
  t.is(confirmed.status, 200);
  t.deepEqual(confirmed.body.won.unmet.map((u: { code: string }) => u.code), ['products_matched', 'internal_review_approved']);
  t.is(confirmed.body.stage, 'application_approval');
  t.is((await api.call('GET', `/api/v1/inquiries/${inquiryId}`, { token })).body.lifecycle, 'customer');
  detail = await api.call('GET', `/api/v1/orders/${id}`, { token: next.token });
  t.like(detail.body, { contractConfirmed: true, hasPlan: true, order: { amounts: { contractFen: 20_000_000, receivableFen: 20_000_000, outstandingFen: 20_000_000 } } });
  t.deepEqual(detail.body.timeline.map((a: { action: string }) => a.action), [
    'order.created', 'order.profile_updated', 'file.uploaded', 'order.stage_changed', 'order.handed_over', 'order.plan_saved', 'file.uploaded', 'file.replaced',
    'order.stage_changed', 'order.contract_saved', 'file.uploaded', 'order.contract_confirmed',
  ]);
  const doc = await api.call('GET', `/api/v1/orders/${id}/contract/document`, { token: next.token });
  t.like(doc.body, { number: `HT-${id.slice(0, 8)}`, feeFen: 20_000_000, signDate: '2026-11-20', customer: { name: '盛博科技', legalRepresentative: '郑盛' } });
});

test('another tenant gets 404 on every order resource and file, and never lists the order', async (t) => {
  const { sales } = await people();
  const other = await aFirm(crm);
  const order = await anOrder(sales.token);
  const file = await upload(sales.token, order.id, 'id_card_front', PNG_1X1);
  const token = other.adminToken;
  const calls: [string, string, unknown?][] = [
    ['GET', `/api/v1/orders/${order.id}`], ['PATCH', `/api/v1/orders/${order.id}`, { version: 1, title: 'x' }], ['GET', `/api/v1/orders/${order.id}/timeline`],
    ['POST', `/api/v1/orders/${order.id}/events`, { version: 1, type: 'cancel', reason: 'x' }],
    ['POST', `/api/v1/orders/${order.id}/submit`, { version: 1, remark: 'x', nextHandlerId: other.admin.userId }],
    ['GET', `/api/v1/orders/${order.id}/profile`], ['PATCH', `/api/v1/orders/${order.id}/profile`, { version: 1, legalPersonName: 'x' }],
    ['GET', `/api/v1/orders/${order.id}/plan`], ['GET', `/api/v1/orders/${order.id}/contract`], ['GET', `/api/v1/orders/${order.id}/contract/document`],
    ['POST', `/api/v1/orders/${order.id}/contract/confirm`, { version: 1 }], ['GET', `/api/v1/files/${file.body.id}`],
    ['GET', `/api/v1/files?subjectType=order&subjectId=${order.id}`],
  ];
  for (const [method, path, body] of calls) {
    const r = await api.call(method, path, { token, ...(body ? { body } : {}) });
    t.is(r.status, 404, `${method} ${path}`);
  }
  t.is((await upload(token, order.id, 'other', PNG_1X1)).status, 404);
  const list = await api.call('GET', '/api/v1/orders?withTotal=true', { token });
  t.is(list.body.total, 0);
  const dup = await api.call('POST', '/api/v1/order-profiles/duplicate-check', { token, body: { companyName: '盛博科技' } });
  t.deepEqual(dup.body.items, []);
});

test('data scope: a colleague gets 404 and an empty list, the manager sees the order, 查重 shows only the owner elsewhere', async (t) => {
  const { firm, sales, manager } = await people();
  const colleague = await firm.person(['sales']);
  const order = await anOrder(sales.token);
  const companyName = (await api.call('GET', `/api/v1/orders/${order.id}`, { token: sales.token })).body.order.companyName;
  t.is((await api.call('GET', `/api/v1/orders/${order.id}`, { token: colleague.token })).status, 404);
  t.is((await api.call('GET', '/api/v1/orders?withTotal=true', { token: colleague.token })).body.total, 0);
  const managed = await api.call('GET', '/api/v1/orders?withTotal=true&stage=initial_contact', { token: manager.token });
  t.deepEqual(managed.body.items.map((o: { id: string; stageName: string; progress: number }) => [o.id, o.stageName, o.progress]), [[order.id, '初次沟通', 20]]);
  const dup = await api.call('POST', '/api/v1/order-profiles/duplicate-check', { token: colleague.token, body: { companyName } });
  t.deepEqual(dup.body.items, [{ orderId: order.id, matchedOn: ['companyName'], ownerName: '孙露露', visible: false, title: null, companyName: null, stage: null }]);
});

test('two concurrent edits of one version through HTTP: exactly one wins, the other is order.version_conflict', async (t) => {
  const { sales } = await people();
  const order = await anOrder(sales.token);
  const [a, b] = await Promise.all([
    api.call('PATCH', `/api/v1/orders/${order.id}`, { token: sales.token, body: { version: order.version, title: '企业信用贷 A' } }),
    api.call('PATCH', `/api/v1/orders/${order.id}`, { token: sales.token, body: { version: order.version, title: '企业信用贷 B' } }),
  ]);
  t.deepEqual([a.status, b.status].sort(), [200, 409]);
  t.is([a, b].find((r) => r.status === 409)?.body.code, 'order.version_conflict');
});

test('stages are tenant settings: admins choose a preset or their own set, validated, never dropping a stage in use', async (t) => {
  const { firm, sales } = await people();
  const token = firm.adminToken;
  t.is((await api.call('PUT', '/api/v1/order-settings/pipeline', { token: sales.token, body: { version: 0, preset: 'contract_first' } })).status, 403);
  const broken = await api.call('PUT', '/api/v1/order-settings/pipeline', {
    token, body: { version: 0, stages: [{ key: 'a', name: '甲', progress: 50, exitGuards: [] }, { key: 'b', name: '乙', progress: 40, exitGuards: [] }] },
  });
  t.is(broken.body.code, 'order.invalid_pipeline');
  t.deepEqual(broken.body.details.problems.map((p: { code: string }) => p.code), ['progress_not_rising', 'final_count']);
  const preset = await api.call('PUT', '/api/v1/order-settings/pipeline', { token, body: { version: 0, preset: 'contract_first' } });
  t.like(preset.body, { version: 1, preset: 'contract_first' });
  const order = await anOrder(sales.token);
  const detail = await api.call('GET', `/api/v1/orders/${order.id}`, { token: sales.token });
  t.deepEqual(detail.body.stages.map((s: { name: string }) => s.name), ['初次沟通', '合同洽谈', '产品申请', '内部审核', '订单完成']);
  const dropping = await api.call('PUT', '/api/v1/order-settings/pipeline', {
    token, body: { version: 1, stages: [{ key: 'first', name: '沟通', progress: 50, exitGuards: [] }, { key: 'done', name: '完成', progress: 100, exitGuards: [], final: true }] },
  });
  t.like(dropping.body, { code: 'order.stage_in_use', details: { stages: { initial_contact: 1 } } });
  const fields = await api.call('PUT', '/api/v1/order-settings/profile-fields', { token, body: { version: 1, requiredProfileFields: ['taxId'] } });
  t.deepEqual(fields.body.requiredProfileFields, ['companyName', 'taxId']);
  const settings = await api.call('GET', '/api/v1/order-settings', { token: sales.token });
  t.like(settings.body, { version: 2, preset: 'contract_first' });
});

test('a bank card passing Luhn needs no confirmation; an ID number is never typed as age', async (t) => {
  const { sales } = await people();
  const order = await anOrder(sales.token);
  const card = makeLuhnCard('622789564315648');
  const ok = await api.call('PATCH', `/api/v1/orders/${order.id}/profile`, { token: sales.token, body: { version: order.version, bankCard: card } });
  t.like(ok.body.profile, { bankCard: `****${card.slice(-4)}`, bankCardLuhnValid: true, bankCardLuhnConfirmed: false });
  const typed = await api.call('PATCH', `/api/v1/orders/${order.id}/profile`, { token: sales.token, body: { version: ok.body.version, legalPersonAge: 51 } });
  t.is(typed.status, 400);
});
