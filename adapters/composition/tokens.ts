// Container tokens every area shares: the database, the configuration, and the scheduler's jobs. Each area's
// own services have typed tokens in areas/<area>.tokens.ts.
import { token } from './area.js';
import type { Database } from '../knex/database.js';
import type { CrmConfig } from './config.js';
import type { ScheduledJob } from './plugin-api.js';

export const Db = token<Database>('Database');
export const Config = token<CrmConfig>('Config');
/** Scheduled jobs: bind a ScheduledJob here (a multi-binding); the scheduler runs them all. */
export const ScheduledJobContribution = token<ScheduledJob>('ScheduledJobContribution');
