// One simulated person's pass through the brochure's 13 steps (as test/e2e/flow.test.ts walks them), over
// HTTP, with the reads people do between steps and a pause after each step. Every request is timed in
// its route group; an unexpected status ends the flow as an error.
import { localDate } from '../core/shared/zoned-time.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

/** The route groups the figures are kept by, in the order they are printed. */
export const FLOW_GROUPS = [
  'auth', '查重', 'lists', '办理中心', 'briefing', 'inquiry writes', 'order reads', 'order writes', 'files', 'approvals', 'receipts', 'invoices', 'invoice pdf', 'status page',
] as const;
export type FlowGroup = (typeof FLOW_GROUPS)[number];

export interface Recorder {
  /** One request of `group` took `ms`; `request` names it (method and path). */
  record(group: string, ms: number, request?: string): void;
}

export interface Caller { readonly url: string }

export interface Person {
  readonly id: string;
  readonly token: string;
  /** A request that must answer `expected` (any 2xx when absent); timed in `group` when a recorder is given. */
  call(method: string, path: string, body?: unknown, expected?: number, opts?: { group?: FlowGroup; tally?: Recorder; headers?: Record<string, string> }): Promise<any>;
}

async function request(c: Caller, method: string, path: string, token: string | null, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const h: Record<string, string> = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  let payload: string | Buffer | undefined;
  if (Buffer.isBuffer(body)) payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['content-type'] = 'application/json';
  }
  const res = await fetch(`${c.url}/api/v1${path}`, { method, headers: h, ...(payload !== undefined ? { body: payload } : {}) });
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return { status: res.status, body: await res.json() };
  await res.arrayBuffer();
  return { status: res.status, body: null };
}

/** Signs a person in (timed in `auth` when a recorder is given). */
export async function signIn(c: Caller, mobile: string, password: string, tally?: Recorder): Promise<Person> {
  const t = performance.now();
  const login = await request(c, 'POST', '/auth/login', null, { mobile, password });
  tally?.record('auth', performance.now() - t);
  if (login.status !== 200) throw new Error(`login ${mobile}: ${login.status} ${JSON.stringify(login.body)}`);
  const token = login.body.token as string;
  return {
    id: login.body.user.id as string, token,
    async call(method, path, body, expected, opts = {}) {
      const started = performance.now();
      const r = await request(c, method, path, token, body, opts.headers);
      if (opts.group && opts.tally) opts.tally.record(opts.group, performance.now() - started, `${method} ${path}`);
      const ok = expected === undefined ? r.status >= 200 && r.status < 300 : r.status === expected;
      if (!ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
  };
}

export interface FlowPeople {
  readonly manager: Person;
  readonly approver: Person;
  readonly finance: Person;
  readonly operations: Person;
  readonly admin: Person;
}

export interface FlowRun {
  readonly call: Caller;
  /** The salesperson who runs the flow (孙露露's part). */
  readonly person: Person;
  readonly people: FlowPeople;
  readonly tally: Recorder;
  /** Unique per flow: the customer's mobile and company, the contract number, the receipts' keys. */
  readonly n: number;
  readonly thinkMs: number;
  /** True once the run is over: the flow stops at its next step, neither completed nor failed. */
  readonly stopped: () => boolean;
  readonly taxId: string;
  readonly idNumber: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs the 13 steps once; true when all went through, false when the run ended first; throws on an error. */
export async function runFlow(f: FlowRun): Promise<boolean> {
  const { person: sun, people, tally, n } = f;
  const as = (p: Person, group: FlowGroup) => (method: string, path: string, body?: unknown, expected?: number, headers?: Record<string, string>): Promise<any> =>
    p.call(method, path, body, expected, { group, tally, ...(headers ? { headers } : {}) });
  const pause = async (): Promise<boolean> => {
    await sleep(f.thinkMs * (0.5 + Math.random()));
    return f.stopped();
  };
  const today = localDate(new Date(), 'Asia/Shanghai');
  const mobile = `16${String(n % 1e9).padStart(9, '0')}`;
  const company = `压测企业${n}`;
  const approval = async (p: Person, businessType: string, businessId: string): Promise<{ id: string; task: string }> => {
    const [instance] = (await as(p, 'approvals')('GET', `/approvals?businessType=${businessType}&businessId=${businessId}`)).items;
    const detail = await as(p, 'approvals')('GET', `/approvals/${instance.id}`);
    return { id: instance.id, task: detail.myOpenTaskIds[0] };
  };
  const decide = async (p: Person, businessType: string, businessId: string, opinion: string): Promise<void> => {
    await as(p, '办理中心')('GET', '/workcenter/inbox/counts');
    const a = await approval(p, businessType, businessId);
    await as(p, 'approvals')('POST', `/approvals/${a.id}/decide`, { taskId: a.task, decision: 'approve', opinion });
  };
  const order = (id: string): Promise<any> => as(sun, 'order reads')('GET', `/orders/${id}`);

  // The day starts in 办理中心 and the briefing.
  await as(sun, '办理中心')('GET', '/workcenter/inbox/counts');
  await as(sun, 'briefing')('GET', '/briefing?period=month');
  if (await pause()) return false;

  // 1. 新建咨询 after 查重.
  await as(sun, 'lists')('GET', '/inquiries?limit=20');
  const dup = await as(sun, '查重')('GET', `/inquiries/duplicates?mobile=${mobile}&companyName=${encodeURIComponent(company)}`);
  if (dup.items.length) throw new Error(`查重 found ${dup.items.length} for a new customer`);
  const next = (await as(sun, 'inquiry writes')('GET', '/inquiries/next-follow-up?level=B')).nextFollowUpAt;
  const inquiry = await as(sun, 'inquiry writes')('POST', '/inquiries', {
    companyName: company, contactName: '郑盛', mobile, gender: 'male', level: 'B', nextFollowUpAt: next, source: '电销', propertyType: '按揭房', remark: '压测',
  }, 201);
  if (await pause()) return false;

  // 2. 新建跟进.
  await as(sun, 'lists')('GET', '/inquiry-settings/form-lists');
  await as(sun, 'inquiry writes')('POST', '/follow-ups', { inquiryId: inquiry.id, type: '产品方案', nextFollowUpAt: next, level: 'B', content: '税贷、发票贷都能做' }, 201);
  if (await pause()) return false;

  // 3. 创建订单.
  const orderId = (await as(sun, 'order writes')('POST', '/orders', { inquiryId: inquiry.id, title: '企业信用贷' }, 201)).id as string;
  let detail = await order(orderId);
  await as(sun, 'lists')('GET', '/orders?limit=20');
  if (await pause()) return false;

  // 4. 完善企业信息 and the ID card.
  await as(sun, 'order writes')('PATCH', `/orders/${orderId}/profile`, {
    version: detail.order.version, taxId: f.taxId, legalPersonName: '郑盛', legalPersonMobile: mobile, legalPersonIdNumber: f.idNumber,
    bankBranch: '苏州市吴中区', homeAddress: '苏州市工业园区', maritalStatus: 'married',
  });
  await as(sun, 'files')('POST', `/files?subjectType=order&subjectId=${orderId}&kind=id_card_front&fileName=${encodeURIComponent('身份证正面.png')}`, PNG, 201);
  if (await pause()) return false;

  // 5. 上传方案, 提交到下一步 (王经理, who finds it in 办理中心 and hands it back).
  detail = await order(orderId);
  await as(sun, 'order writes')('PUT', `/orders/${orderId}/plan`, {
    version: detail.order.version, projectName: '企业信用贷融资服务', overview: '企业经营三年以上，纳税信用 A 级', expectedCompletion: '2026-12-31',
    financialPlan: '经营周转', financingAdvice: '以税贷为主，发票贷补充',
  });
  await as(sun, 'files')('POST', `/files?subjectType=order&subjectId=${orderId}&kind=plan_attachment&fileName=${encodeURIComponent('融资方案.pdf')}`, PDF, 201);
  detail = await order(orderId);
  const handed = await as(sun, 'order writes')('POST', `/orders/${orderId}/submit`, { version: detail.order.version, remark: '请审核', nextHandlerId: people.manager.id });
  await as(people.manager, '办理中心')('GET', '/workcenter/inbox?kind=order&limit=20');
  await as(people.manager, 'order writes')('POST', `/orders/${orderId}/submit`, { version: handed.version, remark: '方案可行', nextHandlerId: sun.id });
  if (await pause()) return false;

  // 7. 自动匹配, 税E贷 chosen.
  await as(sun, 'order writes')('PUT', `/orders/${orderId}/match-facts`, {
    version: 0, facts: { companyRegisteredOn: '2019-06-18', taxCreditRating: 'A', annualTaxPaidFen: 8_600_000, annualInvoicingFen: 620_000_000, existingDebtFen: 80_000_000, requestedAmountFen: 100_000_000 },
  });
  const matches = await as(sun, 'order reads')('GET', `/orders/${orderId}/product-matches`);
  const shuiE = matches.items.find((m: any) => m.product.name === '税E贷');
  const lines = await as(sun, 'order writes')('PUT', `/orders/${orderId}/product-lines`, { version: 0, source: 'auto', lines: [{ productId: shuiE.product.id }] });
  if (await pause()) return false;

  // 8. 申请中 → 已批核 → 已放款; the customer looks the order up.
  let line = lines.lines[0];
  for (const event of [{ type: 'submit' }, { type: 'approve', approvedAmountFen: 100_000_000, annualRatePercent: '3.85', termMonths: 12 }, { type: 'disburse', disbursedAmountFen: 100_000_000, disbursedOn: today }]) {
    line = await as(sun, 'order writes')('POST', `/orders/${orderId}/product-lines/${line.id}/application-events`, { version: line.version, event });
  }
  const code = await as(sun, 'order writes')('POST', `/orders/${orderId}/status-code`, undefined, 201);
  const t = performance.now();
  const status = await fetch(`${f.call.url}/api/v1/public/order-status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: code.code, lastFour: mobile.slice(-4) }) });
  await status.arrayBuffer();
  tally.record('status page', performance.now() - t);
  if (status.status !== 200) throw new Error(`status page: ${status.status}`);
  if (await pause()) return false;

  // 9. 内部审核 by 李审批.
  const review = await as(sun, 'approvals')('POST', '/approvals', { businessType: 'order_review', businessId: orderId, chosenApprovers: { level1: [people.approver.id] } }, 201);
  await as(people.approver, '办理中心')('GET', '/workcenter/inbox?kind=approval&limit=20');
  const reviewTask = (await as(people.approver, 'approvals')('GET', `/approvals/${review.id}`)).myOpenTaskIds[0];
  await as(people.approver, 'approvals')('POST', `/approvals/${review.id}/decide`, { taskId: reviewTask, decision: 'approve', opinion: '资料齐全，同意' });
  if (await pause()) return false;

  // 6. 上传合同 and 确认.
  detail = await order(orderId);
  await as(sun, 'order writes')('PUT', `/orders/${orderId}/contract`, {
    version: detail.order.version, number: `BENCH-HT-${n}`, amountFen: 1_000_000, signedOn: today, customerParty: company, firmParty: '大鑫金服',
  });
  await as(sun, 'files')('POST', `/files?subjectType=order&subjectId=${orderId}&kind=contract_scan&fileName=${encodeURIComponent('服务合同.pdf')}`, PDF, 201);
  detail = await order(orderId);
  await as(sun, 'order writes')('POST', `/orders/${orderId}/contract/confirm`, { version: detail.order.version });
  if (await pause()) return false;

  // 10. 回款计划.
  await as(sun, 'order writes')('PUT', `/orders/${orderId}/collection-plan`, { version: 0, spec: { method: 'equal', count: 2, firstDueOn: today, intervalMonths: 1 } });
  await as(sun, '办理中心')('GET', '/workcenter/inbox?kind=instalment&limit=20');
  if (await pause()) return false;

  // 11 and 12. Two 回款单, each approved by 财务 then 运营.
  const receiptIds: string[] = [];
  for (const k of [1, 2]) {
    const r = await as(sun, 'receipts')('POST', '/receipts', {
      orderId, receivedOn: today, amountFen: 500_000, paymentMethod: '转账', payer: company, type: '服务费', invoiceWanted: true, invoiceKind: 'normal', submit: true,
    }, 201, { 'Idempotency-Key': `bench-flow-${n}-receipt-${k}` });
    receiptIds.push(r.id as string);
    await decide(people.finance, 'receipt', r.id, '已到账');
    await decide(people.operations, 'receipt', r.id, '已到账');
    await as(sun, 'receipts')('GET', `/receipts/${r.id}`);
    await as(sun, 'lists')('GET', '/receipts?limit=20');
    if (await pause()) return false;
  }

  // 12. 结单 through its approval.
  await as(people.finance, 'order reads')('GET', `/orders/${orderId}/close`);
  const closing = await as(people.finance, 'order writes')('POST', `/orders/${orderId}/close`, {}, 201);
  const closeTask = (await as(people.operations, 'approvals')('GET', `/approvals/${closing.instanceId}`)).myOpenTaskIds[0];
  await as(people.operations, 'approvals')('POST', `/approvals/${closing.instanceId}/decide`, { taskId: closeTask, decision: 'approve', opinion: '同意结单' });
  if (await pause()) return false;

  // 13. 发票, issued by 财务; the PDF.
  const draft = await as(sun, 'invoices')('POST', '/invoices', { orderId, receiptIds, kind: 'ordinary' }, 201);
  const submitted = await as(sun, 'invoices')('POST', `/invoices/${draft.id}/submit`, {});
  const issueTask = (await as(people.finance, 'approvals')('GET', `/approvals/${submitted.approvalId}`)).myOpenTaskIds[0];
  await as(people.finance, 'approvals')('POST', `/approvals/${submitted.approvalId}/decide`, { taskId: issueTask, decision: 'approve', opinion: '同意开票' });
  const invoice = await as(sun, 'invoices')('GET', `/invoices/${draft.id}`);
  if (invoice.state !== 'issued') throw new Error(`invoice ${draft.id} is ${invoice.state}, not issued`);
  await as(sun, 'invoice pdf')('GET', `/invoices/${draft.id}/pdf`);
  await as(sun, 'lists')('GET', '/invoices?limit=20');

  // The day's figures once more.
  await as(people.admin, 'briefing')('GET', '/briefing?period=month');
  return true;
}
