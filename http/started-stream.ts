// A download whose first bytes exist before its answer starts: a failure before them (bad data, a record
// that cannot be drawn) is an error answer (problem+json), not a 200 cut off after its headers were sent.
// The rest flows as the reader takes it.
import { Readable } from 'node:stream';

export async function startedStream(source: AsyncIterable<Uint8Array>): Promise<Readable> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  const rest = (async function* (): AsyncGenerator<Uint8Array> {
    try {
      if (first.done) return;
      yield first.value;
      for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
    } finally {
      await it.return?.(); // a reader that went away stops the source (a PDF stops being drawn)
    }
  })();
  return Readable.from(rest, { objectMode: false }); // buffered ahead by bytes (16 KB), not by 16 chunks
}
