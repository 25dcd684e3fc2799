// The embedded install's one folder (docs/decisions/data-home.md): YUNZHOU_DATA_DIR, default ./.yunzhou, holds
// everything the server writes — data/ (the database), secret.key and files/. Before, YUNZHOU_DATA_DIR was
// the database folder itself and secret.key and files/ went into the folder above it; a start on such an
// old layout moves them in, once, each step safe to repeat if the process dies half-way.
import { copyFileSync, constants, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const DATA_SUBDIR = 'data';
const MOVING = '.moving-data';
/** A tenant's folder of the file store (<files>/<tenantId>/…): only these are moved, nothing else found there. */
const TENANT_FOLDER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DataHomeLog = (message: string, details: Record<string, unknown>) => void;

/** The folder the user named (YUNZHOU_DATA_DIR) or ./.yunzhou. */
export function dataHome(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.YUNZHOU_DATA_DIR || '.yunzhou');
}

const isDatabase = (dir: string): boolean => existsSync(join(dir, 'PG_VERSION'));

/** True when another old-layout database sits beside `home`, sharing the secret and files of the folder above. */
function sharesParent(home: string): boolean {
  const parent = dirname(home);
  return readdirSync(parent, { withFileTypes: true }).some((e) => e.isDirectory() && join(parent, e.name) !== home && isDatabase(join(parent, e.name)));
}

/**
 * Moves an old layout (database files directly in `home`, secret.key and files/ beside `home`) into the new
 * one. The secret and the files go first, the database last: until the database has moved, a restart
 * finds the old layout again and finishes. With a neighbour sharing the folder above, they are copied.
 */
export function moveOldLayout(home: string, log: DataHomeLog): void {
  const moving = join(home, MOVING);
  if (!isDatabase(home) && !existsSync(moving)) return;
  const parent = dirname(home);
  const shared = sharesParent(home);

  const oldSecret = join(parent, 'secret.key');
  const newSecret = join(home, 'secret.key');
  if (existsSync(oldSecret) && !existsSync(newSecret)) {
    copyFileSync(oldSecret, newSecret, constants.COPYFILE_EXCL);
    log(shared ? 'copied secret.key into the data folder (the folder above is shared; delete the old one when no install needs it)' : 'copied secret.key into the data folder; the old one can be deleted', { from: oldSecret, to: newSecret });
  }

  const oldFiles = join(parent, 'files');
  const newFiles = join(home, 'files');
  if (existsSync(oldFiles) && statSync(oldFiles).isDirectory()) {
    const tenants = readdirSync(oldFiles).filter((n) => TENANT_FOLDER.test(n) && !existsSync(join(newFiles, n)));
    if (tenants.length) {
      mkdirSync(newFiles, { recursive: true, mode: 0o700 });
      for (const t of tenants) {
        if (shared) copyTree(join(oldFiles, t), join(newFiles, t));
        else renameSync(join(oldFiles, t), join(newFiles, t));
      }
      log(`${shared ? 'copied' : 'moved'} stored files into the data folder`, { from: oldFiles, to: newFiles, tenants: tenants.length });
    }
  }

  mkdirSync(moving, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(home)) {
    if (name === MOVING || name === 'secret.key' || name === 'files' || name === DATA_SUBDIR) continue;
    renameSync(join(home, name), join(moving, name));
  }
  renameSync(moving, join(home, DATA_SUBDIR));
  log('moved the database into the data folder', { to: join(home, DATA_SUBDIR) });
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) copyTree(join(from, e.name), join(to, e.name));
    else copyFileSync(join(from, e.name), join(to, e.name), constants.COPYFILE_EXCL);
  }
}
