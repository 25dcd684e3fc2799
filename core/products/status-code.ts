// The customer's query code (查询码) for the status page: 128 random bits written as 26 Crockford base32
// characters in groups of four, so it can be read out over the phone and typed without case or 0/O mix-ups.
// Only a keyed digest of it is stored; wrong answers are counted per code and per client address.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U
export const STATUS_CODE_BYTES = 16; // 128 bits
export const STATUS_CODE_LENGTH = 26; // ceil(128 / 5)

/** Writes random bytes as a query code: 26 base32 characters, grouped by four with dashes. */
export function formatStatusCode(bytes: Uint8Array): string {
  if (bytes.length !== STATUS_CODE_BYTES) throw new Error(`a query code needs ${STATUS_CODE_BYTES} random bytes`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET.charAt((value << (5 - bits)) & 31);
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

/**
 * The canonical form a code is digested in: upper case, without spaces or dashes, with the letters people
 * confuse read as Crockford says (O → 0, I and L → 1). Anything else passes through unchanged, so a malformed
 * code is simply a code that matches nothing.
 */
export function normaliseStatusCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .slice(0, 64);
}

/** Whether a text is the last four digits of a mobile number. */
export function isLastFour(text: string): boolean {
  return /^\d{4}$/.test(text);
}

/** How many wrong answers are allowed in a window, per query code and per client address. */
export interface LookupThrottlePolicy {
  readonly perCode: { readonly maxFailures: number; readonly windowSeconds: number };
  readonly perAddress: { readonly maxFailures: number; readonly windowSeconds: number };
}

export const DEFAULT_LOOKUP_THROTTLE: LookupThrottlePolicy = {
  perCode: { maxFailures: 5, windowSeconds: 15 * 60 },
  perAddress: { maxFailures: 20, windowSeconds: 15 * 60 },
};

/** One persisted counter: failures since the window started. */
export interface FailureCounter {
  readonly failures: number;
  readonly windowStartedAt: Date;
}

/** Seconds until a counter lets the next attempt through, or 0 when it may go now (under the limit, or the window is over). */
export function secondsBlocked(counter: FailureCounter | null, limit: { maxFailures: number; windowSeconds: number }, now: Date): number {
  if (counter === null || counter.failures < limit.maxFailures) return 0;
  const ends = counter.windowStartedAt.getTime() + limit.windowSeconds * 1000;
  return ends > now.getTime() ? Math.ceil((ends - now.getTime()) / 1000) : 0;
}
