import test from 'ava';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPdfRenderer, defaultFontPath, renderContractPdfStream } from '../../../adapters/pdf/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { aContract, anInvoice, aPlan } from './builders.js';
import { compactText, pdfFonts, qpdfCheck } from './pdf-tools.js';

const renderer = createPdfRenderer();

test('names with rare GBK characters (喆 堃 犇 淼) are drawn and read back as text', async (t) => {
  const text = compactText(await renderer.renderInvoice(anInvoice({ buyer: { name: '喆堃犇淼镕赟珺甯有限公司', taxId: '91320505MA1X2Y3Z4Q' } })));
  t.true(text.includes('名称：喆堃犇淼镕赟珺甯有限公司'), text);
});

test('an emoji is refused with the characters and the fields that hold them, not printed as a box', async (t) => {
  const error = await t.throwsAsync(renderer.renderInvoice(anInvoice({ buyer: { name: '笑脸😀科技有限公司', taxId: '91320505MA1X2Y3Z4Q' }, remarks: '谢谢🙏' })), { instanceOf: DomainError });
  t.is(error?.code, 'document.unsupported_characters');
  t.is(error?.kind, 'invalid');
  t.deepEqual(error?.details.characters, ['😀', '🙏']);
  t.deepEqual(error?.details.codePoints, ['U+1F600', 'U+1F64F']);
  t.deepEqual(error?.details.fields, ['/buyer/name', '/remarks']);
  t.true(error?.text.zh.includes('😀'));
});

test('a Tangut character in a contract template is refused, and the stream variant refuses at once', (t) => {
  const data = aContract({ termsTemplate: '本条款含西夏文𗀀。' });
  const error = t.throws(() => renderContractPdfStream(data), { instanceOf: DomainError });
  t.is(error?.code, 'document.unsupported_characters');
  t.deepEqual(error?.details.characters, ['𗀀']);
  t.deepEqual(error?.details.codePoints, ['U+17000']);
  t.deepEqual(error?.details.fields, ['/termsTemplate']);
});

test('a control character is refused, while line breaks and tabs are layout', async (t) => {
  const error = await t.throwsAsync(renderer.renderPlan(aPlan({ overview: '第一行\n第二行\t缩进\u0007' })), { instanceOf: DomainError });
  t.deepEqual(error?.details.characters, ['\u0007']);
  const pdf = await renderer.renderPlan(aPlan({ overview: '第一行\n第二行\t缩进' }));
  t.true(compactText(pdf).includes('第二行缩进'));
});

test('a renderer takes another font file by path, and a missing file is a clear configuration error', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'yunzhou-font-'));
  const copy = join(dir, 'my-font.otf');
  copyFileSync(defaultFontPath(), copy);
  const custom = createPdfRenderer({ fontPath: copy, boldFontPath: copy });
  const pdf = await custom.renderInvoice(anInvoice());
  t.is(qpdfCheck(pdf).status, 0);
  t.true(compactText(pdf).includes('电子发票（增值税专用发票）'));
  t.true(pdfFonts(pdf).every((f) => f.embedded && f.subset));
  t.throws(() => createPdfRenderer({ fontPath: join(dir, 'missing.otf') }), { message: /cannot use the PDF font .*missing\.otf/ });
});
