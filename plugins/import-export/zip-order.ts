// An .xlsx read in the order a streaming reader needs. Excel writes the worksheets before the shared strings,
// so exceljs's streaming reader copies each worksheet to a temporary file and reads it after the strings —
// and it forgets that file (and its descriptor) when the reading stops early, as the header check does. The
// bytes of a zip's entries can be read in any order (each entry starts with its own local header), so the
// reader is handed the same entries with the worksheets last, read straight from the uploaded file.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

interface Entry {
  readonly name: string;
  readonly start: number;
}

/** The entries of a zip and where its central directory starts; null when it is not a plain (non-ZIP64) zip. */
async function zipLayout(path: string): Promise<{ entries: Entry[]; centralStart: number; size: number } | null> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) return null;
    const count = tail.readUInt16LE(at + 10);
    const centralSize = tail.readUInt32LE(at + 12);
    const centralStart = tail.readUInt32LE(at + 16);
    if (count === 0xffff || centralStart === 0xffffffff || centralStart + centralSize > size) return null;
    const central = Buffer.alloc(centralSize);
    await fh.read(central, 0, centralSize, centralStart);
    const entries: Entry[] = [];
    for (let p = 0; p + 46 <= central.length && entries.length < count; ) {
      if (central.readUInt32LE(p) !== CENTRAL) return null;
      const nameLength = central.readUInt16LE(p + 28);
      const extraLength = central.readUInt16LE(p + 30);
      const commentLength = central.readUInt16LE(p + 32);
      const start = central.readUInt32LE(p + 42);
      if (start === 0xffffffff || start >= centralStart) return null;
      entries.push({ name: central.toString('utf8', p + 46, p + 46 + nameLength), start });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return { entries, centralStart, size };
  } finally {
    await fh.close();
  }
}

const WORKSHEET = /^\/?xl\/worksheets\/sheet\d+\.xml$/;

/**
 * The file's bytes with the worksheet entries moved after every other entry (each entry's bytes, local
 * header to the next entry, unchanged), then the central directory; the file as it is (reordered: false)
 * when it is not a zip this can read (a damaged one fails in the reader, with its own error).
 */
export async function worksheetsLast(path: string): Promise<{ stream: Readable; reordered: boolean }> {
  const layout = await zipLayout(path).catch(() => null);
  if (!layout) return { stream: createReadStream(path), reordered: false };
  const byStart = [...layout.entries].sort((a, b) => a.start - b.start);
  const ranges = byStart.map((e, i) => ({ name: e.name, start: e.start, end: (byStart[i + 1]?.start ?? layout.centralStart) - 1 }));
  const ordered = [...ranges.filter((r) => !WORKSHEET.test(r.name)), ...ranges.filter((r) => WORKSHEET.test(r.name))];
  ordered.push({ name: '', start: layout.centralStart, end: layout.size - 1 });
  const stream = Readable.from((async function* (): AsyncGenerator<Buffer> {
    for (const r of ordered) {
      if (r.end < r.start) continue;
      const part = createReadStream(path, { start: r.start, end: r.end });
      try {
        for await (const chunk of part) yield chunk as Buffer;
      } finally {
        part.destroy();
      }
    }
  })());
  return { stream, reordered: true };
}
