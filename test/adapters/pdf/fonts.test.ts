import test from 'ava';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createPdfRenderer, defaultFontPath, renderContractPdfStream } from '../../../adapters/pdf/index.js';
import { parseFont } from '../../../adapters/pdf/fontkit.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { aContract, anInvoice, aPlan } from './builders.js';
import { compactText, pdfFonts, qpdfCheck } from './pdf-tools.js';

const renderer = createPdfRenderer();

// 通用规范汉字表 as committed beside the font (one character a line, from Unihan's kTGH field).
const tongyongGuifan = readFileSync(join(dirname(defaultFontPath()), 'tongyong-guifan-hanzi.txt'), 'utf8')
  .split('\n').filter((l) => l !== '' && !l.startsWith('#'));

test('the shipped font draws every character of 通用规范汉字表, the 196 beyond the BMP included', (t) => {
  const font = parseFont(readFileSync(defaultFontPath()));
  t.is(tongyongGuifan.length, 8105);
  t.is(new Set(tongyongGuifan).size, 8105);
  const beyondBmp = tongyongGuifan.filter((c) => (c.codePointAt(0) ?? 0) > 0xffff);
  t.is(beyondBmp.length, 196);
  t.deepEqual(tongyongGuifan.filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0) ?? 0)), []);
});

test('the shipped font draws GB 18030-2022 level 1 beyond GBK: all of CJK Extension A and U+9FA6..U+9FEF', (t) => {
  const font = parseFont(readFileSync(defaultFontPath()));
  const missing: string[] = [];
  for (const [lo, hi] of [[0x3400, 0x4db5], [0x9fa6, 0x9fef]] as const) {
    for (let cp = lo; cp <= hi; cp++) if (!font.hasGlyphForCodePoint(cp)) missing.push(cp.toString(16));
  }
  t.deepEqual(missing, []);
});

test('names with characters beyond the BMP from 通用规范汉字表 (𬌗 𫭟 𬘘 𬀩) render and read back as text', async (t) => {
  const name = '𬀩𫭟𬘘科技有限公司';
  const invoice = compactText(await renderer.renderInvoice(anInvoice({ buyer: { name, taxId: '91320505MA1X2Y3Z4Q' }, drawer: '王𬌗' })));
  t.true(invoice.includes(`名称：${name}`), invoice);
  t.true(invoice.includes('王𬌗'), invoice);
  const contract = compactText(await renderer.renderContract(aContract({ customer: { ...aContract().customer, name, legalRepresentative: '李䶮' } })));
  t.true(contract.includes(name), contract);
  t.true(contract.includes('李䶮'), contract);
  const plan = compactText(await renderer.renderPlan(aPlan({ customerName: name })));
  t.true(plan.includes(name), plan);
});

test('a character outside 通用规范汉字表 and GB 18030 level 2 (𠮷 U+20BB7) is still refused when printing', async (t) => {
  const error = await t.throwsAsync(renderer.renderInvoice(anInvoice({ buyer: { name: '𠮷野家有限公司', taxId: '91320505MA1X2Y3Z4Q' } })), { instanceOf: DomainError });
  t.deepEqual(error?.details.codePoints, ['U+20BB7']);
});

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
