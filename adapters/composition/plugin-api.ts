// The plugin API (STYLE.md habit 5): a plugin is a plain object `{ name, register(ctx) }` and gets exactly
// what a third party gets: container bindings, routes under /api/v1/plugins/<name>, its own migrations,
// domain event subscriptions and scheduled jobs.
import type { Container, ContainerModule } from 'inversify';
import type { Migration } from '../knex/migrator.js';
import type { RouteDef } from './route-def.js';
import type { OutboxEvent } from '../../core/events/subscriber.js';

/** An event as the outbox relay delivers it: its sequence number and when it was written. */
export type DeliveredEvent = OutboxEvent;

/** Called after commit, at least once and in order per record: it must tolerate seeing an event twice. */
export type EventHandler = (event: DeliveredEvent) => Promise<void>;

export interface ScheduledJob {
  /** Unique name (a plugin's jobs are registered as `<plugin>.<name>`). */
  readonly name: string;
  /** How often the job's slot comes round. */
  readonly everySeconds: number;
  /** Slots start this many seconds after each multiple of everySeconds since 1970 UTC (default 0). */
  readonly offsetSeconds?: number;
  /**
   * true (default): the job runs once per slot across all server processes (the slot is claimed in the
   * database). false: it runs in every process each slot, for jobs that are safe to overlap.
   */
  readonly exclusive?: boolean;
  /** How long a claim lasts before another process may take over a run whose process vanished (default 600). */
  readonly leaseSeconds?: number;
  /** Must be idempotent: a slot missed during downtime is run once on start, a failed run is retried. */
  run(slot: Date, now: Date): Promise<void>;
}

export interface PluginContext {
  readonly container: Container;
  /** Adds bindings through a ContainerModule, as core adapters do. */
  load(module: ContainerModule): Promise<void>;
  /** Routes mounted under /api/v1/plugins/<plugin name>. */
  addRoutes(routes: readonly RouteDef[]): void;
  /** Migrations tracked apart from core's, in <schema>.migrations_<plugin name>. */
  addMigrations(migrations: readonly Migration[]): void;
  /**
   * Called after commit for each outbox event of that type ('*' for all), at least once, in order per
   * record; a throw has the event retried with back-off (the plugin's other handlers are not re-run).
   */
  on(eventType: string, handler: EventHandler): void;
  /** A scheduled job, registered as `<plugin name>.<job name>`. */
  addJob(job: ScheduledJob): void;
}

export interface Plugin {
  readonly name: string;
  register(ctx: PluginContext): void | Promise<void>;
}
