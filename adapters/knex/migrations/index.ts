// Core migrations in order. One change per file, named by date (STYLE.md habit 6).
import type { MigrationSet } from '../migrator.js';
import * as organisation from './202611261940_organisation.js';
import * as timelineOutbox from './202611261941_timeline_outbox.js';

export const coreMigrations: MigrationSet = {
  owner: 'core',
  migrations: [organisation, timelineOutbox],
};
