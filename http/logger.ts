// Structured logs (pino) that never carry passwords, tokens or ID numbers: one JSON line per entry for log
// collectors, or pino-pretty's readable lines when a person watches the terminal.
import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

export const REDACT = [
  'password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'req.headers.authorization',
  'idNumber', '*.idNumber', 'bankCard', '*.bankCard', 'taxSecrets', '*.taxSecrets',
];

export type LogFormat = 'pretty' | 'json';

/** Readable lines on a terminal, JSON otherwise; YUNZHOU_LOG_FORMAT=json|pretty decides instead when set. */
export function logFormatFor(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): LogFormat {
  const chosen = env.YUNZHOU_LOG_FORMAT;
  if (chosen === 'json' || chosen === 'pretty') return chosen;
  return stream.isTTY ? 'pretty' : 'json';
}

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', out: DestinationStream & { readonly isTTY?: boolean } = process.stdout): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'yunzhou' } };
  const stdout = out === process.stdout; // pino's own fast writer on fd 1, as before
  if (logFormatFor(out) === 'json') return stdout ? pino(options) : pino(options, out);
  return pino(options, pretty({ destination: stdout ? 1 : out, colorize: out.isTTY === true, sync: true, ignore: 'service,pid,hostname', translateTime: 'SYS:HH:MM:ss.l' }));
}
