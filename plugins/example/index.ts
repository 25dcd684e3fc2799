// A small example plugin (docs/plugins.md walks through it; test/http/plugins.test.ts loads it). It uses
// every part of the plugin API: a container binding, a route under /api/v1/plugins/example, its own
// migration (tracked in yunzhou.migrations_example), an event handler and a scheduled job. Like every plugin
// it imports only the public entry ('../../index.js') and npm packages.
import { ContainerModule } from 'inversify';
import type { Knex } from 'knex';
import { Db, type Database, type Plugin } from '../../index.js';

/** A service the plugin binds into the container; anything else may resolve it by this token. */
export interface Greeter {
  greet(name: string): string;
}
export const Greeter = Symbol.for('example.Greeter');

/** Notes the plugin keeps: one per inquiry created (from the outbox) and one heartbeat per job slot. */
const migration = {
  name: '202611270001_example_notes',
  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('example_notes', (t) => {
      t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
      t.bigInteger('event_id').notNullable();
      t.uuid('inquiry_id').notNullable();
      t.text('text').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.primary(['tenant_id', 'event_id']); // a redelivered event writes nothing new
    });
    await knex.schema.createTable('example_heartbeats', (t) => {
      t.timestamp('slot', { useTz: true }).primary(); // the job is idempotent per slot
      t.timestamp('ran_at', { useTz: true }).notNullable();
    });
  },
};

export function examplePlugin(): Plugin {
  return {
    name: 'example',
    async register(ctx) {
      const knex = (): Knex => ctx.container.get<Database>(Db).knex;

      // 1. A binding, through a ContainerModule like core's.
      await ctx.load(new ContainerModule(({ bind }) => {
        bind<Greeter>(Greeter).toConstantValue({ greet: (name) => `你好，${name}` });
      }));

      // 2. Its own migration.
      ctx.addMigrations([migration]);

      // 3. An event handler: runs after commit, at least once, so it writes idempotently.
      ctx.on('inquiry.created', async (e) => {
        await knex()('example_notes')
          .insert({ tenant_id: e.tenantId, event_id: e.id, inquiry_id: e.subjectId, text: `新咨询 ${String(e.data.source ?? '')}`.trim(), created_at: e.createdAt })
          .onConflict(['tenant_id', 'event_id'])
          .ignore();
      });

      // 4. A scheduled job: once per slot across all server processes; idempotent all the same.
      ctx.addJob({
        name: 'heartbeat', everySeconds: 3600,
        run: async (slot, now) => {
          await knex()('example_heartbeats').insert({ slot, ran_at: now }).onConflict('slot').ignore();
        },
      });

      // 5. Routes under /api/v1/plugins/example (a bearer token is required unless auth: 'none').
      ctx.addRoutes([
        {
          method: 'get', path: '/hello', tags: ['example'], summary: '示例 A greeting from the bound service',
          handler: async ({ actor }) => ({ text: ctx.container.get<Greeter>(Greeter).greet(actor.name) }),
        },
        {
          method: 'get', path: '/notes', tags: ['example'], summary: '示例 The notes of the actor\'s firm, oldest first',
          handler: async ({ actor }) => ({
            items: (await knex()('example_notes').where({ tenant_id: actor.tenantId }).orderBy('event_id')).map((r: Record<string, any>) => ({
              eventId: Number(r.event_id), inquiryId: r.inquiry_id, text: r.text,
            })),
          }),
        },
      ]);
    },
  };
}
