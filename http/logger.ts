// Structured logs (pino) that never carry passwords, tokens or ID numbers.
import { pino, type Logger } from 'pino';

export const REDACT = [
  'password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'req.headers.authorization',
  'idNumber', '*.idNumber', 'bankCard', '*.bankCard', 'taxSecrets', '*.taxSecrets',
];

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'yunzhou' } });
}
