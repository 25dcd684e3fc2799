// Core migrations in order. One change per file, named by date (STYLE.md habit 6).
import type { MigrationSet } from '../migrator.js';
import * as organisation from './202611261940_organisation.js';
import * as timelineOutbox from './202611261941_timeline_outbox.js';
import * as files from './202611262200_files.js';
import * as sensitiveReads from './202611262201_sensitive_reads.js';
import * as products from './202611270000_products.js';
import * as orderProducts from './202611270001_order_products.js';

export const coreMigrations: MigrationSet = {
  owner: 'core',
  migrations: [organisation, timelineOutbox, files, sensitiveReads, products, orderProducts],
};
