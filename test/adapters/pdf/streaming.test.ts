// A PDF streams as it is drawn: its first page can be read before its last is drawn, a reader that stops
// stops the drawing (the document is never held whole), errors anywhere in the data come before the first
// byte, and the streamed bytes are the bytes of the whole-document convenience.
import test from 'ava';
import type { Readable } from 'node:stream';
import { createPdfRenderer } from '../../../adapters/pdf/index.js';
import type { ContractInstalment } from '../../../core/documents/types.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { aContract, anInvoice, anInvoiceLine } from './builders.js';
import { compactText, pageCount, qpdfCheck } from './pdf-tools.js';

const renderer = createPdfRenderer();

/** A contract with the largest collection plan an order may have (120 instalments): several pages. */
function aLongContract() {
  const collectionPlan: ContractInstalment[] = Array.from({ length: 120 }, (_, i) => ({
    sequence: i + 1,
    dueDate: `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
    amountFen: 10_000,
    note: '放款后 3 个工作日内支付',
  }));
  return aContract({ collectionPlan, feeFen: 1_200_000 });
}

/** A long contract with 300 matched products as well: about 15 pages. */
function aLargeContract() {
  const products = Array.from({ length: 300 }, (_, i) => ({ name: `产品${i + 1}号`, category: '税贷', serviceFeeFen: 4_000, discountFen: 0, quantity: 1, totalFen: 4_000 }));
  return { ...aLongContract(), products };
}

/** Lets the event loop turn a few times: what the stream would draw meanwhile, it draws. */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function rest(chunks: AsyncIterator<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let n = await chunks.next(); !n.done; n = await chunks.next()) out.push(n.value);
  return out;
}

test('the first chunk of a long contract is read before the document ends, and the chunks make the whole PDF', async (t) => {
  const stream: Readable = renderer.contractStream(aLongContract());
  let ended = false;
  stream.on('end', () => (ended = true));
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  t.false(first.done);
  t.is(first.value.subarray(0, 5).toString('latin1'), '%PDF-');
  t.false(ended, 'the document is still being drawn when its first bytes are read');
  t.false(first.value.includes('%%EOF'), 'the first chunk is not the whole document');

  const later = await rest(chunks);
  t.true(ended);
  const pdf = Buffer.concat([first.value, ...later]);
  const pages = pageCount(pdf);
  t.true(pages >= 5, `${pages} pages`);
  t.true(later.length >= pages - 1, 'a chunk per page (the last with the fonts)');
  t.is(qpdfCheck(pdf).status, 0);
  t.true(compactText(pdf, 1).includes(`第1页/共${pages}页`), 'the first page, sent first, knows the page count');
  t.true(compactText(pdf).includes('第120期'));
  t.true(pdf.equals(await renderer.renderContract(aLongContract())), 'the same bytes as the whole-document convenience');
});

test('a reader that stops reading stops the drawing: only a part of the document is ever buffered', async (t) => {
  const whole = await renderer.renderContract(aLargeContract());
  const stream: Readable = renderer.contractStream(aLargeContract());
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  await turns(50);
  t.false(stream.readableEnded);
  t.true(first.value.length + stream.readableLength < whole.length / 2, `${first.value.length} + ${stream.readableLength} of ${whole.length} bytes`);
  stream.destroy();
  await turns(5);
  t.true(stream.destroyed);
});

test('an error anywhere in the data is thrown before the first byte: a bad date on the last page, an undrawable name', (t) => {
  const long = aLongContract();
  const collectionPlan = long.collectionPlan.map((p, i) => (i === 119 ? { ...p, dueDate: '2035-02-30' } : p));
  const late = t.throws(() => renderer.contractStream({ ...long, collectionPlan }), { instanceOf: DomainError });
  t.is(late?.code, 'document.invalid_date');
  const undrawable = t.throws(() => renderer.invoiceStream(anInvoice({ buyer: { name: '笑脸😀科技有限公司', taxId: '91320505MA1X2Y3Z4Q' } })), { instanceOf: DomainError });
  t.is(undrawable?.code, 'document.unsupported_characters');
});

test('a multi-page invoice streams a page at a time too', async (t) => {
  const invoice = anInvoice({ lines: Array.from({ length: 20 }, (_, i) => anInvoiceLine({ name: `*经纪代理服务*融资服务费第${i + 1}项` })) });
  const whole = await renderer.renderInvoice(invoice);
  const chunks = await rest(renderer.invoiceStream(invoice)[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
  t.true(pageCount(whole) >= 2);
  t.is(chunks.length, pageCount(whole), 'one chunk per page, the last with the fonts');
  t.true(Buffer.concat(chunks).equals(whole));
});
