// What a vendor said when it did not do what was asked, in a shape the outbox can act on: retry later
// (and when), or give up and show the administrator the vendor's own code and message.

export type Vendor = 'wecom' | 'dingtalk' | 'aliyun-sms';

/**
 * - rate_limited: the vendor's quota; retry after `retryAfterMs` (queue, never drop).
 * - unavailable: timeout, network failure, HTTP 5xx or "system busy"; retry after `retryAfterMs`.
 * - rejected: the request itself is wrong (bad credentials, template, number …); retrying will not help.
 * - invalid_code: a sign-in code that is unknown, used or expired.
 * - unknown_user: the code is valid but belongs to no member of the firm's organisation.
 */
export type VendorErrorKind = 'rate_limited' | 'unavailable' | 'rejected' | 'invalid_code' | 'unknown_user';

export class VendorError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly vendor: Vendor,
    readonly kind: VendorErrorKind,
    /** The vendor's error code as it sent it (errcode, Code), or ours for transport failures (TIMEOUT, NETWORK, HTTP_502). */
    readonly code: string,
    /** The vendor's message, unchanged. */
    readonly vendorMessage: string,
    /** When to try again, for retryable kinds; null otherwise. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${vendor} ${code}: ${vendorMessage}`);
    this.name = 'VendorError';
    this.retryable = kind === 'rate_limited' || kind === 'unavailable';
  }
}

export function isVendorError(e: unknown): e is VendorError {
  return e instanceof VendorError;
}
