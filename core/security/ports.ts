// What core needs to keep sensitive fields (身份证号, 银行卡号, 税务密码) secret at rest and to account for
// every time someone sees one in clear.
import type { Tx } from '../shared/index.js';

/**
 * Seals and opens sensitive values. A sealed value is self-describing text,
 * `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts), so a value sealed under an old key still opens
 * after a new key became current (rotation). The same value seals differently every time; equality search
 * goes through blindIndex instead.
 */
export interface Cipher {
  encrypt(plain: string): string;
  /** Throws SealedValueError when the value was altered, is malformed, or names a key the keyring lacks. */
  decrypt(sealed: string): string;
  /**
   * A keyed hash (HMAC-SHA256) of an already normalised value, keyed per kind ('resident_id', 'bank_card'),
   * so equal values of one kind match and the same value under two kinds does not.
   */
  blindIndex(kind: string, normalised: string): string;
}
export const Cipher = Symbol.for('yunzhou.Cipher');

/** A sealed value could not be opened: altered, malformed, or sealed under a key that is not configured. */
export class SealedValueError extends Error {
  constructor(reason: string) {
    super(`Cannot open the sealed value: ${reason}`);
    this.name = 'SealedValueError';
  }
}

/** One unmasked read of a sensitive field: who saw which field of which record. */
export interface SensitiveRead {
  readonly tenantId: string;
  readonly actorId: string;
  readonly subjectType: string;
  readonly subjectId: string;
  /** The field's name as the API shows it, e.g. 'legalPersonIdNumber'. */
  readonly field: string;
}

export interface SensitiveReadEntry extends SensitiveRead {
  readonly id: string;
  readonly at: Date;
}

export interface SensitiveReadFilter {
  readonly subjectType?: string | undefined;
  readonly subjectId?: string | undefined;
  readonly actorId?: string | undefined;
}

/** The audit trail of unmasked reads, written in the transaction of the read. */
export interface SensitiveReadLog {
  record(tx: Tx, reads: readonly SensitiveRead[]): Promise<void>;
  /** Newest first, at most `limit` entries. */
  list(tx: Tx, tenantId: string, filter: SensitiveReadFilter, limit: number): Promise<SensitiveReadEntry[]>;
}
export const SensitiveReadLog = Symbol.for('yunzhou.SensitiveReadLog');
