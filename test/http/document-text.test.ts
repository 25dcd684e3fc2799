// Text bound for a document is checked when it is saved: a character the PDF font cannot draw (𠮷 U+20BB7, a
// Japanese variant outside 通用规范汉字表, or an emoji) is refused with 400 and the field named, and nothing is
// saved; characters the shipped font draws (通用规范汉字表 beyond the BMP, e.g. 𬀩 𫭟) are kept and print.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { testCrm } from '../support/crm.js';
import { aFirm, aMobile } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { compactText } from '../adapters/pdf/pdf-tools.js';
import { aContractedOrder, SELLER } from '../adapters/invoices/builders.js';
import { aCompany, aContract, anOrder, aPlan, aProfile } from '../adapters/orders/order-builders.js';
import { aProductInput } from '../core/products/builders.js';

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

const V1 = '/api/v1';

/** The 400 answer names the field, its code and the characters with their code points. */
function refusedField(t: import('ava').ExecutionContext, r: { status: number; body: any }, path: string, codePoint: string): void {
  t.is(r.status, 400, JSON.stringify(r.body));
  t.is(r.body.code, 'validation.failed');
  const field = (r.body.errors ?? r.body.fieldErrors ?? []).find((e: { path: string }) => e.path === path);
  t.truthy(field, JSON.stringify(r.body));
  t.is(field?.code, 'document.unsupported_characters');
  t.true(String(field?.message).includes(codePoint), JSON.stringify(field));
}

test('an invoice request whose buyer name has 𠮷 is refused with 400 naming /buyer/name, and no draft is saved', async (t) => {
  const firm = await aFirm(crm);
  await crm.invoices.saveSettings(firm.admin, { version: 0, seller: SELLER, capBasis: 'contract' });
  const order = await aContractedOrder(crm, firm.admin, 1_000_000);
  const r = await api.call('POST', `${V1}/invoices`, {
    token: firm.adminToken, body: { orderId: order.id, kind: 'ordinary', buyer: { name: '𠮷野家（苏州）有限公司' }, lines: [{ name: '*经纪代理服务*融资服务费😀', totalFen: 100_000 }] },
  });
  refusedField(t, r, '/buyer/name', 'U+20BB7');
  refusedField(t, r, '/lines/0/name', 'U+1F600');
  const list = await api.call('GET', `${V1}/invoices?orderId=${order.id}`, { token: firm.adminToken });
  t.is(list.status, 200);
  t.deepEqual(list.body.items, []);
  // The same buyer with a character of 通用规范汉字表 beyond the BMP is accepted.
  const ok = await api.call('POST', `${V1}/invoices`, {
    token: firm.adminToken, body: { orderId: order.id, kind: 'ordinary', buyer: { name: '𬀩𫭟科技有限公司' }, lines: [{ totalFen: 100_000 }] },
  });
  t.is(ok.status, 201, JSON.stringify(ok.body));
  t.is(ok.body.buyer.name, '𬀩𫭟科技有限公司');
});

test('the seller profile of the invoice settings is checked too', async (t) => {
  const firm = await aFirm(crm);
  const r = await api.call('PUT', `${V1}/invoice-settings`, { token: firm.adminToken, body: { version: 0, seller: { ...SELLER, address: '苏州𠮷路 1 号' }, drawer: '张😀' } });
  refusedField(t, r, '/seller/address', 'U+20BB7');
  refusedField(t, r, '/drawer', 'U+1F600');
  const en = await api.call('PUT', `${V1}/invoice-settings`, { token: firm.adminToken, headers: { 'accept-language': 'en' }, body: { version: 0, drawer: '张😀' } });
  t.is(en.status, 400);
  t.regex(JSON.stringify(en.body.errors), /the documents' font cannot print: \\"😀\\" \(U\+1F600\)/);
  const settings = await api.call('GET', `${V1}/invoice-settings`, { token: firm.adminToken });
  t.is(settings.body.seller, null);
});

test('an inquiry whose company name (later the order\'s, printed on contracts and invoices) has 𠮷 is refused, and none is created', async (t) => {
  const firm = await aFirm(crm);
  const body = {
    companyName: '𠮷祥科技有限公司', mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '测试',
    nextFollowUpAt: new Date(crm.clock.now().getTime() + 86_400_000).toISOString(),
  };
  const r = await api.call('POST', `${V1}/inquiries`, { token: firm.adminToken, body });
  refusedField(t, r, '/companyName', 'U+20BB7');
  const list = await api.call('GET', `${V1}/inquiries`, { token: firm.adminToken });
  t.is(list.body.items.length, 0);
  const created = await api.call('POST', `${V1}/inquiries`, { token: firm.adminToken, body: { ...body, companyName: aCompany('𬀩𫭟') } });
  t.is(created.status, 201, JSON.stringify(created.body));
  const renamed = await api.call('PATCH', `${V1}/inquiries/${created.body.id}`, { token: firm.adminToken, body: { version: created.body.version, companyName: '𠮷祥科技有限公司' } });
  refusedField(t, renamed, '/companyName', 'U+20BB7');
});

test('the contract, the plan, the profile and the order title refuse what their PDFs cannot print; nothing is saved', async (t) => {
  const firm = await aFirm(crm);
  const order = await anOrder(crm, firm.admin);
  const token = firm.adminToken;
  const contract = await api.call('PUT', `${V1}/orders/${order.id}/contract`, { token, body: { ...aContract({ customerParty: '𠮷祥科技有限公司', firmSignatory: '王🙏' }), version: order.version } });
  refusedField(t, contract, '/customerParty', 'U+20BB7');
  refusedField(t, contract, '/firmSignatory', 'U+1F64F');
  t.is((await api.call('GET', `${V1}/orders/${order.id}/contract`, { token })).body.contract, null);
  const plan = await api.call('PUT', `${V1}/orders/${order.id}/plan`, { token, body: { ...aPlan({ overview: '𠮷祥公司经营三年' }), version: order.version } });
  refusedField(t, plan, '/overview', 'U+20BB7');
  t.is((await api.call('GET', `${V1}/orders/${order.id}/plan`, { token })).body.plan, null);
  const profile = await api.call('PATCH', `${V1}/orders/${order.id}/profile`, { token, body: { ...aProfile({ legalPersonName: '𠮷田', homeAddress: '苏州😀' }), version: order.version } });
  refusedField(t, profile, '/legalPersonName', 'U+20BB7');
  refusedField(t, profile, '/homeAddress', 'U+1F600');
  t.is((await api.call('GET', `${V1}/orders/${order.id}/profile`, { token })).body.legalPersonName, null);
  const title = await api.call('PATCH', `${V1}/orders/${order.id}`, { token, body: { version: order.version, title: '𠮷祥贷' } });
  refusedField(t, title, '/title', 'U+20BB7');
  t.is((await api.call('GET', `${V1}/orders/${order.id}`, { token })).body.order.title, '企业信用贷');
});

test('a user\'s name (开票人, 经办人, 编制人) and a product\'s name and institution are checked when saved', async (t) => {
  const firm = await aFirm(crm);
  const user = await api.call('POST', `${V1}/users`, {
    token: firm.adminToken, body: { name: '𠮷田', mobile: aMobile(), departmentId: firm.rootDepartmentId, roleCodes: ['sales'], password: 'test1234pw' },
  });
  refusedField(t, user, '/name', 'U+20BB7');
  const product = await api.call('POST', `${V1}/products`, { token: firm.adminToken, body: aProductInput({ number: 901, institution: '𠮷祥银行' }) });
  refusedField(t, product, '/institution', 'U+20BB7');
  const products = await api.call('GET', `${V1}/products`, { token: firm.adminToken });
  t.false(products.body.items.some((p: { number: number }) => p.number === 901));
});

test('a customer named with characters of 通用规范汉字表 beyond the BMP gets a contract PDF that reads back whole', async (t) => {
  const firm = await aFirm(crm);
  const name = aCompany('𬀩𫭟𬘘');
  const order = await anOrder(crm, firm.admin, { companyName: name });
  const profile = await api.call('PATCH', `${V1}/orders/${order.id}/profile`, { token: firm.adminToken, body: { ...aProfile({ legalPersonName: '王𬌗' }), version: order.version } });
  t.is(profile.status, 200, JSON.stringify(profile.body));
  const contract = await api.call('PUT', `${V1}/orders/${order.id}/contract`, {
    token: firm.adminToken, body: { ...aContract({ customerParty: name }), version: profile.body.version },
  });
  t.is(contract.status, 200, JSON.stringify(contract.body));
  const pdf = await fetch(`${api.url}${V1}/orders/${order.id}/contract.pdf`, { headers: { authorization: `Bearer ${firm.adminToken}` } });
  t.is(pdf.status, 200);
  const text = compactText(Buffer.from(await pdf.arrayBuffer()));
  t.true(text.includes(name), text);
  t.true(text.includes('王𬌗'), text);
});
