// The Idempotency-Key a client sends so that a retried request is recorded once (a console's offline queue
// resends what it could not deliver): trimmed; empty means none; a key longer than 200 characters is refused.
import { validationFailed } from './domain-error.js';

export const IDEMPOTENCY_KEY_MAX = 200;

export function idempotencyKeyOf(raw: string | null | undefined): string | null {
  const key = raw?.trim() || null;
  if (key !== null && key.length > IDEMPOTENCY_KEY_MAX) {
    throw validationFailed([{ path: '/idempotencyKey', code: 'too_long', zh: `幂等键最多 ${IDEMPOTENCY_KEY_MAX} 字`, en: `at most ${IDEMPOTENCY_KEY_MAX} characters` }]);
  }
  return key;
}
