// Built-in plugin `webhooks`: a firm registers URLs and the events it wants; deliveries are signed
// (HMAC-SHA256, `X-Yunzhou-Signature: t=<unix>,v1=<hex>` over `<t>.<body>`), retried with back-off,
// recorded with the receiver's answers, and can be replayed. Admin API under /api/v1/plugins/webhooks.
// It uses only the plugin SDK (yunzhou/plugin), like a third party's plugin would.
import { decodeCursor, definePlugin, encodeCursor, type AreaDescriptor, type RouteDef } from 'yunzhou/plugin';
import { webhooksMigrations } from './migrations.js';
import { WebhookStore, type Delivery } from './store.js';
import { presentEndpoint, Webhooks, type WebhooksOptions } from './webhooks.js';

export { verifySignature, signatureHeader, SIGNATURE_HEADER } from './signature.js';
export type { WebhooksOptions } from './webhooks.js';

const uuid = { type: 'string', format: 'uuid' };
const idParams = { type: 'object', required: ['id'], properties: { id: uuid }, additionalProperties: false };
const events = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 }, minItems: 1, maxItems: 100, description: 'Event types (inquiry.created, order.handed_over …) or "*" for all' };
const endpointBody = (required: string[]) => ({
  type: 'object', additionalProperties: false, required,
  properties: {
    url: { type: 'string', minLength: 1, maxLength: 2000 }, events, description: { type: 'string', maxLength: 200 }, active: { type: 'boolean' },
    ...(required.includes('version') ? { version: { type: 'integer', minimum: 1 } } : {}),
  },
});

function presentDelivery(d: Delivery): Record<string, unknown> {
  return {
    id: d.id, endpointId: d.endpointId, eventId: d.eventId, eventType: d.eventType, status: d.status, attempts: d.attempts, nextAttemptAt: d.nextAttemptAt,
    lastStatusCode: d.lastStatusCode, lastError: d.lastError, replayOf: d.replayOf, createdAt: d.createdAt, deliveredAt: d.deliveredAt,
  };
}

/** The webhooks plugin; builtInPlugins() adds it with the defaults. */
export function webhooksPlugin(options: WebhooksOptions = {}): AreaDescriptor {
  return definePlugin({
    name: 'webhooks',
    uses: ['clock', 'ids'],
    migrations: webhooksMigrations,
    setup({ services, data }) {
      const store = new WebhookStore(() => data.knex);
      const hooks = new Webhooks(store, () => services.clock, () => services.ids, options);

      const tags = ['webhooks'];
      const routes: RouteDef[] = [
        {
          method: 'get', path: '/endpoints', tags, summary: '推送地址 The firm\'s webhook endpoints (org.manage)',
          handler: async ({ actor }) => ({ items: (await hooks.list(actor)).map(presentEndpoint) }),
        },
        {
          method: 'post', path: '/endpoints', tags, successStatus: 201, summary: '新增推送地址 Register a URL and its events; the answer shows the signing secret once',
          schemas: { body: endpointBody(['url', 'events']) },
          handler: async ({ actor, body }) => hooks.create(actor, body),
        },
        {
          method: 'get', path: '/endpoints/:id', tags, summary: '推送地址详情 One endpoint',
          schemas: { params: idParams },
          handler: async ({ actor, params }) => presentEndpoint(await hooks.get(actor, params.id)),
        },
        {
          method: 'patch', path: '/endpoints/:id', tags, summary: '修改推送地址 URL, events, description, on/off',
          schemas: { params: idParams, body: endpointBody(['version']) },
          handler: async ({ actor, params, body }) => {
            const { version, ...input } = body as { version: number };
            return presentEndpoint(await hooks.update(actor, params.id, version, input));
          },
        },
        {
          method: 'delete', path: '/endpoints/:id', tags, summary: '删除推送地址 Remove an endpoint (its history stays)',
          schemas: { params: idParams },
          handler: async ({ actor, params }) => hooks.remove(actor, params.id),
        },
        {
          method: 'post', path: '/endpoints/:id/rotate-secret', tags, summary: '更换密钥 A new signing secret, shown once',
          schemas: { params: idParams },
          handler: async ({ actor, params }) => hooks.rotateSecret(actor, params.id),
        },
        {
          method: 'get', path: '/deliveries', tags, summary: '推送记录 Deliveries, newest first',
          schemas: {
            query: {
              type: 'object', additionalProperties: false,
              properties: {
                endpointId: uuid, status: { type: 'string', enum: ['pending', 'succeeded', 'failed'] },
                limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 }, cursor: { type: 'string', maxLength: 500 },
              },
            },
          },
          handler: async ({ actor, query }) => {
            const limit = (query.limit as number | undefined) ?? 20;
            const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : null;
            const rows = await hooks.deliveries(actor, { endpointId: query.endpointId, status: query.status }, limit + 1, after);
            const items = rows.slice(0, limit);
            const last = items[items.length - 1];
            return { items: items.map(presentDelivery), nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
          },
        },
        {
          method: 'get', path: '/deliveries/:id', tags, summary: '推送详情 A delivery with its payload and every attempt (status, answer excerpt, duration)',
          schemas: { params: idParams },
          handler: async ({ actor, params }) => {
            const d = await hooks.delivery(actor, params.id);
            return { ...presentDelivery(d), payload: d.payload, attemptLog: d.attemptLog };
          },
        },
        {
          method: 'post', path: '/deliveries/:id/replay', tags, successStatus: 201, summary: '重新推送 Send a delivery again (a new delivery, same event)',
          schemas: { params: idParams },
          handler: async ({ actor, params }) => presentDelivery(await hooks.replay(actor, params.id)),
        },
      ];
      return {
        routes,
        subscribers: [{ events: '*', handle: (e) => hooks.onEvent(e) }],
        jobs: [{ name: 'send', everySeconds: options.everySeconds ?? 1, exclusive: false, run: async (_slot, now) => { await hooks.sendDue(now); } }],
      };
    },
  });
}
