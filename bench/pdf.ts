// PDF benchmark: invoices per second with our renderer, against bare pdfkit drawing the very same page with
// the same already-parsed font, in the same run. Run: `npx tsc -p tsconfig.json && node dist/bench/pdf.js`.
//
// The bare baseline replays the pdfkit calls our renderer made for one invoice (recorded once), so it pays
// only for pdfkit itself: the ratio is what our checks, measuring and layout cost on top. Two more figures
// show why the font is parsed once per renderer: a renderer created (font read and parsed) for every
// invoice, and bare pdfkit given the font file's Buffer (pdfkit then parses it again for every PDF).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { InvoiceDocument } from '../core/documents/types.js';
import { checkInvoiceDocument } from '../core/documents/invoice-totals.js';
import { Canvas } from '../adapters/pdf/canvas.js';
import { defaultFontPath, loadFonts } from '../adapters/pdf/fonts.js';
import { drawInvoice } from '../adapters/pdf/invoice-layout.js';
import { PdfkitRenderer } from '../adapters/pdf/pdfkit-renderer.js';
import { TextMeasure } from '../adapters/pdf/text-measure.js';

export interface PdfBenchFigures {
  readonly renders: number;
  readonly oursPerSecond: number;
  readonly barePerSecond: number;
  readonly ratio: number;
  readonly invoiceKb: number;
  readonly rereadFontPerSecond: number;
  readonly fontBufferPerSecond: number;
}

function sampleInvoice(): InvoiceDocument {
  const line = { name: '*经纪代理服务*融资服务费', specification: '企业信用贷', unit: '次', quantity: '1', unitPrice: '9433.96226415', amountFen: 943_396, taxRate: '6', taxFen: 56_604 };
  return {
    kind: 'special',
    number: '25442000000123456789',
    issueDate: '2025-03-08',
    buyer: { name: '苏州王喆堃犇淼科技有限公司', taxId: '91320505MA1X2Y3Z4Q', address: '苏州市高新区狮山路 88 号', phone: '0512-66889900', bank: '中国建设银行苏州高新区支行', account: '32250199753600001234' },
    seller: { name: '大鑫金服（苏州）信息咨询有限公司', taxId: '91320594MA20ABCD1K', address: '苏州工业园区星湖街 328 号', phone: '0512-62880000', bank: '招商银行苏州分行营业部', account: '512905678910888' },
    lines: [line, { ...line, name: '*经纪代理服务*融资咨询服务费', amountFen: 94_340, taxFen: 5_660, unitPrice: '943.39622642' }],
    remarks: '订单 DX-2025-0042 企业信用贷 服务费',
    payee: '孙露露',
    reviewer: '李淼',
    drawer: '张犇',
  };
}

type Call = readonly [method: string, args: readonly unknown[]];

// Draws the invoice once through a proxy that records every pdfkit call our Canvas makes.
function recordInvoiceCalls(data: InvoiceDocument): Call[] {
  const fonts = loadFonts();
  const kit = { fonts, regular: new TextMeasure(fonts.regular), bold: new TextMeasure(fonts.regular) };
  const calls: Call[] = [];
  const real = newDocument();
  const proxy: PDFKit.PDFDocument = new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        calls.push([prop, args]);
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result === target ? proxy : result;
      };
    },
  });
  // The layout is a generator that pauses after each page (streaming): run it to its end.
  for (const _page of drawInvoice(new Canvas(proxy, kit), data, checkInvoiceDocument(data))) { /* every page */ }
  return calls;
}

function newDocument(): PDFKit.PDFDocument {
  return new PDFDocument({ autoFirstPage: false, font: null as unknown as string, info: { Title: 'bench', CreationDate: new Date(0) } });
}

// Bare pdfkit: the recorded calls on a fresh document, with the given font source for registerFont.
function bareInvoice(calls: readonly Call[], font: unknown): Readable {
  const doc = newDocument() as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const [method, args] of calls) {
    const fn = doc[method];
    if (!fn) throw new Error(`pdfkit has no ${method}`);
    fn.apply(doc, method === 'registerFont' ? [args[0], font] : [...args]);
  }
  (doc as unknown as PDFKit.PDFDocument).end();
  return doc as unknown as Readable;
}

function collect(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

async function seconds(renders: number, render: () => Promise<Buffer>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < renders; i++) await render();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function perSecond(renders: number, render: () => Promise<Buffer>): Promise<number> {
  await seconds(Math.min(20, renders), render); // warm up the JIT and caches
  return renders / (await seconds(renders, render));
}

/** Measures and returns the figures (500 renders by default). */
export async function benchPdf(renders = 500): Promise<PdfBenchFigures> {
  const data = sampleInvoice();
  const renderer = new PdfkitRenderer();
  const calls = recordInvoiceCalls(data);
  const parsedFont = loadFonts().regular;
  const fontBuffer = readFileSync(defaultFontPath());

  const ours = (): Promise<Buffer> => renderer.renderInvoice(data);
  const bare = (): Promise<Buffer> => collect(bareInvoice(calls, parsedFont));
  await seconds(50, ours); // warm up the JIT and caches
  await seconds(50, bare);
  // Alternate the two in small rounds, so that load from other processes falls on both alike.
  const rounds = 20;
  const share = Math.max(1, Math.round(renders / rounds));
  let oursSeconds = 0;
  let bareSeconds = 0;
  for (let r = 0; r < rounds; r++) {
    oursSeconds += await seconds(share, ours);
    bareSeconds += await seconds(share, bare);
  }
  const oursPerSecond = (share * rounds) / oursSeconds;
  const barePerSecond = (share * rounds) / bareSeconds;
  const invoiceKb = (await renderer.renderInvoice(data)).length / 1024;
  const slow = Math.max(20, Math.round(renders / 10));
  const rereadFontPerSecond = await perSecond(slow, () => new PdfkitRenderer().renderInvoice(data));
  const fontBufferPerSecond = await perSecond(slow, () => collect(bareInvoice(calls, fontBuffer)));
  return { renders, oursPerSecond, barePerSecond, ratio: oursPerSecond / barePerSecond, invoiceKb, rereadFontPerSecond, fontBufferPerSecond };
}

function print(f: PdfBenchFigures): void {
  const n = (v: number): string => v.toFixed(0).padStart(6);
  console.log(`PDF invoice benchmark: ${f.renders} renders, one process (Node ${process.version})`);
  console.log(`  ours: PdfkitRenderer, font parsed once          ${n(f.oursPerSecond)} invoices/s  (target >= 80)`);
  console.log(`  bare pdfkit: same page, same parsed font        ${n(f.barePerSecond)} invoices/s`);
  console.log(`  ratio ours/bare                                 ${f.ratio.toFixed(2).padStart(6)}  (target >= 0.8)`);
  console.log(`  one invoice                                     ${f.invoiceKb.toFixed(1).padStart(6)} KB  (target < 60)`);
  console.log(`  ours, font file re-read and parsed every render ${n(f.rereadFontPerSecond)} invoices/s`);
  console.log(`  bare pdfkit given the font Buffer (parse per PDF)${n(f.fontBufferPerSecond)} invoices/s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  print(await benchPdf(Number(process.env.PDF_BENCH_RENDERS ?? 500)));
}
