import test from 'ava';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { checkUpload } from '../../../adapters/files/checked-upload.js';
import { CONTENT_TYPES } from '../../../core/files/content-type.js';
import { ole2, PDF_MINIMAL, zip } from '../../core/files/samples.js';
import { EVERYTHING } from './file-store-contract.js';

async function* pieces(bytes: Buffer, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield bytes.subarray(at, cut);
    at = cut;
  }
  yield bytes.subarray(at);
}

async function drain(bytes: AsyncGenerator<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of bytes) parts.push(c);
  return Buffer.concat(parts);
}

const SAMPLES = [
  { bytes: Buffer.concat([PDF_MINIMAL, Buffer.alloc(70_000, 3)]), type: CONTENT_TYPES.pdf },
  { bytes: zip([{ name: '[Content_Types].xml' }, { name: 'docProps/thumbnail.jpeg', data: Buffer.alloc(100 * 1024, 1) }, { name: 'word/document.xml' }]), type: CONTENT_TYPES.docx },
  { bytes: ole2(['WordDocument'], 200), type: CONTENT_TYPES.doc },
];

test('however an upload is cut into chunks, the same bytes pass on and the same size, SHA-256 and type are found', async (t) => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...SAMPLES), fc.array(fc.nat(), { maxLength: 12 }), async (sample, raw) => {
      const cuts = raw.map((n) => n % (sample.bytes.length + 1));
      const checked = checkUpload(pieces(sample.bytes, cuts), { maxBytes: 1 << 20, allowedTypes: EVERYTHING });
      const passed = await drain(checked.bytes);
      const facts = checked.facts();
      return passed.equals(sample.bytes) && facts.sizeBytes === sample.bytes.length && facts.contentType === sample.type
        && facts.sha256 === createHash('sha256').update(sample.bytes).digest('hex');
    }),
    { numRuns: 60 },
  );
  t.pass();
});

test('an upload is refused exactly when it is larger than the limit, and never passes on a byte past it', async (t) => {
  const bytes = SAMPLES[0]?.bytes as Buffer;
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: bytes.length + 10 }), fc.array(fc.nat(), { maxLength: 8 }), async (maxBytes, raw) => {
      const checked = checkUpload(pieces(bytes, raw.map((n) => n % (bytes.length + 1))), { maxBytes, allowedTypes: EVERYTHING });
      let passed = 0;
      try {
        for await (const c of checked.bytes) passed += c.length;
      } catch (e) {
        return bytes.length > maxBytes && (e as { code?: string }).code === 'file.too_large' && passed <= maxBytes && checked.failure() === e;
      }
      return bytes.length <= maxBytes && passed === bytes.length;
    }),
    { numRuns: 100 },
  );
  t.pass();
});

test('facts are only there once the bytes were checked to their end', (t) => {
  const checked = checkUpload(pieces(PDF_MINIMAL, []), { maxBytes: 1 << 20, allowedTypes: EVERYTHING });
  t.throws(() => checked.facts(), { message: /not been checked/ });
});
