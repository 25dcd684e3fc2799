// Which FileStore keeps the bytes: the local folder (default, one machine), an S3-compatible object store, or
// PostgreSQL itself. Chosen by createCrm's config.files or the environment (YUNZHOU_FILES=local|s3|pg and
// YUNZHOU_S3_*); docs/files-and-encryption.md explains each.
import type { Knex } from 'knex';
import type { IdGenerator } from '../../core/shared/ports.js';
import { LocalFileStore } from './local-file-store.js';
import type { MovableFileStore } from './movable-file-store.js';
import { PgFileStore } from './pg-file-store.js';
import { S3FileStore, type S3Settings } from './s3-file-store.js';

export const FILE_STORE_KINDS = ['local', 's3', 'pg'] as const;
export type FileStoreKind = (typeof FILE_STORE_KINDS)[number];

export type FileStoreSettings =
  | { readonly kind: 'local' } // in CrmConfig.filesDir
  | ({ readonly kind: 's3' } & S3Settings)
  | { readonly kind: 'pg' };

export function isFileStoreKind(s: string | undefined): s is FileStoreKind {
  return (FILE_STORE_KINDS as readonly string[]).includes(s ?? '');
}

/** The S3 settings in YUNZHOU_S3_*; an Error naming what is missing. */
export function s3SettingsFromEnv(env: NodeJS.ProcessEnv = process.env): S3Settings {
  const missing = ['YUNZHOU_S3_BUCKET', 'YUNZHOU_S3_ACCESS_KEY_ID', 'YUNZHOU_S3_SECRET_ACCESS_KEY'].filter((k) => !env[k]);
  if (missing.length) throw new Error(`The S3 file store needs ${missing.join(', ')}`);
  return {
    endpoint: env.YUNZHOU_S3_ENDPOINT || undefined,
    region: env.YUNZHOU_S3_REGION || 'us-east-1',
    bucket: env.YUNZHOU_S3_BUCKET as string,
    accessKeyId: env.YUNZHOU_S3_ACCESS_KEY_ID as string,
    secretAccessKey: env.YUNZHOU_S3_SECRET_ACCESS_KEY as string,
    forcePathStyle: env.YUNZHOU_S3_FORCE_PATH_STYLE === 'true',
    prefix: env.YUNZHOU_S3_PREFIX || undefined,
  };
}

/** The settings of a store of this kind from the environment (the migration's target is named on its command line). */
export function fileStoreSettingsOf(kind: FileStoreKind, env: NodeJS.ProcessEnv = process.env): FileStoreSettings {
  if (kind === 's3') return { kind, ...s3SettingsFromEnv(env) };
  return { kind };
}

/** YUNZHOU_FILES (default local) and, for s3, YUNZHOU_S3_*. */
export function fileStoreFromEnv(env: NodeJS.ProcessEnv = process.env): FileStoreSettings {
  const kind = env.YUNZHOU_FILES || 'local';
  if (!isFileStoreKind(kind)) throw new Error(`YUNZHOU_FILES must be one of ${FILE_STORE_KINDS.join(', ')}, not ${JSON.stringify(kind)}`);
  return fileStoreSettingsOf(kind, env);
}

export function openFileStore(settings: FileStoreSettings, deps: { readonly filesDir: string; readonly knex: Knex; readonly ids: IdGenerator }): MovableFileStore {
  switch (settings.kind) {
    case 'local': return new LocalFileStore(deps.filesDir, deps.ids);
    case 's3': return new S3FileStore(settings, deps.ids);
    case 'pg': return new PgFileStore(deps.knex, deps.ids);
  }
}
