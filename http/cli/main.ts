#!/usr/bin/env node
// The `yunzhou` command: serve, migrate and seed --demo are built in; every other command is contributed by an
// area or a plugin (CommandContribution) and run on a Crm built for it. It lives beside http/ because `serve`
// drives the HTTP adapter and adapters/ may not import http/ (docs/decisions/cli-location.md).
import { parseArgs } from 'node:util';
import { createCrm, databaseFromEnv, migrationSets } from '../../adapters/composition/create-crm.js';
import { migrateLatest, pendingMigrations } from '../../adapters/knex/migrator.js';
import { demoLoginsPresent, seedDemo, seedDemoIfEmpty, DEFAULT_DEMO_PASSWORD } from '../../adapters/demo/seed-demo.js';
import type { DemoLogin } from '../../adapters/demo/organisation.seed.js';
import { createLogger } from '../logger.js';
import { isDomainError } from '../../core/shared/domain-error.js';
import { startServer } from '../server.js';
import { isClusterWorker, parseWorkers, refuseEmbeddedCluster, runPrimary } from '../cluster.js';
import { builtInPlugins } from '../../plugins/index.js';
import { CommandContribution, type AreaDescriptor, type CommandIo } from '../../adapters/composition/area.js';
import { contributedCommands } from '../../adapters/composition/commands.js';

const USAGE = `yunzhou — CRM for loan-brokerage firms (助贷机构)

Usage: yunzhou <command> [options]

Commands:
  serve [--auto-seed-demo] [--workers N|auto]
                             start the HTTP server on PORT (default 3000); with --auto-seed-demo the embedded
                             database gets the demo firms on first start while it holds no tenant; --workers
                             runs N processes sharing the port (auto: one per core; PostgreSQL only; SIGHUP
                             replaces them one at a time, docs/operations.md)
  migrate [--dry-run]        apply pending database migrations (or list them)
  seed --demo                add the demo firms 大鑫金服 and 大熹金服 (password: env YUNZHOU_DEMO_PASSWORD, default ${DEFAULT_DEMO_PASSWORD})`;

const ENVIRONMENT = `In a checkout of the source: npm run build, then npx yunzhou <command> (or npm run yunzhou -- <command>).

Environment: DATABASE_URL (PostgreSQL; default the embedded database), YUNZHOU_DATA_DIR (the embedded install's
  one folder, default ./.yunzhou: data/, secret.key, files/), YUNZHOU_FILES=local|s3|pg and YUNZHOU_S3_*, YUNZHOU_DB_SCHEMA,
  YUNZHOU_LISTEN_URL (a direct PostgreSQL URL for the console's live badges; without it they poll), PORT, HOST, YUNZHOU_SECRET, YUNZHOU_AUTO_MIGRATE=false,
  LOG_LEVEL, YUNZHOU_LOG_FORMAT=json|pretty (default: pretty on a terminal, JSON otherwise).`;

/** The built-in commands, then those the areas and plugins contribute. */
function help(plugins: readonly AreaDescriptor[]): string {
  const contributed = contributedCommands(plugins).map((c) => `  ${c.name} ${c.summary}`);
  return [USAGE, ...contributed, '  --help                     this text', '', ENVIRONMENT].join('\n');
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

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
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
            const pending = await pendingMigrations(crm.database.knex, migrationSets(crm), crm.database.schema);
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
        const names = values['dry-run'] ? await pendingMigrations(crm.database.knex, sets, crm.database.schema) : await migrateLatest(crm.database.knex, sets, crm.database.schema);
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
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(help(plugins));
      return 0;
    default: {
      const crm = await createCrm({ database: databaseFromEnv(), migrate: autoMigrate, plugins });
      try {
        const contributed = crm.container.getAll<CommandContribution>(CommandContribution, { optional: true }).find((c) => c.name === command);
        if (!contributed) {
          console.error(`Unknown command: ${command}\n\n${help(plugins)}`);
          return 2;
        }
        return await contributed.run(argv.slice(1), terminal);
      } finally {
        await crm.close();
      }
    }
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
