// `yunzhou files migrate --to s3|pg|local [--dir DIR]`: the command line of adapters/files/migrate-files.ts.
// The target's settings come from the environment (YUNZHOU_S3_* for s3; for local, --dir or the install's files folder).
import { parseArgs } from 'node:util';
import type { IdGenerator } from '../../../core/shared/ports.js';
import { FILE_STORE_KINDS, fileStoreSettingsOf, isFileStoreKind, openFileStore } from '../../files/file-store-config.js';
import type { MovableFileStore } from '../../files/movable-file-store.js';
import { migrateFiles } from '../../files/migrate-files.js';
import type { Database } from '../../knex/database.js';
import type { CommandContribution } from '../area.js';
import type { CrmConfig } from '../config.js';

const USAGE = `Usage: yunzhou files migrate --to ${FILE_STORE_KINDS.join('|')} [--dir DIR]`;

export interface FilesCommandDeps {
  readonly store: MovableFileStore;
  readonly database: Database;
  readonly config: CrmConfig;
  readonly ids: IdGenerator;
}

/** Exit code 1 when any file failed: run it again after fixing the cause (moved files are skipped). */
export function filesCommand(deps: () => FilesCommandDeps): CommandContribution {
  return {
    name: 'files',
    summary: `migrate --to ${FILE_STORE_KINDS.join('|')} [--dir DIR]\n`
      + '      copy every file from the store in use (YUNZHOU_FILES) to another, verified by size and SHA-256;\n'
      + '      a re-run skips files already moved (docs/files-and-encryption.md)',
    async run(args, io) {
      const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { to: { type: 'string' }, dir: { type: 'string' } } });
      if (positionals[0] !== 'migrate' || !isFileStoreKind(values.to)) {
        io.err(USAGE);
        return 2;
      }
      const { store: from, database, config, ids } = deps();
      const to = openFileStore(fileStoreSettingsOf(values.to), { filesDir: values.dir ?? config.filesDir, knex: database.knex, ids });
      io.out(`Moving files from ${from.location} to ${to.location} …`);
      const r = await migrateFiles(database.knex, from, to, { progress: (line) => io.out(`  ${line}`) });
      io.out(`Moved ${r.moved} file(s); ${r.skipped} already moved; ${r.failed.length} failed.`);
      if (r.failed.length) return 1;
      io.out(`Every file is in ${to.location}. Set YUNZHOU_FILES=${values.to} and restart; the old copies can then be removed.`);
      return 0;
    },
  };
}
