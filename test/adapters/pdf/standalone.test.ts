// The PDF renderers stand alone: a host imports them from the package entry and renders plain data, with
// no database, no container and no configuration; the renderers' own modules reach no database code.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderContractPdfStream, renderInvoicePdf, renderInvoicePdfStream } from '../../../index.js';
import { aContract, anInvoice } from './builders.js';
import { compactText, qpdfCheck } from './pdf-tools.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

test('renderInvoicePdf and renderInvoicePdfStream from the package entry render plain data', async (t) => {
  const whole = await renderInvoicePdf(anInvoice());
  t.true(compactText(whole).includes('发票号码：25442000000123456789'));
  const chunks: Buffer[] = [];
  for await (const chunk of renderInvoicePdfStream(anInvoice())) chunks.push(chunk as Buffer);
  t.true(Buffer.concat(chunks).equals(whole));
  const contract: Buffer[] = [];
  for await (const chunk of renderContractPdfStream(aContract())) contract.push(chunk as Buffer);
  t.is(qpdfCheck(Buffer.concat(contract)).status, 0);
});

test('in a process with no database settings at all, the package entry renders an invoice stream', (t) => {
  const script = [
    `import { renderInvoicePdfStream } from ${JSON.stringify(join(root, 'dist/index.js'))};`,
    `import { anInvoice } from ${JSON.stringify(join(root, 'dist/test/adapters/pdf/builders.js'))};`,
    'const chunks = [];',
    'for await (const c of renderInvoicePdfStream(anInvoice())) chunks.push(c);',
    'const pdf = Buffer.concat(chunks);',
    "process.stdout.write(JSON.stringify({ head: pdf.subarray(0, 5).toString('latin1'), tail: pdf.subarray(-6).toString('latin1').trim() }));",
  ].join('\n');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: '/', env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  t.deepEqual(JSON.parse(out), { head: '%PDF-', tail: '%%EOF' });
});

// Every module adapters/pdf/index.ts reaches, following relative imports through the sources.
function reachable(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2] ?? '';
      if (spec.startsWith('.')) visit(relative(root, resolve(dirname(join(root, file)), spec)).replace(/\.js$/, '.ts'));
      else packages.add(spec.replace(/^(@[^/]+\/[^/]+|[^/]+).*$/, '$1'));
    }
  };
  visit(entry);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

test('the renderers\' modules reach no database, container or HTTP code', (t) => {
  const { files, packages } = reachable('adapters/pdf/index.ts');
  t.true(files.includes('adapters/pdf/pdfkit-renderer.ts'));
  t.deepEqual(files.filter((f) => !f.startsWith('adapters/pdf/') && !f.startsWith('core/')), []);
  t.true(packages.includes('pdfkit'));
  t.deepEqual(packages.filter((p) => /^(knex|knex-pglite|pg|@electric-sql\/pglite|inversify|koa|@koa\/router)$/.test(p)), []);
});
