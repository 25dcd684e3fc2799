// The plugin API (STYLE.md habit 5): a plugin is a plain object `{ name, register(ctx) }` and gets exactly
// what a third party gets: container bindings, routes under /api/v1/plugins/<name>, its own migrations,
// domain event subscriptions and scheduled jobs.
import type { Container, ContainerModule } from 'inversify';
import type { Migration } from '../knex/migrator.js';
import type { RouteDef } from './route-def.js';
import type { DomainEvent } from '../../core/shared/ports.js';

export interface DeliveredEvent extends DomainEvent {
  readonly id: number;
  readonly createdAt: Date;
}

export type EventHandler = (event: DeliveredEvent) => Promise<void>;

export interface ScheduledJob {
  readonly name: string;
  /** How often the job's slot comes round. */
  readonly everySeconds: number;
  run(slot: Date): Promise<void>;
}

export interface PluginContext {
  readonly container: Container;
  /** Adds bindings through a ContainerModule, as core adapters do. */
  load(module: ContainerModule): Promise<void>;
  /** Routes mounted under /api/v1/plugins/<plugin name>. */
  addRoutes(routes: readonly RouteDef[]): void;
  /** Migrations tracked apart from core's, in knex_migrations_<plugin name>. */
  addMigrations(migrations: readonly Migration[]): void;
  /** Called after commit for each outbox event of that type ('*' for all), at least once. */
  on(eventType: string, handler: EventHandler): void;
  addJob(job: ScheduledJob): void;
}

export interface Plugin {
  readonly name: string;
  register(ctx: PluginContext): void | Promise<void>;
}
