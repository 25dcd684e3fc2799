// The plugin docs/plugins.md writes from an empty folder (test/http/plugins.test.ts runs it through
// createCrm and the HTTP app): a per-firm setting, its own tables, a subscriber to inquiry.created, an hourly
// job, two routes under /api/v1/plugins/example and a `yunzhou example-notes` command. Like every plugin it
// imports only the SDK, yunzhou/plugin.
import { definePlugin, type AreaDescriptor, type Migration } from 'yunzhou/plugin';

/** Notes the plugin keeps: one per inquiry created (from the outbox) and one heartbeat per job slot. */
const notesTables: Migration = {
  name: '202611270001_example_notes',
  async up(knex) {
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

/** Each firm's greeting; '你好' until its administrator saves another. */
interface ExampleSettings {
  readonly greeting: string;
}

export function examplePlugin(): AreaDescriptor {
  return definePlugin({
    name: 'example',
    uses: ['clock'],
    migrations: [notesTables],
    settings: {
      schema: { type: 'object', additionalProperties: false, required: ['greeting'], properties: { greeting: { type: 'string', minLength: 1, maxLength: 20 } } },
      defaults: { greeting: '你好' } as ExampleSettings,
    },
    setup({ data, settings, services }) {
      const notesOf = async (tenantId: string) =>
        (await data.knex('example_notes').where({ tenant_id: tenantId }).orderBy('event_id')).map((r: Record<string, any>) => ({
          eventId: Number(r.event_id), inquiryId: r.inquiry_id as string, text: r.text as string,
        }));
      return {
        routes: [
          {
            method: 'get', path: '/hello', tags: ['example'], summary: '示例 A greeting in the firm\'s words',
            handler: async ({ actor }) => ({ text: `${(await settings.get(actor.tenantId)).greeting}，${actor.name}` }),
          },
          {
            method: 'get', path: '/notes', tags: ['example'], summary: '示例 The notes of the actor\'s firm, oldest first',
            handler: async ({ actor }) => ({ items: await notesOf(actor.tenantId) }),
          },
        ],
        // After commit, at least once: the primary key makes a second delivery write nothing.
        subscribers: [{
          events: ['inquiry.created'],
          handle: async (e) => {
            await data.knex('example_notes')
              .insert({ tenant_id: e.tenantId, event_id: e.id, inquiry_id: e.subjectId, text: `新咨询 ${String(e.data.source ?? '')}`.trim(), created_at: e.createdAt })
              .onConflict(['tenant_id', 'event_id']).ignore();
          },
        }],
        // Once per slot across all server processes; idempotent all the same.
        jobs: [{
          name: 'heartbeat', everySeconds: 3600,
          run: async (slot) => {
            await data.knex('example_heartbeats').insert({ slot, ran_at: services.clock.now() }).onConflict('slot').ignore();
          },
        }],
        commands: [{
          name: 'example-notes', summary: 'the example plugin\'s notes of a firm',
          run: async (args, io) => {
            const tenantId = args[0];
            if (!tenantId) {
              io.err('Usage: yunzhou example-notes <tenant id>');
              return 2;
            }
            const notes = await notesOf(tenantId);
            for (const n of notes) io.out(`${n.eventId}\t${n.inquiryId}\t${n.text}`);
            io.out(`${notes.length} note(s)`);
            return 0;
          },
        }],
      };
    },
  });
}
