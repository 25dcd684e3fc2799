// Requests per user and per client address, per route group, in fixed windows whose counts live in
// PostgreSQL (rate_limit_counters), so a limit holds across every process of an installation.
//
// Cost: a process does not write once per request. It leases a block of the window's allowance with one
// upsert (`count = count + k returning count`) and spends it locally; the block is 1/16 of what remains
// of the allowance (at most 64: one upsert per 64 requests far from the limit), 1 near it. Allowance is
// reserved before it is spent, so processes together never admit more than the limit; a block left unspent when the
// window ends only makes the count conservative.
import { domainError } from '../../core/shared/domain-error.js';
import type { Clock } from '../../core/shared/ports.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import type { RateLimitStore } from '../../adapters/knex/rate-limit-store.js';

export type RouteGroup = 'auth' | 'writes' | 'reads' | 'uploads' | 'exports';
export const ROUTE_GROUPS: readonly RouteGroup[] = ['auth', 'writes', 'reads', 'uploads', 'exports'];

export interface GroupLimit {
  /** Requests one signed-in user may make in a window. */
  readonly perUser: number;
  /** Requests one client address may make in a window (signed in or not). */
  readonly perAddress: number;
  readonly windowSeconds: number;
}

export type RateLimitOptions = { readonly [G in RouteGroup]?: Partial<GroupLimit> };

/**
 * Generous by default: a firm's office behind one address, the product's own tests and `bench/http.ts`
 * (one user, ~5,000 reads a second for 12 s) stay under them. Tighten per installation (YUNZHOU_RATE_LIMITS).
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<RouteGroup, GroupLimit>> = {
  auth: { perUser: 60, perAddress: 600, windowSeconds: 60 },
  writes: { perUser: 1_200, perAddress: 6_000, windowSeconds: 60 },
  reads: { perUser: 120_000, perAddress: 120_000, windowSeconds: 60 },
  uploads: { perUser: 300, perAddress: 1_200, windowSeconds: 60 },
  exports: { perUser: 120, perAddress: 600, windowSeconds: 60 },
};

/** Which group a route counts in: sign-in and sign-out, uploads (raw bodies), exports (.xlsx/.csv), other reads, other writes. */
export function routeGroupOf(def: Pick<RouteDef, 'method' | 'path' | 'rawBody'>): RouteGroup {
  if (def.path.startsWith('/auth/') && def.method !== 'get') return 'auth'; // asking whether a session lives is a read
  if (def.rawBody) return 'uploads';
  if (def.method === 'get') return /(^|\/)exports?(\/|$)|\.(xlsx|csv)$/.test(def.path) ? 'exports' : 'reads';
  return 'writes';
}

/** The limits with the installation's options over the defaults. */
export function resolveLimits(options: RateLimitOptions = {}): Record<RouteGroup, GroupLimit> {
  const out = {} as Record<RouteGroup, GroupLimit>;
  for (const g of ROUTE_GROUPS) out[g] = { ...DEFAULT_RATE_LIMITS[g], ...options[g] };
  return out;
}

/** YUNZHOU_RATE_LIMITS: 'off', or JSON like {"auth":{"perAddress":100},"writes":{"perUser":300}}. */
export function rateLimitsFromEnv(value: string | undefined): RateLimitOptions | false | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (value.trim() === 'off') return false;
  const parsed = JSON.parse(value) as unknown;
  if (typeof parsed !== 'object' || parsed === null) throw new Error('YUNZHOU_RATE_LIMITS must be "off" or a JSON object of route groups');
  for (const k of Object.keys(parsed)) if (!ROUTE_GROUPS.includes(k as RouteGroup)) throw new Error(`YUNZHOU_RATE_LIMITS: unknown route group ${k} (${ROUTE_GROUPS.join(', ')})`);
  return parsed as RateLimitOptions;
}

interface Lease {
  readonly windowStart: number;
  left: number;
  size: number;
  exhausted: boolean;
  pending: Promise<void> | null;
}

const SWEEP_EVERY_MS = 60_000;
const KEEP_MS = 60 * 60_000;

/** The next block to lease: 1/16 of what remains of the window's allowance, between 1 and 64. */
const blockFor = (limit: number, counted: number): number => Math.max(1, Math.min(64, Math.floor((limit - counted) / 16)));

export class RateLimiter {
  private readonly limits: Record<RouteGroup, GroupLimit>;
  private readonly leases = new Map<string, Lease>();
  private lastSweep = 0;

  constructor(private readonly store: RateLimitStore, private readonly clock: Clock, options: RateLimitOptions = {}) {
    this.limits = resolveLimits(options);
  }

  /**
   * Counts one request of the group for the client address, or for the signed-in user; `http.rate_limited`
   * (429, Retry-After) past the limit.
   */
  async check(group: RouteGroup, who: { readonly address: string } | { readonly tenantId: string; readonly userId: string }): Promise<void> {
    const l = this.limits[group];
    const now = this.clock.now().getTime();
    const windowMs = l.windowSeconds * 1000;
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const [key, limit] = 'address' in who ? [`${group}:a:${who.address}`, l.perAddress] : [`${group}:u:${who.tenantId}:${who.userId}`, l.perUser];
    {
      if (!(await this.take(key, limit, windowStart))) {
        const seconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
        throw domainError(
          'http.rate_limited', 'rate_limited',
          `请求过于频繁，请 ${seconds} 秒后再试`,
          `Too many requests; try again in ${seconds} s`,
          { retryAfterSeconds: seconds, group },
        );
      }
    }
    this.maybeSweep(now);
  }

  private async take(key: string, limit: number, windowStart: number): Promise<boolean> {
    let lease = this.leases.get(key);
    if (!lease || lease.windowStart !== windowStart) {
      lease = { windowStart, left: 0, size: blockFor(limit, 0), exhausted: false, pending: null };
      this.leases.set(key, lease);
    }
    for (;;) {
      if (lease.left > 0) {
        lease.left--;
        return true;
      }
      if (lease.exhausted) return false;
      lease.pending ??= this.renew(key, lease, limit).finally(() => {
        (lease as Lease).pending = null;
      });
      await lease.pending;
    }
  }

  private async renew(key: string, lease: Lease, limit: number): Promise<void> {
    const want = lease.size;
    const total = await this.store.add(key, new Date(lease.windowStart), want);
    const granted = Math.max(0, Math.min(want, limit - (total - want)));
    lease.left += granted;
    if (granted < want) lease.exhausted = true;
    lease.size = blockFor(limit, total);
  }

  private maybeSweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, lease] of this.leases) if (lease.windowStart < now - KEEP_MS) this.leases.delete(key);
    this.store.sweep(new Date(now - KEEP_MS)).catch(() => {}); // a failed sweep is retried by the next one
  }
}
