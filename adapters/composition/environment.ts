// A Crm's settings from its options and the environment: where the database is, the secret, the files folder.
import { join } from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DATA_SUBDIR, dataHome, moveOldLayout, type DataHomeLog } from './data-home.js';
import type { DatabaseOptions } from '../knex/database.js';
import { fileStoreFromEnv } from '../files/file-store-config.js';
import { keyringFromEnv } from '../security/keyring.js';
import { outboxLeaseFromEnv, type CrmConfig } from './config.js';

/** The embedded database's folder: <YUNZHOU_DATA_DIR or ./.yunzhou>/data. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataHome(env), DATA_SUBDIR);
}

const warn: DataHomeLog = (message, details) => console.warn(JSON.stringify({ level: 'warn', message, ...details }));

/**
 * Database options from the environment: DATABASE_URL, else the embedded database on disk, whose folder is
 * first brought to the one-folder layout when YUNZHOU_DATA_DIR still names an old one (logged through `log`).
 */
export function databaseFromEnv(env: NodeJS.ProcessEnv = process.env, log: DataHomeLog = warn): DatabaseOptions {
  const schema = env.YUNZHOU_DB_SCHEMA ? { schema: env.YUNZHOU_DB_SCHEMA } : {};
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, ...schema };
  if (env.YUNZHOU_DATA_DIR) moveOldLayout(dataHome(env), log);
  return { dataDir: defaultDataDir(env), ...schema };
}

/** A secret for the embedded install, generated once beside the database folder (<home>/secret.key); production sets YUNZHOU_SECRET. */
function defaultSecret(db: DatabaseOptions): string {
  if (process.env.YUNZHOU_SECRET) return process.env.YUNZHOU_SECRET;
  if ('dataDir' in db) {
    const file = join(db.dataDir, '..', 'secret.key');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(join(db.dataDir, '..'), { recursive: true });
    const s = randomBytes(32).toString('base64url');
    writeFileSync(file, s, { mode: 0o600 });
    return s;
  }
  throw new Error('Set config.secret or YUNZHOU_SECRET: it protects tokens and encrypted fields');
}

/** The configuration: what the options say, else the environment's, else the defaults. */
export function configOf(given: Partial<CrmConfig> | undefined, db: DatabaseOptions): CrmConfig {
  return {
    secret: given?.secret ?? defaultSecret(db),
    tokenTtlMinutes: given?.tokenTtlMinutes ?? 12 * 60,
    filesDir: given?.filesDir ?? ('dataDir' in db ? join(db.dataDir, '..', 'files') : join(defaultDataDir(), '..', 'files')),
    encryption: given?.encryption ?? keyringFromEnv(),
    outboxLeaseSeconds: given?.outboxLeaseSeconds ?? outboxLeaseFromEnv(),
    files: given?.files ?? fileStoreFromEnv(),
    listenUrl: given?.listenUrl ?? (process.env.YUNZHOU_LISTEN_URL || undefined),
  };
}
