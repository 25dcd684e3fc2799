// Configuration of a Crm instance, with the defaults a fresh install runs on.
import type { EncryptionKeyring } from '../security/keyring.js';
import type { FileStoreSettings } from '../files/file-store-config.js';

export interface CrmConfig {
  /** Signs token digests and derives encryption keys; set YUNZHOU_SECRET in production. */
  readonly secret: string;
  /** Bearer tokens live this long. */
  readonly tokenTtlMinutes: number;
  /** Where uploaded files go (local FileStore). */
  readonly filesDir: string;
  /** Which store keeps uploaded files (default local, in filesDir; or YUNZHOU_FILES=s3|pg). */
  readonly files?: FileStoreSettings | undefined;
  /** Explicit encryption keys (or YUNZHOU_ENCRYPTION_KEYS); without them one key is derived from `secret`. */
  readonly encryption?: EncryptionKeyring | undefined;
  /**
   * The outbox relay's lease on claimed events, in seconds (default 15, or YUNZHOU_OUTBOX_LEASE_SECONDS):
   * renewed while the relay lives, it is how long a killed process's events wait before another delivers them.
   */
  readonly outboxLeaseSeconds?: number | undefined;
  /**
   * A direct PostgreSQL URL (not through PgBouncer) for each process's one LISTEN connection, which carries
   * the console's live badges (YUNZHOU_LISTEN_URL). Without it a PostgreSQL install's console polls; the
   * embedded database needs none. docs/scale.md.
   */
  readonly listenUrl?: string | undefined;
}

/** YUNZHOU_OUTBOX_LEASE_SECONDS when it is a positive number. */
export function outboxLeaseFromEnv(): number | undefined {
  const n = Number(process.env.YUNZHOU_OUTBOX_LEASE_SECONDS);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}
