// The webhooks use cases: a firm's administrator (org.manage) registers URLs and the events each wants;
// every matching event becomes a delivery (the outbox handler), sent signed by a scheduled job, retried
// with doubling delays, every attempt recorded with the receiver's answer; a delivery can be replayed.
import { randomBytes } from 'node:crypto';
import { domainError, notFound, requirePermission, validationFailed, type Actor, type Clock, type IdGenerator, type OutboxEvent } from 'yunzhou/plugin';
import { isPrivateHost } from './address-guard.js';
import { send } from './sender.js';
import type { Attempt, Delivery, DeliveryStatus, Endpoint, WebhookStore } from './store.js';

export interface WebhooksOptions {
  /** Allow loopback and private-network URLs (tests, on-premises receivers). Default: env YUNZHOU_WEBHOOKS_ALLOW_PRIVATE=true. */
  readonly allowPrivateNetworks?: boolean;
  /** Attempts before a delivery is given up (failed). Default 8. */
  readonly maxAttempts?: number;
  /** Delay after the first failure, doubled after each further one (default 30 s, at most 6 h). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Time limit of one request (default 10 s). */
  readonly timeoutMs?: number;
  /** How often the sender looks for due deliveries (default 1 s; a run sends until nothing is due). */
  readonly everySeconds?: number;
  /** Requests in flight at once per process, across endpoints and records (default 32). */
  readonly concurrency?: number;
  /** A run stops taking new deliveries after this long (default 10 s), so that shutdown need not wait. */
  readonly runBudgetMs?: number;
}

export interface EndpointInput {
  readonly url?: string;
  readonly events?: readonly string[];
  readonly description?: string;
  readonly active?: boolean;
}

const MANAGE = 'org.manage';
const EVENT_TYPE = /^(\*|[a-z_]+\.[a-z_]+)$/;

/** The endpoint as the API shows it: the secret never, only its last 4 characters. */
export function presentEndpoint(e: Endpoint): Record<string, unknown> {
  return {
    id: e.id, url: e.url, description: e.description, events: e.events, active: e.active, secretHint: `…${e.secret.slice(-4)}`,
    createdAt: e.createdAt, updatedAt: e.updatedAt, version: e.version,
  };
}

/** The wait before attempt n + 1 after n failures: base × 2^(n−1), capped. */
export function webhookRetryDelayMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failures, 1) - 1, 30));
}

export class Webhooks {
  private readonly allowPrivate: boolean;

  constructor(
    private readonly store: WebhookStore,
    private readonly clock: () => Clock,
    private readonly ids: () => IdGenerator,
    private readonly options: WebhooksOptions = {},
  ) {
    this.allowPrivate = options.allowPrivateNetworks ?? process.env.YUNZHOU_WEBHOOKS_ALLOW_PRIVATE === 'true';
  }

  private check(input: EndpointInput, creating: boolean): void {
    const errors: { path: string; code: string; zh: string; en: string }[] = [];
    if (input.url !== undefined || creating) {
      let url: URL | null = null;
      try {
        url = new URL(input.url ?? '');
      } catch {
        errors.push({ path: '/url', code: 'invalid', zh: '请填写完整的网址（http:// 或 https:// 开头）', en: 'Give a full URL starting with http:// or https://' });
      }
      if (url && !['http:', 'https:'].includes(url.protocol)) errors.push({ path: '/url', code: 'protocol', zh: '网址须以 http:// 或 https:// 开头', en: 'The URL must start with http:// or https://' });
      else if (url && (url.username || url.password)) errors.push({ path: '/url', code: 'credentials', zh: '网址中不能包含用户名或密码', en: 'The URL must not carry a user name or password' });
      else if (url && !this.allowPrivate && isPrivateHost(url.hostname)) {
        errors.push({ path: '/url', code: 'private_address', zh: '只能推送到公网地址', en: 'Webhooks go to public addresses only' });
      }
    }
    if (input.events !== undefined || creating) {
      const events = input.events ?? [];
      if (events.length === 0) errors.push({ path: '/events', code: 'required', zh: '请至少选择一种事件（或 *）', en: 'Choose at least one event type (or *)' });
      events.forEach((e, i) => {
        if (!EVENT_TYPE.test(e)) errors.push({ path: `/events/${i}`, code: 'invalid', zh: `事件类型「${e}」无效`, en: `"${e}" is not an event type` });
      });
    }
    if (errors.length) throw validationFailed(errors);
  }

  private newSecret(): string {
    return `whsec_${randomBytes(24).toString('base64url')}`;
  }

  /** Registers an endpoint; the answer carries its secret, shown this once. */
  async create(actor: Actor, input: EndpointInput): Promise<Record<string, unknown>> {
    requirePermission(actor, MANAGE);
    this.check(input, true);
    const now = this.clock().now();
    const e: Endpoint = {
      tenantId: actor.tenantId, id: this.ids().id(), url: input.url as string, description: input.description ?? '', events: [...new Set(input.events)],
      secret: this.newSecret(), active: input.active ?? true, createdAt: now, updatedAt: now, version: 1,
    };
    await this.store.insertEndpoint(e, actor.userId);
    return { ...presentEndpoint(e), secret: e.secret };
  }

  async list(actor: Actor): Promise<Endpoint[]> {
    requirePermission(actor, MANAGE);
    return this.store.endpoints(actor.tenantId);
  }

  async get(actor: Actor, id: string): Promise<Endpoint> {
    requirePermission(actor, MANAGE);
    const e = await this.store.endpoint(actor.tenantId, id);
    if (!e) throw notFound('webhook_endpoint', '推送地址', id);
    return e;
  }

  async update(actor: Actor, id: string, version: number, input: EndpointInput): Promise<Endpoint> {
    this.check(input, false);
    const cur = await this.get(actor, id);
    if (cur.version !== version) throw domainError('webhook_endpoint.version_conflict', 'conflict', '推送地址已被他人修改，请刷新后重试', 'Someone else changed this endpoint first; reload and try again');
    const next: Endpoint = {
      ...cur, ...(input.url !== undefined ? { url: input.url } : {}), ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}), ...(input.active !== undefined ? { active: input.active } : {}),
      updatedAt: this.clock().now(), version: cur.version + 1,
    };
    if (!(await this.store.updateEndpoint(next))) throw domainError('webhook_endpoint.version_conflict', 'conflict', '推送地址已被他人修改，请刷新后重试', 'Someone else changed this endpoint first; reload and try again');
    return next;
  }

  /** A new secret (the old one stops working at once); shown this once. */
  async rotateSecret(actor: Actor, id: string): Promise<{ secret: string }> {
    const cur = await this.get(actor, id);
    const next: Endpoint = { ...cur, secret: this.newSecret(), updatedAt: this.clock().now(), version: cur.version + 1 };
    if (!(await this.store.updateEndpoint(next))) throw domainError('webhook_endpoint.version_conflict', 'conflict', '推送地址已被他人修改，请刷新后重试', 'Someone else changed this endpoint first; reload and try again');
    return { secret: next.secret };
  }

  /** Removes an endpoint; its pending deliveries are given up, its history stays. */
  async remove(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, MANAGE);
    if (!(await this.store.deleteEndpoint(actor.tenantId, id, this.clock().now()))) throw notFound('webhook_endpoint', '推送地址', id);
  }

  async deliveries(actor: Actor, filter: { endpointId?: string; status?: DeliveryStatus }, limit: number, after: [string, string] | null): Promise<Delivery[]> {
    requirePermission(actor, MANAGE);
    return this.store.deliveries(actor.tenantId, filter, limit, after);
  }

  async delivery(actor: Actor, id: string): Promise<Delivery & { attemptLog: Attempt[] }> {
    requirePermission(actor, MANAGE);
    const d = await this.store.delivery(actor.tenantId, id);
    if (!d) throw notFound('webhook_delivery', '推送记录', id);
    return { ...d, attemptLog: await this.store.attempts(actor.tenantId, id) };
  }

  /** Sends a delivery's payload again, as a new delivery (the receiver sees the same event id). */
  async replay(actor: Actor, id: string): Promise<Delivery> {
    const d = await this.delivery(actor, id);
    if (!(await this.store.endpoint(actor.tenantId, d.endpointId))) throw notFound('webhook_endpoint', '推送地址', d.endpointId);
    const newId = this.ids().id();
    await this.store.replay(d, newId, this.clock().now());
    return (await this.store.delivery(actor.tenantId, newId)) as Delivery;
  }

  /** The outbox handler: a delivery for each endpoint that wants the event. */
  async onEvent(e: OutboxEvent): Promise<void> {
    await this.store.enqueue(e, this.clock().now(), () => this.ids().id());
  }

  /**
   * The sender job: due deliveries, signed and sent, every attempt recorded. Up to `concurrency` requests are
   * in flight at once, across endpoints and records; a record's deliveries to one endpoint go one after the
   * other (the store hands out only the head of each lane), and as one is recorded the next of its lane
   * becomes due. A run goes on while deliveries are due, within its budget.
   */
  async sendDue(now: Date): Promise<{ sent: number; succeeded: number }> {
    const token = this.ids().id();
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const concurrency = Math.max(1, this.options.concurrency ?? 32);
    // `now` moves on with the clock while the run lasts (a fake clock keeps it still in tests).
    const clockAtStart = this.clock().now().getTime();
    const at = (): Date => new Date(now.getTime() + this.clock().now().getTime() - clockAtStart);
    const stopTaking = performance.now() + (this.options.runBudgetMs ?? 10_000);
    const inFlight = new Set<Promise<void>>();
    let sent = 0;
    let succeeded = 0;
    let failure: { error: unknown } | null = null; // recording failed (the database): stop taking, rethrow at the end
    for (;;) {
      const free = concurrency - inFlight.size;
      // Claim in batches (a quarter of the slots at least) rather than one delivery per finished request.
      const claimed = failure === null && performance.now() < stopTaking && (free >= Math.ceil(concurrency / 4) || inFlight.size === 0)
        ? await this.store.claimDue(at(), free, timeoutMs * 3, token)
        : [];
      for (const c of claimed) {
        const p: Promise<void> = this.attempt(c.delivery, c.endpoint, token, at(), timeoutMs).then((ok) => {
          sent++;
          if (ok) succeeded++;
        }).catch((error: unknown) => {
          failure ??= { error };
        }).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight);
    }
    if (failure !== null) throw (failure as { error: unknown }).error;
    return { sent, succeeded };
  }

  /** One attempt of one delivery, recorded; whether the receiver took it. */
  private async attempt(delivery: Delivery, endpoint: Endpoint | null, token: string, now: Date, timeoutMs: number): Promise<boolean> {
    const attemptNo = delivery.attempts + 1;
    const result = endpoint && endpoint.active
      ? await send({
        url: endpoint.url, secret: endpoint.secret, body: JSON.stringify(delivery.payload), at: now, timeoutMs, allowPrivateNetworks: this.allowPrivate,
        headers: { 'x-yunzhou-event': delivery.eventType, 'x-yunzhou-event-id': String(delivery.eventId), 'x-yunzhou-delivery': delivery.id },
      })
      : { ok: false, statusCode: null, bodyExcerpt: '', durationMs: 0, error: 'endpoint inactive or deleted' };
    const maxAttempts = this.options.maxAttempts ?? 8;
    const giveUp = !result.ok && (attemptNo >= maxAttempts || !endpoint || !endpoint.active);
    const next = result.ok
      ? { status: 'succeeded' as const, nextAttemptAt: null }
      : giveUp
        ? { status: 'failed' as const, nextAttemptAt: null }
        : { status: 'pending' as const, nextAttemptAt: new Date(now.getTime() + webhookRetryDelayMs(attemptNo, this.options.baseDelayMs ?? 30_000, this.options.maxDelayMs ?? 6 * 3_600_000)) };
    await this.store.recordAttempt(delivery, token, {
      id: this.ids().id(), attempt: attemptNo, at: now, statusCode: result.statusCode, responseExcerpt: result.bodyExcerpt, durationMs: result.durationMs, error: result.error,
    }, next);
    return result.ok;
  }
}
