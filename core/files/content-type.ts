// What a file is, read from its bytes (magic numbers), never from its name: a renamed EXE stays an EXE.
// Pure functions over byte arrays, so the rule is table-tested without a disk or a network.

export const CONTENT_TYPES = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
} as const;

export type ContentType = (typeof CONTENT_TYPES)[keyof typeof CONTENT_TYPES];

/** Names people know the types by, for messages that list what is allowed. */
export const CONTENT_TYPE_LABELS: Readonly<Record<ContentType, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint (PPTX)',
  'application/msword': 'Word 97-2003 (DOC)',
  'application/vnd.ms-excel': 'Excel 97-2003 (XLS)',
};

/** The family the first bytes announce; 'zip' and 'ole2' are containers whose content decides the type. */
export type MagicFamily = 'jpeg' | 'png' | 'webp' | 'pdf' | 'zip' | 'ole2';

/** How many leading bytes magicFamily needs to decide. */
export const MAGIC_BYTES = 12;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_CENTRAL = [0x50, 0x4b, 0x01, 0x02];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  let s = '';
  const end = Math.min(bytes.length, from + length);
  for (let i = from; i < end; i++) s += String.fromCharCode(bytes[i] as number);
  return s;
}

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) + u16(b, at + 2) * 0x10000);

/** The family announced by the leading bytes, or null for anything we do not accept (EXE, GIF, text…). */
export function magicFamily(head: Uint8Array): MagicFamily | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, PNG)) return 'png';
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (startsWith(head, ZIP_LOCAL)) return 'zip';
  if (startsWith(head, OLE2)) return 'ole2';
  return null;
}

/** Entry names of a zip found in these bytes: local file headers and central directory records. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b) continue;
    if (startsWith(bytes, ZIP_LOCAL, i) && i + 30 <= bytes.length) {
      const n = u16(bytes, i + 26);
      if (n > 0 && i + 30 + n <= bytes.length) names.push(ascii(bytes, i + 30, n));
    } else if (startsWith(bytes, ZIP_CENTRAL, i) && i + 46 <= bytes.length) {
      const n = u16(bytes, i + 28);
      if (n > 0 && i + 46 + n <= bytes.length) names.push(ascii(bytes, i + 46, n));
    }
  }
  return names;
}

/** An Office Open XML package: a zip with [Content_Types].xml and the application's part folder. */
function officeOpenXml(names: readonly string[]): ContentType | null {
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return CONTENT_TYPES.docx;
  if (names.some((n) => n.startsWith('xl/'))) return CONTENT_TYPES.xlsx;
  if (names.some((n) => n.startsWith('ppt/'))) return CONTENT_TYPES.pptx;
  return null;
}

/**
 * Where an OLE2 compound file (legacy DOC/XLS) keeps the first sector of its directory, read from its
 * 512-byte header; null when the header is not a compound file header.
 */
export function oleDirectoryRange(head: Uint8Array): { offset: number; length: number } | null {
  if (!startsWith(head, OLE2) || head.length < 512) return null;
  const shift = u16(head, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const first = u32(head, 0x30);
  if (first >= 0xfffffffa) return null; // a special sector marker, not a location
  return { offset: (first + 1) * 2 ** shift, length: 2 ** shift };
}

/** Stream names in a directory sector of a compound file (128-byte entries, UTF-16LE names). */
export function oleStreamNames(sector: Uint8Array): string[] {
  const names: string[] = [];
  for (let at = 0; at + 128 <= sector.length; at += 128) {
    const bytes = u16(sector, at + 0x40);
    if (bytes < 2 || bytes > 64) continue;
    let name = '';
    for (let i = 0; i < bytes - 2; i += 2) name += String.fromCharCode(u16(sector, at + i));
    names.push(name);
  }
  return names;
}

function legacyOffice(names: readonly string[]): ContentType | null {
  if (names.includes('WordDocument')) return CONTENT_TYPES.doc;
  if (names.includes('Workbook') || names.includes('Book')) return CONTENT_TYPES.xls;
  return null;
}

/** More of the file, for containers whose type is not in their first bytes. */
export interface SniffMore {
  /** The last bytes of the file (a zip's central directory lives at its end). */
  readonly tail?: Uint8Array;
  /** The OLE2 directory sector at oleDirectoryRange(head), when it lies beyond head. */
  readonly oleDirectory?: Uint8Array;
}

/**
 * The content type the bytes prove, or null when they prove none we accept. JPEG, PNG, WebP and PDF by
 * their signature; DOCX/XLSX/PPTX as zips holding [Content_Types].xml and word/, xl/ or ppt/; DOC/XLS as
 * compound files with a WordDocument or Workbook stream. `head` is the start of the file (or all of it).
 */
export function sniffContentType(head: Uint8Array, more: SniffMore = {}): ContentType | null {
  switch (magicFamily(head)) {
    case 'jpeg':
      return CONTENT_TYPES.jpeg;
    case 'png':
      return CONTENT_TYPES.png;
    case 'webp':
      return CONTENT_TYPES.webp;
    case 'pdf':
      return CONTENT_TYPES.pdf;
    case 'zip':
      return officeOpenXml([...zipEntryNames(head), ...(more.tail ? zipEntryNames(more.tail) : [])]);
    case 'ole2': {
      const range = oleDirectoryRange(head);
      if (!range) return null;
      const sector = range.offset + range.length <= head.length ? head.subarray(range.offset, range.offset + range.length) : more.oleDirectory;
      return sector ? legacyOffice(oleStreamNames(sector)) : null;
    }
    case null:
      return null;
  }
}

const FAMILY_TYPES: Readonly<Record<MagicFamily, readonly ContentType[]>> = {
  jpeg: [CONTENT_TYPES.jpeg],
  png: [CONTENT_TYPES.png],
  webp: [CONTENT_TYPES.webp],
  pdf: [CONTENT_TYPES.pdf],
  zip: [CONTENT_TYPES.docx, CONTENT_TYPES.xlsx, CONTENT_TYPES.pptx],
  ole2: [CONTENT_TYPES.doc, CONTENT_TYPES.xls],
};

/** Whether a file starting with this family could still turn out to be one of the allowed types (refuse early if not). */
export function familyMayBeAllowed(family: MagicFamily | null, allowed: readonly ContentType[]): boolean {
  return family !== null && FAMILY_TYPES[family].some((t) => allowed.includes(t));
}
