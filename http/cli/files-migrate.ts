// `yunzhou files migrate --to s3|pg|local [--dir DIR]`: the command line of adapters/files/migrate-files.ts.
// The target's settings come from the environment (YUNZHOU_S3_* for s3; for local, --dir or the install's files folder).
import { parseArgs } from 'node:util';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { FileStore } from '../../core/files/ports.js';
import { IdGenerator } from '../../core/shared/ports.js';
import { FILE_STORE_KINDS, fileStoreSettingsOf, isFileStoreKind, openFileStore } from '../../adapters/files/file-store-config.js';
import type { MovableFileStore } from '../../adapters/files/movable-file-store.js';
import { migrateFiles } from '../../adapters/files/migrate-files.js';

const USAGE = `Usage: yunzhou files migrate --to ${FILE_STORE_KINDS.join('|')} [--dir DIR]`;

/** Runs the command; its exit code (1 when any file failed: run it again after fixing the cause). */
export async function filesMigrateCommand(crm: Crm, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { to: { type: 'string' }, dir: { type: 'string' } } });
  if (positionals[0] !== 'migrate' || !isFileStoreKind(values.to)) {
    console.error(USAGE);
    return 2;
  }
  const from = crm.container.get<FileStore>(FileStore) as MovableFileStore;
  const to = openFileStore(fileStoreSettingsOf(values.to), { filesDir: values.dir ?? crm.config.filesDir, knex: crm.database.knex, ids: crm.container.get<IdGenerator>(IdGenerator) });
  console.log(`Moving files from ${from.location} to ${to.location} …`);
  const r = await migrateFiles(crm.database.knex, from, to, { progress: (line) => console.log(`  ${line}`) });
  console.log(`Moved ${r.moved} file(s); ${r.skipped} already moved; ${r.failed.length} failed.`);
  if (r.failed.length) return 1;
  console.log(`Every file is in ${to.location}. Set YUNZHOU_FILES=${values.to} and restart; the old copies can then be removed.`);
  return 0;
}
