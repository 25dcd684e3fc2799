#!/usr/bin/env node
// The `yunzhou` command: serve, migrate, seed --demo, tenant create. It lives beside http/ because `serve`
// drives the HTTP adapter and adapters/ may not import http/ (docs/decisions/cli-location.md).
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { createCrm, databaseFromEnv, migrationSets } from '../../adapters/composition/create-crm.js';
import { migrateLatest, pendingMigrations } from '../../adapters/knex/migrator.js';
import { demoLoginsPresent, seedDemo, seedDemoIfEmpty, DEFAULT_DEMO_PASSWORD } from '../../adapters/demo/seed-demo.js';
import type { DemoLogin } from '../../adapters/demo/organisation.seed.js';
import { createLogger } from '../logger.js';
import { isDomainError } from '../../core/shared/domain-error.js';
import { startServer } from '../server.js';
import { isClusterWorker, parseWorkers, refuseEmbeddedCluster, runPrimary } from '../cluster.js';
import { builtInPlugins } from '../../plugins/index.js';
import { CommandContribution, type CommandIo } from '../../adapters/composition/area.js';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { filesMigrateCommand } from './files-migrate.js';

const HELP = `yunzhou — CRM for loan-brokerage firms (助贷机构)

Usage: yunzhou <command> [options]

Commands:
  serve [--auto-seed-demo] [--workers N|auto]
                             start the HTTP server on PORT (default 3000); with --auto-seed-demo the embedded
                             database gets the demo firms on first start while it holds no tenant; --workers
                             runs N processes sharing the port (auto: one per core; PostgreSQL only; SIGHUP
                             replaces them one at a time, docs/operations.md)
  migrate [--dry-run]        apply pending database migrations (or list them)
  seed --demo                add the demo firms 大鑫金服 and 大熹金服 (password: env YUNZHOU_DEMO_PASSWORD, default ${DEFAULT_DEMO_PASSWORD})
  recycle [--tenant ID]      one pass of the pool recycler now: neglected and overdue records go back to 咨询公海 /
                             客户公海, owners are warned beforehand (the server also runs it every
                             YUNZHOU_RECYCLE_EVERY_SECONDS, default 300; safe with several processes)
  import FILE --tenant ID --as MOBILE [--report PATH]
                             import inquiries from an .xlsx or .csv (the template's Chinese headers) as the
                             user with that mobile, with a progress bar; writes the per-row report beside FILE
  files migrate --to s3|pg|local [--dir DIR]
                             copy every file from the store in use (YUNZHOU_FILES) to another, verified by size
                             and SHA-256; a re-run skips files already moved (docs/files-and-encryption.md)
  tenant create --name NAME --admin-name NAME --admin-mobile MOBILE [--time-zone Asia/Shanghai]
                             create a firm and its administrator; the password is read from env
                             YUNZHOU_ADMIN_PASSWORD or asked for at the prompt (never from the command line)
  --help                     this text

In a checkout of the source: npm run build, then npx yunzhou <command> (or npm run yunzhou -- <command>).

Environment: DATABASE_URL (PostgreSQL; default the embedded database), YUNZHOU_DATA_DIR (the embedded install's
  one folder, default ./.yunzhou: data/, secret.key, files/), YUNZHOU_FILES=local|s3|pg and YUNZHOU_S3_*, PORT, HOST, YUNZHOU_SECRET, YUNZHOU_AUTO_MIGRATE=false,
  LOG_LEVEL, YUNZHOU_LOG_FORMAT=json|pretty (default: pretty on a terminal, JSON otherwise).`;

async function askPassword(): Promise<string> {
  if (process.env.YUNZHOU_ADMIN_PASSWORD) return process.env.YUNZHOU_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('Set YUNZHOU_ADMIN_PASSWORD or run in a terminal to type the password');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput?: (s: string) => void; output: NodeJS.WritableStream };
  out._writeToOutput = (s: string) => { if (s.includes('管理员密码')) out.output.write(s); };
  const pw = await rl.question('管理员密码 Administrator password: ');
  rl.close();
  process.stdout.write('\n');
  return pw;
}

function printLogins(logins: readonly DemoLogin[], password: string): void {
  console.log('Demo logins (password: %s):', password);
  for (const l of logins) console.log(`  ${l.tenant}  ${l.name.padEnd(6, '　')}  ${l.mobile}  ${l.role}`);
}

/** Lines to stdout and stderr; a progress line rewrites itself on stderr. */
const terminal: CommandIo = {
  out: (line) => { process.stdout.write(`${line}\n`); },
  err: (line) => { process.stderr.write(`${line}\n`); },
  progress: (line) => { process.stderr.write(`\r${line}`); },
};

/** Runs a command a plugin contributed (CommandContribution). */
async function runCommand(crm: Crm, name: string, args: readonly string[]): Promise<number> {
  const command = crm.container.getAll<CommandContribution>(CommandContribution, { optional: true }).find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command: ${name}\n\n${HELP}`);
    return 2;
  }
  return command.run(args, terminal);
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const autoMigrate = process.env.YUNZHOU_AUTO_MIGRATE !== 'false';
  const plugins = builtInPlugins();
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: argv.slice(1), options: { 'auto-seed-demo': { type: 'boolean' }, workers: { type: 'string' } } });
      const workers = parseWorkers(values.workers);
      const logger = createLogger();
      const db = databaseFromEnv(process.env, (message, details) => logger.warn(details, message));
      refuseEmbeddedCluster(workers, 'dataDir' in db);
      if (workers > 1 && !isClusterWorker()) {
        if (autoMigrate) await (await createCrm({ database: db, migrate: true, plugins })).close(); // once, before the workers start
        await runPrimary(workers, logger);
        return -1; // keep running
      }
      await startServer({
        database: db,
        migrate: autoMigrate && !isClusterWorker(),
        plugins,
        logger,
        beforeListen: async (crm) => {
          if (!autoMigrate) {
            const pending = await pendingMigrations(crm.database.knex, migrationSets(crm));
            if (pending.length) throw new Error(`Pending migrations (run \`yunzhou migrate\`): ${pending.join(', ')}`);
          }
          if (values['auto-seed-demo'] && 'dataDir' in db) await seedDemoIfEmpty(crm);
          // Whenever the demo is served, first start or restart: who can log in.
          const logins = await demoLoginsPresent(crm);
          if (logins.length) printLogins(logins, process.env.YUNZHOU_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
        },
      });
      return -1; // keep running
    }
    case 'migrate': {
      const { values } = parseArgs({ args: argv.slice(1), options: { 'dry-run': { type: 'boolean' } } });
      const crm = await createCrm({ database: databaseFromEnv(), migrate: false, plugins });
      try {
        const sets = migrationSets(crm);
        const names = values['dry-run'] ? await pendingMigrations(crm.database.knex, sets) : await migrateLatest(crm.database.knex, sets);
        console.log(names.length ? `${values['dry-run'] ? 'Pending' : 'Applied'}:\n  ${names.join('\n  ')}` : 'Nothing to migrate.');
      } finally {
        await crm.close();
      }
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: argv.slice(1), options: { demo: { type: 'boolean' } } });
      if (!values.demo) {
        console.error('Only `yunzhou seed --demo` exists.');
        return 2;
      }
      const crm = await createCrm({ database: databaseFromEnv(), migrate: autoMigrate, plugins });
      try {
        const password = process.env.YUNZHOU_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
        const demo = await seedDemo(crm, password);
        printLogins(demo.logins, password);
      } finally {
        await crm.close();
      }
      return 0;
    }
    case 'recycle': {
      const { values } = parseArgs({ args: argv.slice(1), options: { tenant: { type: 'string' } } });
      const crm = await createCrm({ database: databaseFromEnv(), migrate: autoMigrate, plugins });
      try {
        const r = await crm.poolRecycler.run({ tenantId: values.tenant });
        console.log(`Recycled ${r.recycled} record(s) to the pools and warned owners of ${r.reminded}, over ${r.tenants} firm(s).`);
      } finally {
        await crm.close();
      }
      return 0;
    }
    case 'import': {
      const crm = await createCrm({ database: databaseFromEnv(), migrate: autoMigrate, plugins });
      try {
        return await runCommand(crm, command, argv.slice(1));
      } finally {
        await crm.close();
      }
    }
    case 'files': {
      const crm = await createCrm({ database: databaseFromEnv(), migrate: autoMigrate, plugins });
      try {
        return await filesMigrateCommand(crm, argv.slice(1));
      } finally {
        await crm.close();
      }
    }
    case 'tenant': {
      if (sub !== 'create') {
        console.error('Usage: yunzhou tenant create --name NAME --admin-name NAME --admin-mobile MOBILE');
        return 2;
      }
      const { values } = parseArgs({
        args: rest,
        options: { name: { type: 'string' }, 'admin-name': { type: 'string' }, 'admin-mobile': { type: 'string' }, 'time-zone': { type: 'string' } },
      });
      if (!values.name || !values['admin-name'] || !values['admin-mobile']) {
        console.error('--name, --admin-name and --admin-mobile are required');
        return 2;
      }
      const password = await askPassword();
      const crm = await createCrm({ database: databaseFromEnv(), migrate: autoMigrate, plugins });
      try {
        const r = await crm.organisation.createTenant({
          name: values.name, timeZone: values['time-zone'], admin: { name: values['admin-name'], mobile: values['admin-mobile'], password },
        });
        console.log(`Created ${r.tenant.name} (${r.tenant.id}); administrator ${r.admin.name} ${r.admin.mobile}`);
      } finally {
        await crm.close();
      }
      return 0;
    }
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(HELP);
      return 0;
    default:
      console.error(`Unknown command: ${command}\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => { if (code >= 0) process.exit(code); },
  (err: unknown) => {
    if (isDomainError(err)) console.error(`${err.code}: ${err.text.zh} / ${err.text.en}`);
    else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
