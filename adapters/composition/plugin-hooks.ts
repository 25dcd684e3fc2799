// Legacy plugins' handlers and jobs (PluginContext.on / addJob) handed to the relay and the scheduler.
import { ContainerModule, type Container } from 'inversify';
import type { Migration } from '../knex/migrator.js';
import type { RouteDef } from './route-def.js';
import { MigrationContribution, RouteContribution } from './area.js';
import type { OutboxRelay } from '../events/outbox-relay.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { EventHandler, ScheduledJob } from './plugin-api.js';
import { OutboxRelayToken, SchedulerToken } from './areas/platform.tokens.js';

export interface PluginRegistration {
  readonly name: string;
  readonly routes: RouteDef[];
  readonly migrations: Migration[];
  readonly handlers: { eventType: string; handler: EventHandler }[];
  readonly jobs: ScheduledJob[];
}

/** A legacy plugin's routes and migrations as contributions, like a descriptor's: routes under /api/v1/plugins/<name>. */
export function pluginContributions(plugins: readonly PluginRegistration[]): ContainerModule {
  return new ContainerModule(({ bind }) => {
    for (const p of plugins) {
      if (p.routes.length) bind<RouteContribution>(RouteContribution).toConstantValue({ owner: p.name, prefix: `/api/v1/plugins/${p.name}`, routes: p.routes });
      if (p.migrations.length) bind<MigrationContribution>(MigrationContribution).toConstantValue({ owner: p.name, migrations: p.migrations });
    }
  });
}

/** What a plugin registered that the relay and the scheduler take (see create-crm's PluginRegistration). */
export interface PluginHooks {
  readonly name: string;
  readonly handlers: readonly { readonly eventType: string; readonly handler: EventHandler }[];
  readonly jobs: readonly ScheduledJob[];
}

/** Hands plugins' handlers to the relay (named `<plugin>:<n>`) and their jobs to the scheduler (`<plugin>.<job>`). */
export function attachPlugins(container: Container, plugins: readonly PluginHooks[]): void {
  const relay = container.get<OutboxRelay>(OutboxRelayToken);
  const scheduler = container.get<Scheduler>(SchedulerToken);
  for (const p of plugins) {
    p.handlers.forEach((h, i) => relay.subscribe({ name: `${p.name}:${i + 1}`, eventTypes: h.eventType === '*' ? '*' : [h.eventType], handle: (e) => h.handler(e) }));
    for (const j of p.jobs) {
      scheduler.register({
        name: `${p.name}.${j.name}`, everySeconds: j.everySeconds,
        ...(j.offsetSeconds !== undefined ? { offsetSeconds: j.offsetSeconds } : {}),
        ...(j.exclusive !== undefined ? { exclusive: j.exclusive } : {}),
        ...(j.leaseSeconds !== undefined ? { leaseSeconds: j.leaseSeconds } : {}),
        run: (slot, now) => j.run(slot, now),
      });
    }
  }
}
