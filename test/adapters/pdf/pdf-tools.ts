// The standard PDF tools the tests read our PDFs with (Debian's poppler-utils and qpdf), so that what is
// checked is what a reader's software sees, not our own idea of the bytes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE_OF: Record<string, string> = { pdftotext: 'poppler-utils', pdffonts: 'poppler-utils', qpdf: 'qpdf' };
const dir = mkdtempSync(join(tmpdir(), 'yunzhou-pdf-test-'));
let files = 0;

function toFile(pdf: Buffer): string {
  const path = join(dir, `doc-${++files}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

function run(tool: string, args: readonly string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${tool} is not installed: the PDF tests need it. Install it with: apt-get install ${PACKAGE_OF[tool] ?? tool}`);
  }
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `pdftotext -layout` of the whole document (or one page). */
export function pdfText(pdf: Buffer, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const r = run('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, toFile(pdf), '-']);
  if (r.status !== 0) throw new Error(`pdftotext failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** The text with the spaces that -layout puts between columns and words removed (line breaks kept). */
export function compactText(pdf: Buffer, page?: number): string {
  return pdfText(pdf, page).replace(/[ \t\u3000]+/g, '');
}

/** qpdf --check: its exit status and what it said. */
export function qpdfCheck(pdf: Buffer): { status: number; output: string } {
  const r = run('qpdf', ['--check', toFile(pdf)]);
  return { status: r.status, output: r.stdout + r.stderr };
}

export function pageCount(pdf: Buffer): number {
  const r = run('qpdf', ['--show-npages', toFile(pdf)]);
  if (r.status !== 0) throw new Error(`qpdf --show-npages failed (${r.status}): ${r.stderr}`);
  return Number(r.stdout.trim());
}

export interface PdfFontRow {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
  readonly subset: boolean;
  readonly unicode: boolean;
}

/** The fonts pdffonts lists, one row per font used on the pages. */
export function pdfFonts(pdf: Buffer): PdfFontRow[] {
  const r = run('pdffonts', [toFile(pdf)]);
  if (r.status !== 0) throw new Error(`pdffonts failed (${r.status}): ${r.stderr}`);
  return r.stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      if (!m) throw new Error(`cannot read this pdffonts line: ${l}`);
      return { name: m[1] ?? '', type: m[2] ?? '', embedded: m[4] === 'yes', subset: m[5] === 'yes', unicode: m[6] === 'yes' };
    });
}
