// PDF downloads stream: the answer starts with the first page while the rest is still being drawn, a long
// contract (120 instalments) arrives whole and valid, and an error before the first byte is still a
// problem+json answer, never a 200 cut short.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { PdfRenderer, type PdfBytes } from '../../core/documents/ports.js';
import type { ContractDocument } from '../../core/documents/types.js';
import { testCrm } from '../support/crm.js';
import { serve, type TestServer } from '../support/http.js';
import { aFirm } from '../support/tenant.js';
import { aContractedOrder } from '../adapters/invoices/builders.js';
import { compactText, pageCount, qpdfCheck } from '../adapters/pdf/pdf-tools.js';

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

/** An order with a confirmed contract and a collection plan of the most instalments allowed (120). */
async function aLongContract(): Promise<{ orderId: string; token: string; tenantId: string }> {
  const firm = await aFirm(crm);
  const order = await aContractedOrder(crm, firm.admin, 12_000_000);
  await crm.collectionPlans.save(firm.admin, order.id, { version: 0, spec: { method: 'equal', count: 120, firstDueOn: '2026-12-15' } });
  return { orderId: order.id, token: firm.adminToken, tenantId: firm.admin.tenantId };
}

function get(path: string, token: string): Promise<Response> {
  return fetch(`${api.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
}

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let n = await reader.read(); !n.done; n = await reader.read()) out.push(Buffer.from(n.value));
  return out;
}

test.serial('the answer starts with the first page while the rest of the document is still to come', async (t) => {
  const { orderId, token } = await aLongContract();
  // The renderer holds back everything after its first chunk until the client has read that chunk: an
  // answer that waited for the whole document would never start.
  const renderer = crm.container.get<{ contractStream(data: ContractDocument): PdfBytes }>(PdfRenderer);
  const real = renderer.contractStream.bind(renderer);
  let firstRead!: () => void;
  const clientHasFirst = new Promise<void>((resolve) => (firstRead = resolve));
  renderer.contractStream = (data) => {
    const source = real(data)[Symbol.asyncIterator]();
    return (async function* held() {
      const first = await source.next();
      if (!first.done) yield first.value;
      await clientHasFirst;
      for (let n = await source.next(); !n.done; n = await source.next()) yield n.value;
    })();
  };
  try {
    const r = await get(`/orders/${orderId}/contract.pdf`, token);
    t.is(r.status, 200);
    t.is(r.headers.get('content-type'), 'application/pdf');
    t.is(r.headers.get('content-length'), null, 'the length is not known when the answer starts');
    const reader = (r.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    t.false(first.done);
    t.is(Buffer.from(first.value ?? []).subarray(0, 5).toString('latin1'), '%PDF-');
    firstRead();
    const pdf = Buffer.concat([Buffer.from(first.value ?? []), ...(await readAll(reader))]);
    t.is(qpdfCheck(pdf).status, 0);
  } finally {
    delete (renderer as Partial<typeof renderer>).contractStream; // back to the class's method
  }
});

test('a contract with 120 instalments streams as a whole, valid PDF with every instalment', async (t) => {
  const { orderId, token } = await aLongContract();
  const r = await get(`/orders/${orderId}/contract.pdf`, token);
  t.is(r.status, 200);
  t.is(r.headers.get('transfer-encoding'), 'chunked');
  const reader = (r.body as ReadableStream<Uint8Array>).getReader();
  const first = await reader.read();
  const head = Buffer.from(first.value ?? []);
  t.is(head.subarray(0, 5).toString('latin1'), '%PDF-');
  t.false(head.includes('%%EOF'), 'the first chunk is a part of the document');
  const pdf = Buffer.concat([head, ...(await readAll(reader))]);
  t.is(qpdfCheck(pdf).status, 0);
  const pages = pageCount(pdf);
  t.true(pages >= 5, `${pages} pages`);
  const text = compactText(pdf);
  t.true(text.includes('第1期') && text.includes('第120期'), 'every instalment is printed');
  t.true(text.includes(`第${pages}页/共${pages}页`));
});

test('a stored text the font cannot draw is a 400 problem+json before any byte, not a cut download', async (t) => {
  const { orderId, token, tenantId } = await aLongContract();
  // Saves refuse such text (DocumentCharset); a row written before that check existed can still hold it.
  await crm.database.knex('order_contracts').where({ tenant_id: tenantId, order_id: orderId }).update({ customer_party: '笑脸😀科技有限公司' });
  const r = await get(`/orders/${orderId}/contract.pdf`, token);
  t.is(r.status, 400);
  t.regex(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = (await r.json()) as { code: string };
  t.is(body.code, 'document.unsupported_characters');
  t.true(r.headers.get('content-disposition') === null, 'no download was started');
});
