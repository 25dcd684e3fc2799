// The notifications plugin (issue 17): what the work center tells a person (the same rules as the 消息 list
// and the 办理中心) also reaches them in WeCom, DingTalk or by SMS, as each person chose per kind, held
// through their quiet hours or gathered into a daily digest. Every copy (event × person × channel) is a
// row unique by its idempotency key, made by the outbox subscriber and sent by the `send` job in any
// server process: retried with backoff, queued behind a vendor's rate limit, parked with the vendor's code
// and message for the administrator to see and send again.
import {
  afterAttempt, definePlugin, defaultPreferences, digest, domainError, notificationKey, notFound, plan, requeue, requirePermission,
  decodeCursor, encodeCursor, updatePreferences, CHANNELS, DEFAULT_RETRY_POLICY, NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, PERMISSIONS,
  type AreaDescriptor, type Channel, type DeliveredEvent, type DeliveryState, type NotificationPreferences, type RetryPolicy, type RouteDef,
} from 'yunzhou/plugin';
import { ChannelStore, PreferenceStore, type OpenChannel } from './channel-store.js';
import { DeliveryStore, type NewCopy, type StoredCopy } from './delivery-store.js';
import { CHANNEL_VENDOR, Senders, type Words } from './senders.js';
import { channelSettings, refuseIf } from './settings-input.js';
import { notificationTables } from './tables.js';

const NAME = 'notifications';

export interface NotificationsOptions {
  /** The console's address for links in messages, unless the firm saves its own (settings consoleUrl). */
  readonly publicUrl?: string;
  /** How long a sender process holds a copy it is sending (default 60 s); after a crash another takes it up then. */
  readonly leaseSeconds?: number;
  /** The vendor's time limit per request (default 10 s; kept under the lease). */
  readonly timeoutMs?: number;
  readonly retryPolicy?: RetryPolicy;
  /** How often the `send` job runs, in seconds (default 1). */
  readonly everySeconds?: number;
}

interface NotificationsSettings {
  /** The console as people open it from WeCom or DingTalk, e.g. https://crm.example.cn. */
  readonly consoleUrl: string | null;
}

const FILTERS: Readonly<Record<string, readonly DeliveryState[]>> = { waiting: ['pending', 'retrying', 'rate_limited'], sent: ['sent'], parked: ['parked'] };
const channelParam = { type: 'object', additionalProperties: false, required: ['channel'], properties: { channel: { type: 'string', enum: [...CHANNELS] } } };
const uuidText = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' };
const timeText = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' };

export function notificationsPlugin(options: NotificationsOptions = {}): AreaDescriptor {
  const leaseMs = (options.leaseSeconds ?? 60) * 1000;
  const timeoutMs = Math.min(options.timeoutMs ?? 10_000, Math.floor(leaseMs / 2));
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  return definePlugin({
    name: NAME,
    uses: ['clock', 'people', 'cipher', 'notifications'],
    migrations: [notificationTables],
    settings: {
      schema: { type: 'object', additionalProperties: false, required: ['consoleUrl'], properties: { consoleUrl: { type: ['string', 'null'], maxLength: 300, pattern: '^https?://' } } },
      defaults: { consoleUrl: null } as NotificationsSettings,
    },
    setup({ data, services, settings }) {
      const channels = new ChannelStore(() => data.knex, () => services.cipher);
      const preferences = new PreferenceStore(() => data.knex);
      const deliveries = new DeliveryStore(() => data.knex);
      const senders = new Senders({ knex: () => data.knex, clock: { now: () => services.clock.now() }, timeoutMs });

      /** The console's address: links are its screens' paths ('/approvals/…') below it. */
      const consoleBase = async (tenantId: string): Promise<string> =>
        (await settings.get(tenantId)).consoleUrl ?? options.publicUrl ?? 'http://localhost:3000';

      /** A person's preferences: what they saved over the firm's defaults (a kind added later gets its default). */
      const preferencesOf = async (tenantId: string, userId: string): Promise<NotificationPreferences> => {
        const base = defaultPreferences(await channels.chatApp(tenantId));
        const saved = (await preferences.get(tenantId, userId)) as Partial<NotificationPreferences> | null;
        if (!saved) return base;
        return { ...base, ...saved, channels: { ...base.channels, ...(saved.channels ?? {}) } };
      };

      /** The outbox subscriber: each person the event concerns gets a copy per chosen channel, due as planned. */
      const onEvent = async (e: DeliveredEvent): Promise<void> => {
        if (!services.notifications.covers(e.type)) return;
        const enabled = await channels.enabled(e.tenantId);
        if (enabled.size === 0) return;
        const found = await services.notifications.forEvent(e);
        if (found.length === 0) return;
        const zone = await services.notifications.timeZone(e.tenantId);
        const now = services.clock.now();
        const copies: NewCopy[] = [];
        for (const n of found) {
          const p = plan(n, await preferencesOf(e.tenantId, n.recipientId), zone, now);
          if (p.action === 'skip') continue;
          const dueAt = p.action === 'now' ? now : p.action === 'hold' ? p.until : p.at;
          for (const channel of p.channels.filter((c) => enabled.has(c))) {
            copies.push({ key: notificationKey(n, channel), channel, notification: n, dueAt, digestAt: p.action === 'digest' ? p.at : null });
          }
        }
        await deliveries.insert(e.tenantId, copies, now);
      };

      const person = async (tenantId: string, userId: string) =>
        (await data.read((_k, tx) => services.people.getUsers(tx, tenantId, [userId])))[0] ?? null;

      /** One attempt at one copy, recorded; a rate limit holds back the firm's other copies on that channel. */
      const attempt = async (c: StoredCopy, open: (tenantId: string, ch: Channel) => Promise<OpenChannel | null>): Promise<void> => {
        const now = services.clock.now();
        const ch = await open(c.tenantId, c.channel);
        const user = await person(c.tenantId, c.recipientId);
        let result;
        if (!ch || !ch.enabled) result = { outcome: { type: 'rejected' as const, error: { code: 'CHANNEL_OFF', message: `${CHANNEL_VENDOR[c.channel]}未设置或已停用` } }, messageId: null };
        else if (!user || !user.active) result = { outcome: { type: 'rejected' as const, error: { code: 'USER_INACTIVE', message: '该用户已停用或不存在' } }, messageId: null };
        else {
          const words: Words = { kind: c.sourceKey.startsWith('digest:') && c.channel !== 'sms' ? null : c.kind, title: c.title, text: c.text, link: c.link, values: c.values, key: c.key };
          result = await senders.send(ch, { tenantId: c.tenantId, userId: user.id, mobile: user.mobile || null }, words, await consoleBase(c.tenantId));
        }
        const done = services.clock.now();
        const after = afterAttempt(c, result.outcome, done, policy);
        await deliveries.record(c, after, now, result.messageId);
        if (result.outcome.type === 'rate_limited' && after.nextAttemptAt) await deliveries.pause(c.tenantId, c.channel, after.nextAttemptAt);
      };

      /** Each due digest becomes one copy listing what was held for it. */
      const foldDigests = async (now: Date): Promise<void> => {
        for (const g of await deliveries.dueDigests(now, 100)) {
          await deliveries.foldDigest(g, (held) => {
            const d = digest(held.map((h) => ({ key: h.key, kind: h.kind, title: h.title })));
            const sourceKey = `digest:${g.digestAt.toISOString()}`;
            const first = held[0] as StoredCopy;
            return {
              key: notificationKey({ sourceKey, recipientId: g.recipientId }, g.channel), channel: g.channel, dueAt: now, digestAt: null,
              notification: {
                tenantId: g.tenantId, recipientId: g.recipientId, kind: first.kind, sourceKey, eventId: null, title: d.title, text: d.text, link: d.link,
                values: { name: d.title }, createdAt: now,
              },
            };
          }, now);
        }
      };

      /** One run of the sender: digests folded, then due copies claimed and sent until none is due (≤ 10 s). */
      const sendDue = async (): Promise<number> => {
        const started = Date.now();
        let sent = 0;
        await foldDigests(services.clock.now());
        const cache = new Map<string, Promise<OpenChannel | null>>();
        const open = (tenantId: string, ch: Channel) => {
          const k = `${tenantId}:${ch}`;
          if (!cache.has(k)) cache.set(k, channels.open(tenantId, ch));
          return cache.get(k) as Promise<OpenChannel | null>;
        };
        while (Date.now() - started < 10_000) {
          const now = services.clock.now();
          const batch = await deliveries.claim(now, new Date(now.getTime() + leaseMs), 10);
          if (batch.length === 0) break;
          for (const c of batch) {
            await attempt(c, open);
            sent++;
          }
        }
        return sent;
      };

      const itemOf = async (c: StoredCopy, names: Map<string, string>) => ({
        id: c.id, channel: c.channel, kind: c.kind, recipient: { userId: c.recipientId, name: names.get(c.recipientId) ?? null }, state: c.state,
        attempts: c.attempts, title: c.title, digest: c.digestId !== null, lastAttemptAt: c.lastAttemptAt, nextAttemptAt: c.nextAttemptAt,
        vendorCode: c.lastError?.code ?? null, vendorMessage: c.lastError?.message ?? null, sentAt: c.sentAt, createdAt: c.createdAt,
      });
      const namesOf = async (tenantId: string, ids: string[]) =>
        new Map((await data.read((_k, tx) => services.people.getUsers(tx, tenantId, [...new Set(ids)]))).map((u) => [u.id, u.name]));

      const preferencesAnswer = async (tenantId: string, userId: string, timeZone: string) => {
        const p = await preferencesOf(tenantId, userId);
        return {
          kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, label: NOTIFICATION_KIND_LABELS[kind].zh, channels: p.channels[kind] ?? [] })),
          quietHours: p.quietHours, urgentKinds: p.urgentKinds, digest: p.digest, timeZone, availableChannels: [...(await channels.enabled(tenantId))].sort(),
        };
      };

      const channelItem = { type: 'object', additionalProperties: false, required: ['channel', 'enabled', 'settings'], properties: {
        channel: { type: 'string', enum: [...CHANNELS] }, enabled: { type: 'boolean' }, baseUrl: { type: ['string', 'null'], maxLength: 500, pattern: '^https?://' },
        settings: { type: 'object', additionalProperties: true }, secret: { type: 'string', minLength: 1, maxLength: 300 },
      } };

      const routes: RouteDef[] = [
        {
          method: 'get', path: '/channels', tags: [NAME], summary: '消息推送渠道 The firm\'s WeCom, DingTalk and SMS settings (secrets never shown)',
          handler: async ({ actor }) => {
            requirePermission(actor, PERMISSIONS.orgManage);
            return { items: (await channels.list(actor.tenantId)).map((c) => ({ ...c, secretSet: true })) };
          },
        },
        {
          method: 'put', path: '/channels', tags: [NAME],
          summary: '保存消息推送渠道 Save channels: the secret is sealed with the keyring; leave it out to keep the stored one',
          description: 'WeCom settings { corpId, agentId }, secret = the application Secret; DingTalk { appKey, agentId }, secret = AppSecret; SMS { accessKeyId, signName, templates: { <kind>: SMS_… } }, secret = AccessKey Secret. baseUrl: the vendor\'s API or a proxy (null: the vendor\'s own).',
          schemas: { body: { type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', maxItems: 3, items: channelItem } } } },
          handler: async ({ actor, body }) => {
            requirePermission(actor, PERMISSIONS.orgManage);
            const errors: { path: string; code: string; zh: string; en: string }[] = [];
            type Item = { channel: Channel; enabled: boolean; baseUrl?: string | null; secret?: string; settings: Record<string, unknown> };
            const items = (body.items as Item[]).map((it, i): Item => ({ ...it, settings: channelSettings(it.channel, it.settings, `/items/${i}/settings`, errors) }));
            const seen = new Set<string>();
            items.forEach((it, i) => {
              if (seen.has(it.channel)) errors.push({ path: `/items/${i}/channel`, code: 'notifications.channel_duplicate', zh: '渠道重复', en: 'A channel is listed twice' });
              seen.add(it.channel);
            });
            const stored = new Set((await channels.list(actor.tenantId)).map((c) => c.channel));
            items.forEach((it, i) => {
              if (it.secret === undefined && !stored.has(it.channel)) errors.push({ path: `/items/${i}/secret`, code: 'notifications.secret_required', zh: '首次设置须填写密钥', en: 'The secret is required the first time' });
            });
            refuseIf(errors);
            const at = services.clock.now();
            for (const it of items) await channels.save(actor.tenantId, { channel: it.channel, enabled: it.enabled, baseUrl: it.baseUrl ?? null, settings: it.settings, secret: it.secret ?? null }, at);
            return { items: (await channels.list(actor.tenantId)).map((c) => ({ ...c, secretSet: true })) };
          },
        },
        {
          method: 'post', path: '/channels/:channel/test', tags: [NAME],
          summary: '测试发送 Send a test message now to a person (default: the caller); the vendor\'s code and message when it fails',
          schemas: { params: channelParam, body: { type: 'object', additionalProperties: false, properties: { userId: uuidText } } },
          handler: async ({ actor, params, body }) => {
            requirePermission(actor, PERMISSIONS.orgManage);
            const channel = params.channel as Channel;
            const ch = await channels.open(actor.tenantId, channel);
            if (!ch) throw domainError('notifications.channel_not_configured', 'not_found', `${CHANNEL_VENDOR[channel]}尚未设置`, `${channel} is not set up`);
            const user = await person(actor.tenantId, body?.userId ?? actor.userId);
            if (!user) throw notFound('user', '用户', body?.userId ?? actor.userId);
            const at = services.clock.now().toISOString();
            const words: Words = {
              kind: 'task_update', title: '云舟CRM 测试消息', text: `这是一条测试消息，发送给 ${user.name}。收到即表示${CHANNEL_VENDOR[channel]}已接通。`,
              link: '/messages', values: { name: '测试消息' }, key: `test/${actor.userId}/${at}`,
            };
            if (channel === 'sms') {
              const templates = (ch.settings.templates ?? {}) as Record<string, string>;
              const kind = (Object.keys(templates)[0] ?? 'task_update') as Words['kind'];
              Object.assign(words, { kind, values: { name: '测试消息', time: '—', submitter: actor.name, number: '1', dueOn: '—', due: '—' } });
            }
            const r = await senders.send(ch, { tenantId: actor.tenantId, userId: user.id, mobile: user.mobile || null }, words, await consoleBase(actor.tenantId));
            return r.outcome.type === 'sent' ? { ok: true } : { ok: false, vendorCode: r.outcome.error.code, vendorMessage: r.outcome.error.message };
          },
        },
        {
          method: 'get', path: '/preferences/me', tags: [NAME], summary: '我的通知偏好 The caller\'s channels per kind, quiet hours (the firm\'s clock) and daily digest',
          handler: async ({ actor }) => preferencesAnswer(actor.tenantId, actor.userId, actor.timeZone),
        },
        {
          method: 'put', path: '/preferences/me', tags: [NAME],
          summary: '修改我的通知偏好 Change the caller\'s preferences: fields left out keep their value; ["none"] for no push of a kind; null switches quiet hours or the digest off',
          schemas: {
            body: { type: 'object', additionalProperties: false, properties: {
              channels: { type: 'object', additionalProperties: { type: 'array', maxItems: 4, items: { type: 'string' } } },
              quietHours: { type: ['object', 'null'], additionalProperties: false, required: ['start', 'end'], properties: { start: timeText, end: timeText } },
              urgentKinds: { type: 'array', maxItems: 20, items: { type: 'string' } },
              digest: { type: ['object', 'null'], additionalProperties: false, required: ['at', 'kinds'], properties: { at: timeText, kinds: { type: 'array', maxItems: 20, items: { type: 'string' } } } },
            } },
          },
          handler: async ({ actor, body }) => {
            const next = updatePreferences(await preferencesOf(actor.tenantId, actor.userId), body);
            await preferences.save(actor.tenantId, actor.userId, next, services.clock.now());
            return preferencesAnswer(actor.tenantId, actor.userId, actor.timeZone);
          },
        },
        {
          method: 'get', path: '/deliveries', tags: [NAME], summary: '推送记录 Copies sent, waiting or parked, newest first, with the vendor\'s last error code and message',
          schemas: { query: { type: 'object', additionalProperties: false, properties: {
            state: { type: 'string', enum: Object.keys(FILTERS) }, cursor: { type: 'string', maxLength: 200 }, limit: { type: 'integer', minimum: 1, maximum: 100 },
          } } },
          handler: async ({ actor, query }) => {
            requirePermission(actor, PERMISSIONS.orgManage);
            const limit = query.limit ?? 20;
            const after = query.cursor ? decodeCursor(query.cursor, 2) as [string, string] : null;
            const rows = await deliveries.list(actor.tenantId, { states: query.state ? FILTERS[query.state] ?? null : null, after }, limit + 1);
            const page = rows.slice(0, limit);
            const names = await namesOf(actor.tenantId, page.map((c) => c.recipientId));
            const last = page[page.length - 1];
            return { items: await Promise.all(page.map((c) => itemOf(c, names))), nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
          },
        },
        {
          method: 'post', path: '/deliveries/:id/retry', tags: [NAME], summary: '重新发送 A parked copy is queued again with a fresh set of attempts (after the settings were fixed)',
          schemas: { params: { type: 'object', additionalProperties: false, required: ['id'], properties: { id: uuidText } } },
          handler: async ({ actor, params }) => {
            requirePermission(actor, PERMISSIONS.orgManage);
            const c = await deliveries.get(actor.tenantId, params.id);
            if (!c) throw notFound('notification_delivery', '推送记录', params.id);
            if (c.state !== 'parked') throw domainError('notifications.not_parked', 'conflict', '只有已搁置的推送可以重新发送', 'Only a parked copy can be sent again', { state: c.state });
            await deliveries.requeued(c, requeue(c, services.clock.now()));
            const fresh = (await deliveries.get(actor.tenantId, c.id)) as StoredCopy;
            return itemOf(fresh, await namesOf(actor.tenantId, [fresh.recipientId]));
          },
        },
      ];

      return {
        routes,
        subscribers: [{ events: '*', handle: onEvent }],
        jobs: [{ name: 'send', everySeconds: options.everySeconds ?? 1, exclusive: false, run: async () => { await sendDue(); } }],
        commands: [{
          name: 'notifications-send', summary: 'send the notification copies due now (what the send job does each second)',
          run: async (_args, io) => { io.out(`${await sendDue()} attempt(s)`); return 0; },
        }],
      };
    },
  });
}
