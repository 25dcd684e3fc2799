// Real minimal files, built byte by byte: the smallest headers each format's readers accept.
import { crc32 } from 'node:zlib';

/** A 1×1 transparent PNG (67 bytes), as image tools write it. */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A JPEG's start: SOI, then the JFIF APP0 segment. */
export const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

/** A one-page PDF as a text editor could write it. */
export const PDF_MINIMAL = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** A lossless WebP container header (RIFF size, 'WEBP', a VP8L chunk). */
export function webp(): Buffer {
  const chunk = Buffer.concat([Buffer.from('VP8L', 'latin1'), u32(5), Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x00])]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32(4 + chunk.length), Buffer.from('WEBP', 'latin1'), chunk]);
}

/** A Windows executable's DOS header ('MZ'), whatever the file is named. */
export const EXE_HEAD = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.from('This program cannot be run in DOS mode.', 'latin1')]);

export const GIF_HEAD = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** A real zip (stored entries, CRC-32, central directory, end record), as Office writes OOXML packages. */
export function zip(entries: readonly { name: string; data?: Buffer | string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : (e.data ?? Buffer.from('<x/>', 'utf8'));
    const crc = crc32(data);
    const local = Buffer.concat([u32(0x04034b50), u16(20), u16(0), u16(0), u16(0), u16(0x21), u32(crc), u32(data.length), u32(data.length), u16(name.length), u16(0), name, data]);
    centrals.push(Buffer.concat([
      u32(0x02014b50), u16(20), u16(20), u16(0), u16(0), u16(0), u16(0x21), u32(crc), u32(data.length), u32(data.length),
      u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name,
    ]));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(cd.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, cd, end]);
}

const OOXML_COMMON = [{ name: '[Content_Types].xml', data: '<Types/>' }, { name: '_rels/.rels', data: '<Relationships/>' }];
export const docx = (body: Buffer | string = '<w:document/>'): Buffer => zip([...OOXML_COMMON, { name: 'word/document.xml', data: body }]);
export const xlsx = (): Buffer => zip([...OOXML_COMMON, { name: 'xl/workbook.xml', data: '<workbook/>' }]);
export const pptx = (): Buffer => zip([...OOXML_COMMON, { name: 'ppt/presentation.xml', data: '<presentation/>' }]);

/**
 * An OLE2 compound file (legacy DOC/XLS): a version-3 header (512-byte sectors) and a directory sector at
 * `dirSector` naming the streams; zero sectors fill the space before it.
 */
export function ole2(streams: readonly string[], dirSector = 0): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18);
  header.writeUInt16LE(0x0003, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e); // 512-byte sectors
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(dirSector, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    Buffer.from(name, 'utf16le').copy(dir, at);
    dir.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    dir.writeUInt8(i === 0 ? 5 : 2, at + 0x42);
  });
  return Buffer.concat([header, Buffer.alloc(dirSector * 512), dir]);
}
