// The brochure's 13 steps as one story, through HTTP only, as the demo firm's people would work: 孙露露 sells,
// 王经理 takes a step, 李审批 approves the internal review, 赵财务 and 钱运营 approve the money and the close;
// and then the month's 提成: the scheme 赵财务 set up earned 孙露露 and her department head on the collections,
// and next month her statement is drawn up, adjusted with a reason, approved by finance and locked.
// The firm is the demo's (its people and approval flows from the demo seed); everything after that is a
// request. Every screen's figures from the brochure are checked on the way: progress, receivable, received,
// outstanding, the approval record's 节点审批人 and 真正审批人, the 大写 total on the invoice PDF, the briefing.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { seedDemoOrganisation, type DemoOrganisation } from '../../adapters/demo/organisation.seed.js';
import { seedDemoApprovals } from '../../adapters/demo/approvals.seed.js';
import { DEMO_SELLER } from '../../adapters/demo/invoices.seed.js';
import { DEMO_PRODUCTS } from '../../core/products/demo-products.js';
import { makeResidentId, makeUscc } from '../../core/identity/index.js';
import { localDate } from '../../core/shared/zoned-time.js';
import { ShiftedClock, testCrm } from '../support/crm.js';
import { serve, type ApiResponse, type TestServer } from '../support/http.js';
import { compactText } from '../adapters/pdf/pdf-tools.js';

const PASSWORD = 'demo123456';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
const SHENGBO = { companyName: '盛博科技', contactName: '郑盛', mobile: '15213801285' };

let crm: Crm;
let api: TestServer;
let demo: DemoOrganisation;
/** The real time, until the walk goes into next month to settle this month's commissions. */
const clock = new ShiftedClock();
test.before(async () => {
  crm = await testCrm('pglite', { clock });
  api = await serve(crm);
  demo = await seedDemoOrganisation(crm, PASSWORD);
  await seedDemoApprovals(crm, demo);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

/** A signed-in demo person: calls that must succeed, with the status they must answer. */
interface Person {
  readonly name: string;
  readonly id: string;
  readonly token: string;
  call(method: string, path: string, body?: unknown, expected?: number, headers?: Record<string, string>): Promise<any>;
  raw(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
}

async function signIn(mobile: string): Promise<Person> {
  const login = await api.call('POST', '/api/v1/auth/login', { body: { mobile, password: PASSWORD } });
  if (login.status !== 200) throw new Error(`login ${mobile}: ${login.status} ${JSON.stringify(login.body)}`);
  const token = login.body.token as string;
  const raw = (method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse> =>
    api.call(method, `/api/v1${path}`, { token, ...(Buffer.isBuffer(body) ? { raw: body } : body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });
  return {
    name: login.body.user.name, id: login.body.user.id, token, raw,
    async call(method, path, body, expected, headers) {
      const r = await raw(method, path, body, headers);
      const ok = expected === undefined ? r.status >= 200 && r.status < 300 : r.status === expected;
      if (!ok) throw new Error(`${login.body.user.name} ${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
  };
}

test('the 13 steps from 新建咨询 to 发票, through HTTP, with every screen\'s figures', async (t) => {
  const sun = await signIn('13800000001');
  const manager = await signIn('13800000002');
  const approver = await signIn('13800000003');
  const finance = await signIn('13800000004');
  const operations = await signIn('13800000005');
  const admin = await signIn('13800000000');
  t.deepEqual([sun.name, manager.name, approver.name, finance.name, operations.name], ['孙露露', '王经理', '李审批', '赵财务', '钱运营']);
  const today = localDate(crm.clock.now(), 'Asia/Shanghai');
  const inbox = async (p: Person, kind: string): Promise<any[]> => (await p.call('GET', `/workcenter/inbox?kind=${kind}&limit=50`)).items;
  const order = async (id: string): Promise<any> => sun.call('GET', `/orders/${id}`);
  const amounts = (o: any): number[] => [o.order.amounts.receivableFen, o.order.amounts.receivedFen, o.order.amounts.outstandingFen];

  // The firm's catalogue and invoicing profile, as its operations staff and administrator keep them.
  for (const name of ['税E贷', '快贷']) await operations.call('POST', '/products', DEMO_PRODUCTS.find((p) => p.name === name), 201);
  // 收费规则: 税E贷 charges 2,000 元 up front on the contract and 0.8 % of what the bank pays out (放款) on success.
  const shuiEProduct = (await operations.call('GET', '/products?limit=50')).items.find((p: any) => p.name === '税E贷');
  const feeRule = await operations.call('GET', `/products/${shuiEProduct.id}/fee-rule`);
  await operations.call('PUT', `/products/${shuiEProduct.id}/fee-rule`, {
    version: feeRule.version, rule: { split: 'parts', upFront: { kind: 'fixed', amountFen: 200_000 }, success: { kind: 'rate', base: 'disbursed', ratePercent: '0.8' } },
  });
  await admin.call('PUT', '/invoice-settings', { version: 0, seller: DEMO_SELLER, payee: '赵财务', reviewer: '赵财务' });
  // 提成方案: finance sets the firm's first version from today — the whole receipt is credited to the owner and
  // the source 70/30, 销售 earn 3 % (4 % from a month of ¥100,000), the department head 0.5 % on top.
  const scheme = await finance.call('POST', '/commission-scheme/versions', {
    version: 1, effectiveFrom: today, split: { ownerShare: '70', sourceShare: '30' },
    rules: [{ roleCode: 'sales', categoryCode: '*', tiers: [{ fromFen: 0, rate: '3' }, { fromFen: 10_000_000, rate: '4' }] }],
    overrides: [{ categoryCode: '*', rate: '0.5' }],
  }, 201);
  t.is(scheme.current, 1);

  // ── 1. 新建咨询: 查重 first, then 生成 the next follow-up from level B (3 days). ──
  const dup = await sun.call('GET', `/inquiries/duplicates?mobile=${SHENGBO.mobile}&companyName=${encodeURIComponent(SHENGBO.companyName)}`);
  t.deepEqual(dup.items, [], '查重: no duplicates');
  const generated = await sun.call('GET', '/inquiries/next-follow-up?level=B');
  t.is(Date.parse(generated.nextFollowUpAt) - Date.parse(generated.from), 3 * 86_400_000);
  t.is(generated.levelLabel, 'B类 潜在价值');
  const inquiry = await sun.call('POST', '/inquiries', {
    ...SHENGBO, gender: 'male', level: 'B', nextFollowUpAt: generated.nextFollowUpAt, source: '电销', propertyType: '按揭房', remark: '测试',
  }, 201);
  t.like(inquiry, { lifecycle: 'inquiry', ownerName: '孙露露', departmentName: '三：新媒体运营中心', levelLabel: 'B类 潜在价值' });

  // ── 2. 新建跟进: 产品方案 with the canned phrase. ──
  const lists = await sun.call('GET', '/inquiry-settings/form-lists');
  const phrase = lists.cannedPhrases.find((p: string) => p === '税贷、发票贷都能做');
  t.truthy(phrase);
  const next = (await sun.call('GET', '/inquiries/next-follow-up?level=B')).nextFollowUpAt;
  const followed = await sun.call('POST', '/follow-ups', { inquiryId: inquiry.id, type: '产品方案', nextFollowUpAt: next, level: 'B', content: phrase }, 201);
  t.like(followed.followUp, { type: '产品方案', content: '税贷、发票贷都能做', authorName: '孙露露' });
  t.is(followed.inquiry.nextFollowUpAt, next);

  // ── 3. 创建订单: the inquiry becomes 准客户; 初次沟通 20%, 应回款/已回款/未回款 0/0/0. ──
  const created = await sun.call('POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' }, 201);
  const orderId = created.id as string;
  let detail = await order(orderId);
  t.deepEqual([detail.stageName, detail.progress, ...amounts(detail)], ['初次沟通', 20, 0, 0, 0]);
  t.is((await sun.call('GET', `/inquiries/${inquiry.id}`)).lifecycle, 'prospect');

  // ── 4. 完善企业信息 with valid synthetic numbers and the ID card front. ──
  const taxId = makeUscc('91320506MA1WTXK3P');
  const idNumber = makeResidentId({ region: '320525', birthDate: '1970-09-18', sequence: 488, gender: 'female' });
  const profile = await sun.call('PATCH', `/orders/${orderId}/profile`, {
    version: detail.order.version, taxId, legalPersonName: '郑盛', legalPersonMobile: SHENGBO.mobile, legalPersonIdNumber: idNumber,
    bankBranch: '苏州市吴中区', homeAddress: '苏州市工业园区', maritalStatus: 'married',
  });
  t.like(profile.profile, { taxId, legalPersonIdNumber: '3205**********4880', legalPersonGender: 'female', masked: true });
  t.deepEqual(profile.profile.completeness.missing.map((m: { field: string }) => m.field), ['idCardFront']);
  const idFront = await sun.call('POST', `/files?subjectType=order&subjectId=${orderId}&kind=id_card_front&fileName=${encodeURIComponent('身份证正面.png')}`, PNG, 201);
  t.like(idFront, { kind: 'id_card_front', contentType: 'image/png', current: true });
  detail = await order(orderId);
  t.deepEqual([detail.profile.complete, detail.advance.unmet], [true, []]);

  // ── 5. 上传方案, then 提交到下一步 to the next operator (王经理), who finds it in his 办理中心. ──
  const plan = await sun.call('PUT', `/orders/${orderId}/plan`, {
    version: detail.order.version, projectName: '企业信用贷融资服务', overview: '企业经营三年以上，纳税信用 A 级', expectedCompletion: '2026-12-31',
    financialPlan: '经营周转', financingAdvice: '以税贷为主，发票贷补充',
  });
  t.truthy(plan);
  await sun.call('POST', `/files?subjectType=order&subjectId=${orderId}&kind=plan_attachment&fileName=${encodeURIComponent('融资方案.pdf')}`, PDF, 201);
  detail = await order(orderId);
  t.true(detail.hasPlan);
  const handed = await sun.call('POST', `/orders/${orderId}/submit`, { version: detail.order.version, remark: '企业信息已完善，方案已上传，请审核', nextHandlerId: manager.id });
  t.like(handed, { stageKey: 'plan_negotiation', handlerName: '王经理' });
  t.deepEqual((await inbox(manager, 'order')).map((i) => [i.related.id, i.data.stageName]), [[orderId, '方案洽谈']]);
  await manager.call('POST', `/orders/${orderId}/submit`, { version: handed.version, remark: '方案可行，请匹配产品', nextHandlerId: sun.id });
  detail = await order(orderId);
  t.deepEqual([detail.stageName, detail.progress, detail.order.handlerName], ['申请批核', 60, '孙露露']);
  t.deepEqual(await inbox(manager, 'order'), []);

  // ── 7. 自动匹配 with reasons; 税E贷 chosen: its up-front 2000 元 is due now, the 0.8 % waits for 放款. ──
  await sun.call('PUT', `/orders/${orderId}/match-facts`, {
    version: 0, facts: { companyRegisteredOn: '2019-06-18', taxCreditRating: 'A', annualTaxPaidFen: 8_600_000, annualInvoicingFen: 620_000_000, existingDebtFen: 80_000_000, requestedAmountFen: 100_000_000 },
  });
  const matches = await sun.call('GET', `/orders/${orderId}/product-matches`);
  const shuiE = matches.items.find((m: any) => m.product.name === '税E贷');
  t.true(shuiE.matched);
  t.true(shuiE.reasons.length >= 4 && shuiE.reasons.every((r: any) => r.status === 'met' && typeof r.zh === 'string'));
  t.true(shuiE.reasons.some((r: any) => r.zh.includes('纳税信用等级 A 级')));
  const lines = await sun.call('PUT', `/orders/${orderId}/product-lines`, { version: 0, source: 'auto', lines: [{ productId: shuiE.product.id }] });
  t.like(lines.lines[0], { productName: '税E贷', serviceFeeFen: 200_000, totalFen: 200_000, statusLabel: '待申请' });
  detail = await order(orderId);
  t.deepEqual(amounts(detail), [200_000, 0, 200_000]);

  // ── 8. 更新申请状态: 申请中 → 已批核 → 已放款; the customer looks it up with the code and the last four digits. ──
  let line = lines.lines[0];
  const move = async (event: Record<string, unknown>): Promise<string> => {
    line = await sun.call('POST', `/orders/${orderId}/product-lines/${line.id}/application-events`, { version: line.version, event });
    return line.statusLabel as string;
  };
  t.is(await move({ type: 'submit' }), '申请中');
  t.is(await move({ type: 'approve', approvedAmountFen: 100_000_000, annualRatePercent: '3.85', termMonths: 12 }), '已批核');
  t.is(await move({ type: 'disburse', disbursedAmountFen: 100_000_000, disbursedOn: today }), '已放款');
  // The success fee from the disbursed amount: 1,000,000 元 × 0.8 % = 8,000 元, so 应回款 is 10,000 元 in all.
  const fee = await sun.call('GET', `/orders/${orderId}/product-lines/${line.id}/fee`);
  t.like(fee, { ruleSource: 'product', dueFen: 1_000_000, upFrontDueFen: 200_000, successDueFen: 800_000 });
  t.like(fee.computation, { rounding: 'half_up_fen', bases: { disbursedFen: 100_000_000 }, totalFen: 1_000_000 });
  t.deepEqual(amounts(await order(orderId)), [1_000_000, 0, 1_000_000]);
  t.true((await sun.call('GET', `/orders/${orderId}/timeline`)).items.some((e: any) => JSON.stringify(e).includes('0.8')), 'the timeline says what the fee was computed from');
  const code = await sun.call('POST', `/orders/${orderId}/status-code`, undefined, 201);
  const wrong = await api.call('POST', '/api/v1/public/order-status', { body: { code: code.code, lastFour: '0000' } });
  t.is(wrong.status, 404);
  const status = await api.call('POST', '/api/v1/public/order-status', { body: { code: code.code, lastFour: '1285' } });
  t.is(status.status, 200);
  t.like(status.body, { stage: '申请批核', progress: 60 });
  t.deepEqual(status.body.applications.map((a: any) => [a.productName, a.institution, a.statusLabel]), [['税E贷', '工商银行', '已放款']]);
  t.false(JSON.stringify(status.body).includes('郑盛'), 'no names on the public page');

  // ── 9. 内部审核: 订单一级审批 by 李审批 (chosen by the submitter), from his 办理中心. ──
  const review = await sun.call('POST', '/approvals', { businessType: 'order_review', businessId: orderId, chosenApprovers: { level1: [approver.id] } }, 201);
  const [waiting] = await inbox(approver, 'approval');
  t.like(waiting, { related: { type: 'order', id: orderId }, link: `/api/v1/approvals/${review.id}` });
  t.regex(waiting.title, /订单内审·订单一级审批/);
  await approver.call(waiting.action.method, waiting.action.path.replace(/^\/api\/v1/, ''), { taskId: waiting.data.taskId, decision: 'approve', opinion: '资料齐全，同意' });
  const record = await sun.call('GET', `/approvals/${review.id}`);
  t.like(record, { status: 'approved', statusLabel: '已通过' });
  t.like(record.record[0], {
    heading: '第1节点审核', nodeName: '订单一级审批', appointedApproverName: '李审批', actualApproverName: '李审批', statusLabel: '已通过', opinion: '资料齐全，同意', onBehalf: false,
  });
  t.like(record.record[1], { nodeName: '订单二级审批', statusLabel: '已跳过', automatic: true }); // 10000 元 is below the second level's 100000

  // ── 6. 上传合同 and 确认: 合同金额 (the 2000 元 up front; the success fee follows the rule) set, the inquiry
  //    becomes 客户, 合同赢单 80%; 应回款 is the contract plus the success fee. ──
  detail = await order(orderId);
  await sun.call('PUT', `/orders/${orderId}/contract`, {
    version: detail.order.version, number: 'DX-HT-2026-0001', amountFen: 200_000, signedOn: today, customerParty: '盛博科技', firmParty: '大鑫金服',
  });
  await sun.call('POST', `/files?subjectType=order&subjectId=${orderId}&kind=contract_scan&fileName=${encodeURIComponent('服务合同.pdf')}`, PDF, 201);
  detail = await order(orderId);
  await sun.call('POST', `/orders/${orderId}/contract/confirm`, { version: detail.order.version });
  detail = await order(orderId);
  t.deepEqual([detail.stageName, detail.progress, detail.order.amounts.contractFen, detail.contractConfirmed], ['合同赢单', 80, 200_000, true]);
  t.deepEqual(amounts(detail), [1_000_000, 0, 1_000_000]);
  t.is((await sun.call('GET', `/inquiries/${inquiry.id}`)).lifecycle, 'customer');

  // ── 10. 回款计划: two equal instalments of 5000 元. ──
  const collectionPlan = await sun.call('PUT', `/orders/${orderId}/collection-plan`, { version: 0, spec: { method: 'equal', count: 2, firstDueOn: today, intervalMonths: 1 } });
  t.deepEqual(collectionPlan.instalments.map((i: any) => [i.number, i.amountFen, i.stateLabel]), [[1, 500_000, '未回款'], [2, 500_000, '未回款']]);
  t.true((await inbox(sun, 'instalment')).some((i) => i.related.id === orderId && i.data.number === 1), 'the first instalment is due: in her 办理中心');

  // ── 11 and 12. 回款单 approved by 财务 then 运营 from their 回款办理; the amounts follow. ──
  const receipt = async (n: number): Promise<string> => {
    const r = await sun.call('POST', '/receipts', {
      orderId, receivedOn: today, amountFen: 500_000, paymentMethod: '转账', payer: '盛博科技', type: '服务费', invoiceWanted: true, invoiceKind: 'normal', submit: true,
    }, 201, { 'Idempotency-Key': `flow-receipt-${n}` });
    t.is(r.state, 'pending');
    for (const p of [finance, operations]) {
      const item = (await inbox(p, 'receipt')).find((i) => i.related.id === r.id);
      t.like(item, { data: { amountFen: 500_000, orderId } }, `${p.name} sees the receipt in 回款办理`);
      await p.call('POST', `/approvals/${item.data.instanceId}/decide`, { taskId: item.data.taskId, decision: 'approve', opinion: '已到账' });
    }
    t.is((await sun.call('GET', `/receipts/${r.id}`)).state, 'approved');
    return r.id as string;
  };
  const first = await receipt(1);
  t.deepEqual(amounts(await order(orderId)), [1_000_000, 500_000, 500_000]);
  const second = await receipt(2);
  detail = await order(orderId);
  t.deepEqual(amounts(detail), [1_000_000, 1_000_000, 0]);

  // ── 12. 结单 through its approval: 订单完成 100%. ──
  t.deepEqual((await finance.call('GET', `/orders/${orderId}/close`)).unmet, []);
  const closing = await finance.call('POST', `/orders/${orderId}/close`, {}, 201);
  const closeTask = (await operations.call('GET', `/approvals/${closing.instanceId}`)).myOpenTaskIds[0];
  await operations.call('POST', `/approvals/${closing.instanceId}/decide`, { taskId: closeTask, decision: 'approve', opinion: '同意结单' });
  detail = await order(orderId);
  t.deepEqual([detail.stageName, detail.progress, detail.status], ['订单完成', 100, 'completed']);

  // ── 13. 发票: requested from both receipts, issued by 财务 with its number; the PDF shows the 大写 total. ──
  const draft = await sun.call('POST', '/invoices', { orderId, receiptIds: [first, second], kind: 'ordinary' }, 201);
  t.is(draft.totalFen, 1_000_000);
  const submitted = await sun.call('POST', `/invoices/${draft.id}/submit`, {});
  const issueTask = (await finance.call('GET', `/approvals/${submitted.approvalId}`)).myOpenTaskIds[0];
  await finance.call('POST', `/approvals/${submitted.approvalId}/decide`, { taskId: issueTask, decision: 'approve', opinion: '同意开票' });
  const invoice = await sun.call('GET', `/invoices/${draft.id}`);
  t.like(invoice, { state: 'issued', totalFen: 1_000_000, totalUppercase: '壹万元整' });
  t.regex(invoice.number, new RegExp(`^${today.slice(0, 4)}\\d{8}$`));
  const pdf = await fetch(`${api.url}/api/v1/invoices/${draft.id}/pdf`, { headers: { authorization: `Bearer ${sun.token}` } });
  t.is(pdf.headers.get('content-type'), 'application/pdf');
  const text = compactText(Buffer.from(await pdf.arrayBuffer()));
  t.true(text.includes('壹万元整'), '价税合计（大写）on the PDF');
  t.true(text.includes(invoice.number));
  t.is((await order(orderId)).order.amounts.invoicedFen, 1_000_000);

  // ── 数据简报: 合同金额, 放款金额, 回款金额 of the month, and 孙露露 in the ranking. ──
  const briefing = await admin.call('GET', '/briefing?period=month');
  t.like(briefing.figures, { contractFen: 200_000, disbursedFen: 100_000_000, collectedFen: 1_000_000 });
  t.deepEqual(briefing.ranking.people.map((p: any) => [p.name, p.amountFen, p.rank]), [['孙露露', 1_000_000, 1]]);

  // ── 提成: the two confirmed receipts earned 孙露露 (owner, and she brought the inquiry: the whole ¥10,000 at
  // 3 %) ¥300 and 王经理, head of her department, his 0.5 % override ¥50 — on their home screens this month. ──
  const running = await sun.call('GET', '/commissions/running');
  t.like(running, { month: today.slice(0, 7), creditedFen: 1_000_000, earnedFen: 30_000, projectedFen: 30_000 });
  t.like(await manager.call('GET', '/commissions/running'), { earnedFen: 5_000, creditedFen: 0 });
  const team = await manager.call('GET', '/commissions/running/people');
  t.deepEqual(team.rows.map((r: any) => [r.personName, r.earnedFen]), [['孙露露', 30_000], ['王经理', 5_000]]);
  // The month is not over: its statement is drawn up but not submitted yet.
  const month = running.month as string;
  const department = demo.main.departments.newMedia;
  const early = await operations.call('POST', '/commission-statements/department', { departmentId: department, month });
  const sunEarly = early.rows.find((r: any) => r.personName === '孙露露');
  t.is((await operations.raw('POST', `/commission-statements/${sunEarly.statementId}/submit`, {})).body.code, 'commission_statement.guard_failed');

  // Next month (the 2nd, the firm's calendar): 钱运营 draws up the department's statements, takes ¥50 off
  // 孙露露's with its reason and submits it; 赵财务 approves it in 提成审批 and locks it (paid); its PDF reads ¥250.
  const [y, m] = month.split('-').map(Number) as [number, number];
  clock.jumpTo(new Date(`${m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`}-02T10:00:00+08:00`));
  // A month later the sessions of this morning have ended: they sign in again.
  const [adminNext, opsNext, finNext] = [await signIn('13800000000'), await signIn('13800000005'), await signIn('13800000004')];
  await adminNext.call('POST', '/approval-flows', {
    businessType: 'commission_statement', name: '提成审批', noApproverRule: 'admin',
    nodes: [{ key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }],
  }, 201);
  const drawn = await opsNext.call('POST', '/commission-statements/department', { departmentId: department, month });
  t.deepEqual(drawn.rows.map((r: any) => [r.personName, r.totals.totalFen, r.status]), [['孙露露', 30_000, 'draft'], ['王经理', 5_000, 'draft']]);
  t.like(drawn, { totals: { creditedFen: 1_000_000, totalFen: 35_000 }, statusCounts: { draft: 2 } });
  const statementId = drawn.rows[0].statementId as string;
  let statement = await opsNext.call('GET', `/commission-statements/${statementId}`);
  t.deepEqual(statement.lines.map((l: any) => [l.kind, l.role, l.baseFen, l.rate, l.amountFen]), [['accrual', 'owner', 500_000, '3', 15_000], ['accrual', 'owner', 500_000, '3', 15_000]]);
  statement = await opsNext.call('POST', `/commission-statements/${statementId}/adjustments`, { version: statement.version, amountFen: -5_000, reason: '资料不全，扣减' }, 201);
  t.like(statement.totals, { accruedFen: 30_000, adjustmentFen: -5_000, totalFen: 25_000 });
  statement = await opsNext.call('POST', `/commission-statements/${statementId}/submit`, {}, 200, { 'Idempotency-Key': `flow-statement-${statementId}` });
  t.is(statement.status, 'submitted');
  const settle = (await inbox(finNext, 'approval')).find((i) => i.related.id === statementId);
  t.truthy(settle, 'the statement waits in 赵财务\'s 待我审批');
  await finNext.call('POST', `/approvals/${settle.data.instanceId}/decide`, { taskId: settle.data.taskId, decision: 'approve', opinion: '核对无误' });
  statement = await finNext.call('GET', `/commission-statements/${statementId}`);
  t.is(statement.status, 'approved');
  statement = await finNext.call('POST', `/commission-statements/${statementId}/lock`, { version: statement.version });
  t.like(statement, { status: 'locked', totals: { totalFen: 25_000 } });
  const late = await finNext.raw('POST', `/commission-statements/${statementId}/adjustments`, { version: statement.version, amountFen: 100, reason: '补发' });
  t.deepEqual([late.status, late.body.code], [422, 'commission_statement.not_editable'], 'a locked statement never changes');
  const statementPdf = await fetch(`${api.url}/api/v1/commission-statements/${statementId}/pdf`, { headers: { authorization: `Bearer ${finNext.token}` } });
  t.is(statementPdf.headers.get('content-type'), 'application/pdf');
  t.true(compactText(Buffer.from(await statementPdf.arrayBuffer())).includes('孙露露'), 'the PDF names whose statement it is');

  // Nothing of it leaks: the other demo firm's administrator finds no such order.
  const other = await signIn('13900000000');
  t.is((await other.raw('GET', `/orders/${orderId}`)).status, 404);
  t.is((await other.raw('GET', `/invoices/${draft.id}`)).status, 404);
  t.is((await other.raw('GET', `/commission-statements/${statementId}`)).status, 404);
});
