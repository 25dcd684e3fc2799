// Configuration of a Crm instance, with the defaults a fresh install runs on.
import type { EncryptionKeyring } from '../security/keyring.js';

export interface CrmConfig {
  /** Signs token digests and derives encryption keys; set YUNZHOU_SECRET in production. */
  readonly secret: string;
  /** Bearer tokens live this long. */
  readonly tokenTtlMinutes: number;
  /** Where uploaded files go (local FileStore). */
  readonly filesDir: string;
  /** Explicit encryption keys (or YUNZHOU_ENCRYPTION_KEYS); without them one key is derived from `secret`. */
  readonly encryption?: EncryptionKeyring | undefined;
}
