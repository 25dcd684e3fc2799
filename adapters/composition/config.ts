// Configuration of a Crm instance, with the defaults a fresh install runs on.
export interface CrmConfig {
  /** Signs token digests and derives encryption keys; set YUNZHOU_SECRET in production. */
  readonly secret: string;
  /** Bearer tokens live this long. */
  readonly tokenTtlMinutes: number;
  /** Where uploaded files go (local FileStore). */
  readonly filesDir: string;
}
