// What `yunzhou files migrate` needs of a store beyond the FileStore port: a name for where its bytes are, and
// writing bytes under a key another store issued (keys have one layout everywhere, see storage-key.ts).
import type { ByteSource, FileStore } from '../../core/files/ports.js';

export interface MovableFileStore extends FileStore {
  /** Where the bytes are, e.g. `local:/srv/yunzhou/files`, `s3:https://oss-cn-hangzhou.aliyuncs.com/crm-files`, `pg`. */
  readonly location: string;
  /** Stores these bytes under an existing key, replacing any there; nothing is visible under the key until all arrived. */
  write(tenantId: string, storageKey: string, content: ByteSource): Promise<void>;
}
