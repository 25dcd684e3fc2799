// Logs: JSON lines for collectors, pino-pretty's readable lines on a terminal.
import test from 'ava';
import { Writable } from 'node:stream';
import { createLogger, logFormatFor } from '../../http/logger.js';

function sink(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  let text = '';
  const w = new Writable({ write(chunk: Buffer, _e, done) { text += chunk.toString(); done(); } }) as Writable & { isTTY: boolean; text: () => string };
  w.isTTY = isTTY;
  w.text = () => text;
  return w;
}

test('not on a terminal: one JSON object per line, secrets redacted', (t) => {
  const out = sink(false);
  const log = createLogger('info', out);
  log.info({ requestId: 'r1', status: 200, password: 'hunter2' }, 'request');
  log.warn('second');
  const lines = out.text().trim().split('\n').map((l) => JSON.parse(l));
  t.is(lines.length, 2);
  t.like(lines[0], { msg: 'request', requestId: 'r1', status: 200, password: '[redacted]', service: 'yunzhou', level: 30 });
  t.like(lines[1], { msg: 'second', level: 40 });
});

test('on a terminal: pino-pretty lines, not JSON', (t) => {
  const out = sink(true);
  createLogger('info', out).info({ requestId: 'r1', password: 'hunter2' }, 'request');
  const text = out.text();
  t.regex(text, /INFO.*request/);
  t.false(text.includes('hunter2'));
  t.throws(() => JSON.parse(text.split('\n')[0] as string));
});

test('the format follows the stream unless YUNZHOU_LOG_FORMAT says', (t) => {
  t.is(logFormatFor({ isTTY: true }, {}), 'pretty');
  t.is(logFormatFor({ isTTY: false }, {}), 'json');
  t.is(logFormatFor({}, {}), 'json');
  t.is(logFormatFor({ isTTY: true }, { YUNZHOU_LOG_FORMAT: 'json' }), 'json');
  t.is(logFormatFor({ isTTY: false }, { YUNZHOU_LOG_FORMAT: 'pretty' }), 'pretty');
});
