// startedStream: a download starts only once its first bytes exist, then flows; a reader that goes away
// stops the source.
import test from 'ava';
import { startedStream } from '../../http/started-stream.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

test('a failure before the first chunk rejects, so the route answers with an error instead of a download', async (t) => {
  // eslint-disable-next-line require-yield
  const failing = (async function* (): AsyncGenerator<Uint8Array> {
    throw new Error('cannot draw');
  })();
  await t.throwsAsync(startedStream(failing), { message: 'cannot draw' });
});

test('the chunks flow in order, the first one already taken', async (t) => {
  const stream = await startedStream((async function* () {
    yield bytes('%PDF-');
    yield bytes('page 1 ');
    yield bytes('%%EOF');
  })());
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  t.is(Buffer.concat(chunks).toString(), '%PDF-page 1 %%EOF');
});

test('a reader that goes away stops the source', async (t) => {
  let stopped = false;
  const pages = (async function* () {
    try {
      for (let page = 1; ; page++) yield bytes(`page ${page} `);
    } finally {
      stopped = true;
    }
  })();
  const stream = await startedStream(pages);
  t.is(String(await new Promise((resolve) => stream.once('data', resolve))), 'page 1 ');
  stream.destroy(); // what the server does when the client goes away
  for (let i = 0; i < 50 && !stopped; i++) await new Promise((resolve) => setImmediate(resolve));
  t.true(stopped, 'the source was told to stop');
});
