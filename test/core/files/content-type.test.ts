import test from 'ava';
import fc from 'fast-check';
import { CONTENT_TYPES, familyMayBeAllowed, magicFamily, sniffContentType, type ContentType } from '../../../core/files/content-type.js';
import { docx, EXE_HEAD, GIF_HEAD, JPEG_HEAD, ole2, PDF_MINIMAL, PNG_1X1, pptx, webp, xlsx, zip } from './samples.js';

const table: readonly [string, Buffer, ContentType | null][] = [
  ['a 1×1 PNG', PNG_1X1, CONTENT_TYPES.png],
  ['a JFIF JPEG', JPEG_HEAD, CONTENT_TYPES.jpeg],
  ['a one-page PDF', PDF_MINIMAL, CONTENT_TYPES.pdf],
  ['a lossless WebP', webp(), CONTENT_TYPES.webp],
  ['a Word document (DOCX)', docx(), CONTENT_TYPES.docx],
  ['an Excel workbook (XLSX)', xlsx(), CONTENT_TYPES.xlsx],
  ['a PowerPoint deck (PPTX)', pptx(), CONTENT_TYPES.pptx],
  ['a Word 97-2003 document (DOC)', ole2(['1Table', 'WordDocument']), CONTENT_TYPES.doc],
  ['an Excel 97-2003 workbook (XLS)', ole2(['Workbook']), CONTENT_TYPES.xls],
  ['an Excel 5 workbook (Book stream)', ole2(['Book']), CONTENT_TYPES.xls],
  ['a Windows executable', EXE_HEAD, null],
  ['a GIF (not accepted)', GIF_HEAD, null],
  ['plain text', Buffer.from('身份证号 320583199001014885', 'utf8'), null],
  ['an empty file', Buffer.alloc(0), null],
  ['a plain zip archive', zip([{ name: 'readme.txt', data: 'hi' }]), null],
  ['a zip with [Content_Types].xml but no office part', zip([{ name: '[Content_Types].xml' }, { name: 'misc/a.xml' }]), null],
  ['a zip with word/ but no [Content_Types].xml', zip([{ name: 'word/document.xml' }]), null],
  ['a compound file that is neither DOC nor XLS (an MSI)', ole2(['SummaryInformation']), null],
  ['a truncated compound file header', ole2(['WordDocument']).subarray(0, 100), null],
  ['"PDF" not at the start', Buffer.concat([Buffer.from('xx'), PDF_MINIMAL]), null],
  ['RIFF that is not WebP (a WAV)', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), null],
];

for (const [what, bytes, expected] of table) {
  test(`sniffContentType: ${what} is ${expected ?? 'refused (null)'}`, (t) => {
    t.is(sniffContentType(bytes), expected);
  });
}

test('an OOXML package is recognised from its central directory when only the first entry is in the head', (t) => {
  const file = zip([{ name: '[Content_Types].xml' }, { name: 'docProps/thumbnail.jpeg', data: Buffer.alloc(200_000, 1) }, { name: 'word/document.xml' }]);
  const head = file.subarray(0, 64 * 1024); // [Content_Types].xml and the thumbnail, not word/
  t.is(sniffContentType(head), null);
  t.is(sniffContentType(head, { tail: file.subarray(file.length - 64 * 1024) }), CONTENT_TYPES.docx);
});

test('a legacy DOC whose directory lies beyond the head is recognised from the directory sector handed over', (t) => {
  const file = ole2(['WordDocument'], 200); // directory at (200 + 1) × 512 bytes
  const head = file.subarray(0, 64 * 1024);
  t.is(sniffContentType(head), null);
  const at = 201 * 512;
  t.is(sniffContentType(head, { oleDirectory: file.subarray(at, at + 512) }), CONTENT_TYPES.doc);
});

test('magicFamily names the container families that need a closer look', (t) => {
  t.is(magicFamily(docx()), 'zip');
  t.is(magicFamily(ole2(['Workbook'])), 'ole2');
  t.is(magicFamily(PNG_1X1), 'png');
  t.is(magicFamily(EXE_HEAD), null);
});

test('familyMayBeAllowed refuses early only what can never become an allowed type', (t) => {
  const images = [CONTENT_TYPES.png, CONTENT_TYPES.jpeg];
  t.true(familyMayBeAllowed('png', images));
  t.false(familyMayBeAllowed('pdf', images));
  t.false(familyMayBeAllowed('zip', images));
  t.true(familyMayBeAllowed('zip', [CONTENT_TYPES.xlsx]));
  t.true(familyMayBeAllowed('ole2', [CONTENT_TYPES.doc]));
  t.false(familyMayBeAllowed(null, Object.values(CONTENT_TYPES)));
});

test('sniffing arbitrary bytes never throws and answers a known type or null', (t) => {
  const known = new Set<string>(Object.values(CONTENT_TYPES));
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), fc.uint8Array({ maxLength: 512 }), (head, tail) => {
      const r = sniffContentType(head, { tail, oleDirectory: tail });
      return r === null || known.has(r);
    }),
  );
  t.pass();
});

test('whatever follows a PNG signature, the file is a PNG; whatever follows MZ, it is refused', (t) => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 1024 }), (rest) =>
      sniffContentType(Buffer.concat([PNG_1X1.subarray(0, 8), rest])) === CONTENT_TYPES.png &&
      sniffContentType(Buffer.concat([Buffer.from('MZ'), rest])) === null),
  );
  t.pass();
});
