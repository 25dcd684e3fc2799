// A request fuzzer driven by the OpenAPI document: every path and method, with values made from each
// parameter's and body's JSON Schema, half the time mangled (NUL, lone surrogates, huge numbers, wrong types,
// very long strings, emoji, 𠮷 …). Deterministic from a seed (a small PRNG), so a failure can be replayed.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { builtInPlugins } from '../../plugins/index.js';
import { testCrm } from './crm.js';
import { aFirm } from './tenant.js';
import { seedDemo } from '../../adapters/demo/seed-demo.js';

const DEMO_PASSWORD = 'fuzz-demo-2026';
import { serve, type TestServer } from './http.js';

type Schema = Record<string, any>;

/** mulberry32: a tiny seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800', '😀👍🏽‍🔥', '𠮷野家', '\ufffd', '\u202e逆序', 'a'.repeat(5000),
  '中'.repeat(3000), "'; drop table users; --", '%', '%00', '../../etc/passwd', '<script>alert(1)</script>', '0', '-1', 'null',
  '1e309', '99999999999999999999999', '2026-02-30', '0000-00-00T00:00:00Z', '9999-12-31T23:59:59Z', '-000001-01-01T00:00:00Z',
  'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '\t\n\r', ' 13800000000 ', '+8613800000000',
];
const HOSTILE_VALUES: unknown[] = [
  null, true, false, 0, -1, 1.5, -0.0001, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER, [], [null], {}, { '\u0000': 1 },
  { __proto__: { x: 1 } }, { constructor: 'x' }, [['deep']],
];
const NICE = ['盛博科技有限公司', '郑盛', '回访', '税贷', 'A', '电销', '按揭房', '13800000001', 'ok', 'test', '𠮷', '😀'];

export class Fuzzer {
  readonly ids: string[] = [];
  /** Ids by the surface that answered with them ('orders', 'plugins/webhooks' …): a path's {id} is one of its own. */
  readonly idsBySurface = new Map<string, string[]>();
  surface = '';
  constructor(private readonly rnd: () => number, private readonly now: Date) {}

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)] as T;
  }

  hostile(): unknown {
    return this.chance(0.6) ? this.pick(HOSTILE_STRINGS) : this.pick(HOSTILE_VALUES);
  }

  id(): string {
    return this.ids.length && this.chance(0.7) ? this.pick(this.ids) : randomUUID();
  }

  /** An id for the path's {id}: mostly one the same surface answered with. */
  ownId(): string {
    const own = this.idsBySurface.get(this.surface) ?? [];
    return own.length && this.chance(0.85) ? this.pick(own) : this.id();
  }

  string(s: Schema): string {
    if (s.format === 'uuid') return this.id();
    if (s.format === 'date-time') return new Date(this.now.getTime() + this.int(-400, 400) * 86_400_000 + this.int(0, 86_399) * 1000).toISOString();
    if (s.format === 'date') return new Date(this.now.getTime() + this.int(-400, 400) * 86_400_000).toISOString().slice(0, 10);
    if (s.format === 'email') return `u${this.int(0, 999)}@example.com`;
    if (s.format === 'uri') return `https://example.com/${this.int(0, 99)}`;
    const min = Number(s.minLength ?? 0);
    const max = Math.min(Number(s.maxLength ?? 40), min + 40);
    if (/mobile/i.test(String(s.description ?? '')) || min === 11) return `1${this.pick(['38', '39', '70', '71'])}${String(this.int(0, 99_999_999)).padStart(8, '0')}`;
    let out = this.pick(NICE);
    while (out.length < min) out += this.pick(NICE);
    return [...out].slice(0, Math.max(min, this.int(min, Math.max(min, max)))).join('');
  }

  /** A value for the schema: mostly fitting, mangled with probability `p` at each level. */
  value(s: Schema | undefined, p: number, depth = 0): unknown {
    if (this.chance(p) || !s || depth > 6) return this.hostile();
    if (s.enum) return this.pick(s.enum as unknown[]);
    if (s.const !== undefined) return s.const;
    const variants = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
    if (variants?.length) return this.value({ ...s, oneOf: undefined, anyOf: undefined, ...this.pick(variants) }, p, depth + 1);
    let type = s.type as string | string[] | undefined;
    if (Array.isArray(type)) type = this.pick(type);
    switch (type ?? (s.properties ? 'object' : 'string')) {
      case 'null': return null;
      case 'boolean': return this.chance(0.5);
      case 'integer':
      case 'number': {
        const lo = Number(s.minimum ?? (s.exclusiveMinimum !== undefined ? Number(s.exclusiveMinimum) + 1 : 0));
        const hi = Number(s.maximum ?? lo + 1000);
        const v = this.chance(0.2) ? this.pick([lo, hi]) : lo + Math.floor(this.rnd() * Math.min(hi - lo + 1, 1e9));
        return type === 'number' && this.chance(0.3) ? v + 0.5 : v;
      }
      case 'array': {
        const n = this.int(Number(s.minItems ?? 0), Math.min(Number(s.maxItems ?? 3), Number(s.minItems ?? 0) + 3));
        return Array.from({ length: n }, () => this.value(s.items as Schema, p, depth + 1));
      }
      case 'object': {
        const props = (s.properties ?? {}) as Record<string, Schema>;
        const required = new Set((s.required ?? []) as string[]);
        const out: Record<string, unknown> = {};
        for (const [k, ps] of Object.entries(props)) if (required.has(k) || this.chance(0.5)) out[k] = this.value(ps, p, depth + 1);
        if (this.chance(p)) out[this.pick(['extra', '\u0000', '\ud800', '𠮷'])] = this.hostile();
        return out;
      }
      default:
        return this.string(s);
    }
  }
}

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly op: Schema;
}

export function operationsOf(doc: Schema): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Schema>)) {
    for (const [method, op] of Object.entries(item)) out.push({ method: method.toUpperCase(), path, op: op as Schema });
  }
  return out;
}

export interface FuzzRequest {
  readonly mood: 'fit' | 'one' | 'wild';
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Buffer;
}

/** encodeURIComponent, with a lone surrogate written as its (invalid) 3-byte UTF-8 form instead of throwing. */
export function encode(s: string): string {
  return s.replace(/[\s\S]/gu, (c) => {
    const cp = c.codePointAt(0) as number;
    if (cp < 0xd800 || cp > 0xdfff) return encodeURIComponent(c);
    return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
  });
}

function queryValue(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(queryValue);
  if (typeof v === 'object' && v !== null) return [JSON.stringify(v)];
  return [String(v)];
}

/** Replaces one value somewhere in `value` (or `value` itself) with a hostile one. */
function mutateOne(f: Fuzzer, value: unknown): unknown {
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 6 || typeof v !== 'object' || v === null) return;
    for (const [k, c] of Object.entries(v)) {
      slots.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
      walk(c, depth + 1);
    }
  };
  walk(value, 0);
  if (!slots.length || f.chance(0.1)) return f.hostile();
  const slot = f.pick(slots);
  (slot.parent as Record<string | number, unknown>)[slot.key] = f.chance(0.5) ? f.pick(HOSTILE_STRINGS) : f.hostile();
  return value;
}

type Param = { name: string; in: string; required?: boolean; schema: Schema };
const BAD_PATH_VALUES = ['%00', 'abc', '%ED%A0%80', 'x'.repeat(300), '%F0%A0%AE%B7', '%FF', '..'];
const BAD_QUERY_PARTS = ['x=%00', 'keyword=%ED%A0%80', 'limit=%FF', `cursor=${'z'.repeat(2000)}`, 'a[b]=1', '%00=1', 'limit=1e400', 'limit=-1&limit=2'];

/**
 * One request for the operation, in one of three moods: fitting its schemas (to reach the domain rules),
 * fitting but for exactly one hostile value (so that value is what the server meets), or mangled throughout.
 */
export function requestFor(f: Fuzzer, o: Operation, token: string): FuzzRequest {
  f.surface = surfaceOf(o.path);
  const mood = f.pick(['fit', 'fit', 'one', 'one', 'one', 'wild'] as const);
  const p = mood === 'wild' ? f.pick([0.1, 0.3, 0.6]) : 0;
  const params = (o.op.parameters ?? []) as Param[];
  const content = o.op.requestBody?.content as Record<string, { schema: Schema }> | undefined;
  const pathParams = params.filter((x) => x.in === 'path');
  const queryParams = params.filter((x) => x.in === 'query');
  const target = mood !== 'one' ? 'none' : f.pick([
    ...(pathParams.length ? ['path'] : []), ...(queryParams.length ? ['query', 'query'] : ['query']),
    ...(content?.['application/json'] ? ['body', 'body', 'body'] : []), 'header',
  ]);

  let path = o.path;
  const badPath = target === 'path' ? f.pick(pathParams).name : null;
  for (const prm of pathParams) {
    const bad = prm.name === badPath || f.chance(p);
    const fit = prm.name === 'id' && prm.schema.format === 'uuid' ? f.ownId() : String(f.value(prm.schema, 0));
    path = path.replace(`{${prm.name}}`, bad ? (f.chance(0.5) ? f.pick(BAD_PATH_VALUES) : encode(String(f.hostile()))) : encode(fit));
  }

  const query: string[] = [];
  const badQuery = target === 'query' && queryParams.length && f.chance(0.8) ? f.pick(queryParams).name : null;
  for (const prm of queryParams) {
    if (prm.name === badQuery) query.push(`${encode(prm.name)}=${encode(String(f.chance(0.7) ? f.pick(HOSTILE_STRINGS) : f.hostile()))}`);
    else if (prm.required || f.chance(0.4)) for (const v of queryValue(f.value(prm.schema, p))) query.push(`${encode(prm.name)}=${encode(v)}`);
  }
  if ((target === 'query' && !badQuery) || f.chance(p)) query.push(f.pick(BAD_QUERY_PARTS));

  const headers: Record<string, string> = {};
  if (!f.chance(mood === 'wild' ? 0.1 : 0.01)) headers.authorization = `Bearer ${mood === 'wild' && f.chance(0.1) ? 'garbage' : token}`;
  if (target === 'header' || f.chance(0.05)) headers['idempotency-key'] = f.pick(['k1', 'x'.repeat(150), 'k\u00ff', randomUUID(), '']);
  if (f.chance(0.1)) headers['accept-language'] = 'en';

  let body: string | Buffer | undefined;
  if (content?.['application/json']) {
    headers['content-type'] = mood === 'wild' && f.chance(0.1) ? 'text/plain' : 'application/json';
    if (mood === 'wild' && f.chance(0.2)) body = f.pick(['null', '{', '[]', '"\\u0000"', '{"a":"\\ud800"}', '1e999', '{"__proto__":{"admin":true}}']);
    else {
      const v = f.value(content['application/json'].schema, p);
      body = JSON.stringify(target === 'body' ? mutateOne(f, v) : v);
    }
  } else if (content) {
    headers['content-type'] = Object.keys(content)[0] as string;
    body = f.pick([Buffer.from('%PDF-1.4\n%%EOF\n'), Buffer.from('\u0000\u0001\u0002'), Buffer.from('企业名称,客户手机号码\n盛博\u0000,13800000001\n'), Buffer.alloc(0), Buffer.from([0xff, 0xd8, 0xff, 0xe0])]);
  } else if (o.method !== 'GET' && o.method !== 'DELETE' && f.chance(0.2)) {
    headers['content-type'] = 'application/json';
    body = f.pick(['null', '{}', '{"x":"\\u0000"}', '[1]']);
  }
  return { mood, method: o.method, url: `${path}${query.length ? `?${query.join('&')}` : ''}`, headers, ...(body !== undefined ? { body } : {}) };
}

/** '/api/v1/orders/{id}' → 'orders'; '/api/v1/plugins/webhooks/endpoints' → 'plugins/webhooks/endpoints'. */
export function surfaceOf(path: string): string {
  const parts = path.replace(/^\/api\/v1\//, '').split('/');
  return parts[0] === 'plugins' ? parts.slice(0, 3).join('/') : (parts[0] ?? '');
}

/** Collects every id the server answers with, so later requests hit records that exist. */
export function harvestIds(value: unknown, into: string[], depth = 0): void {
  if (depth > 5 || into.length > 500) return;
  if (Array.isArray(value)) value.forEach((v) => harvestIds(v, into, depth + 1));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v) && /id$/i.test(k) && !into.includes(v)) into.push(v);
      else harvestIds(v, into, depth + 1);
    }
  }
}

/** The `id` of the answer, or of each of its `items`: the records of the surface that answered. */
function harvestOwnIds(body: unknown, into: string[]): void {
  const b = body as { id?: unknown; items?: { id?: unknown }[] };
  const ids = [b?.id, ...(Array.isArray(b?.items) ? b.items.map((i) => i?.id) : [])];
  for (const id of ids) if (typeof id === 'string' && into.length < 200 && !into.includes(id)) into.push(id);
}

export interface FuzzFailure {
  readonly request: FuzzRequest;
  readonly status: number;
  readonly body: string;
  readonly error?: string;
}

export interface FuzzHarness {
  readonly crm: Crm;
  readonly api: TestServer;
  /** The administrator's token: renewed when a fuzzed request logged it out or locked it. */
  token: string;
  renewToken(): Promise<void>;
  readonly doc: Schema;
  readonly errors: string[];
  close(): Promise<void>;
}

/** The real Koa app on the embedded database with the built-in plugins, the demo data, and its administrator. */
export async function fuzzHarness(): Promise<FuzzHarness> {
  const errors: string[] = [];
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { errors.push(chunk.toString()); done(); } });
  const crm = await testCrm('pglite', { plugins: builtInPlugins(), migrate: true });
  const api = await serve(crm, { logger: pino({ level: 'error' }, sink) });
  const demo = await seedDemo(crm, DEMO_PASSWORD);
  const login = async (): Promise<string | null> => {
    const res = await api.call('POST', '/api/v1/auth/login', { body: { mobile: '13800000000', password: DEMO_PASSWORD, tenantId: demo.main.tenantId } });
    return res.status === 200 ? (res.body.token as string) : null;
  };
  const doc = (await api.call('GET', '/api/v1/openapi.json')).body as Schema;
  const h: FuzzHarness = {
    crm, api, doc, errors, token: (await login()) as string,
    async renewToken() {
      // A fuzzed request logged out: log in again; if it also changed the password or disabled the account,
      // carry on as the administrator of a new firm.
      h.token = (await login()) ?? (await aFirm(crm)).adminToken;
    },
    close: async () => { await api.close(); await crm.close(); },
  };
  return h;
}

/** A server-sent events stream (the live badges) never ends by itself: its status is the answer, the body is dropped. */
const isEventStream = (res: Response): boolean => (res.headers.get('content-type') ?? '').startsWith('text/event-stream');

/** Sends `count` fuzzed requests (operations taken in turn, then at random) and returns the 5xx answers. */
export async function fuzz(h: FuzzHarness, seed: number, count: number, statuses: Map<number, number> = new Map()): Promise<FuzzFailure[]> {
  const f = new Fuzzer(prng(seed), new Date());
  const ops = operationsOf(h.doc);
  const failures: FuzzFailure[] = [];
  // First every list and settings page once, plainly, so that later requests find records that exist.
  for (const o of ops.filter((x) => x.method === 'GET' && !x.path.includes('{') && !(x.op.parameters ?? []).some((p: Schema) => p.required))) {
    const res = await fetch(h.api.url + o.path, { headers: { authorization: `Bearer ${h.token}` } });
    if (res.status >= 500) failures.push({ request: { mood: 'fit', method: 'GET', url: o.path, headers: {} }, status: res.status, body: (await res.text()).slice(0, 300) });
    else if (res.status === 200 && (res.headers.get('content-type') ?? '').includes('json')) {
      const body: unknown = await res.json();
      harvestIds(body, f.ids);
      const own = f.idsBySurface.get(surfaceOf(o.path)) ?? [];
      harvestOwnIds(body, own);
      f.idsBySurface.set(surfaceOf(o.path), own);
    } else if (isEventStream(res)) await res.body?.cancel();
    else await res.arrayBuffer();
  }
  for (let i = 0; i < count; i++) {
    const o = i < ops.length ? (ops[(i + seed) % ops.length] as Operation) : f.pick(ops);
    const req = requestFor(f, o, h.token);
    const before = h.errors.length;
    const res = await fetch(h.api.url + req.url, { method: req.method, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}) }).catch((e: Error) => {
      throw new Error(`${req.method} ${req.url} failed: ${String((e as { cause?: unknown }).cause ?? e)}`);
    });
    const text = isEventStream(res) ? await res.body?.cancel().then(() => '') ?? '' : await res.text();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status === 401 && req.headers.authorization === `Bearer ${h.token}`) await h.renewToken();
    if (res.status >= 500) failures.push({ request: req, status: res.status, body: text.slice(0, 300), ...(h.errors.length > before ? { error: h.errors.slice(before).join('').slice(0, 800) } : {}) });
    else if (res.status < 300 && (res.headers.get('content-type') ?? '').includes('json')) {
      try {
        const body: unknown = JSON.parse(text);
        harvestIds(body, f.ids);
        const own = f.idsBySurface.get(surfaceOf(o.path)) ?? [];
        harvestOwnIds(body, own);
        f.idsBySurface.set(surfaceOf(o.path), own);
      } catch { /* not JSON after all */ }
    }
  }
  return failures;
}

/** The seed from YZ_FUZZ_SEED (to replay a failure) or the file's own. */
export function seedOf(fallback: number): number {
  return process.env.YZ_FUZZ_SEED ? Number(process.env.YZ_FUZZ_SEED) : fallback;
}

/**
 * One part of the 10,000 fuzzed requests (2,500, its own seed and ava process, so the four parts run side by
 * side): no answer may be a 5xx. Replay a failure with YZ_FUZZ_SEED=<seed>.
 */
export function fuzzPart(part: number): void {
  const seed = seedOf(part * 10_000 + 4_000 + part);
  test('2,500 fuzzed requests over every path and method get no 5xx (seed ' + String(seed) + ')', async (t) => {
    t.timeout(600_000); // seeding the demo and 2,500 requests: ~1 minute alone, several on a loaded machine
    const h = await fuzzHarness();
    try {
      const statuses = new Map<number, number>();
      const failures = await fuzz(h, seed, 2_500, statuses);
      t.log('statuses', JSON.stringify([...statuses].sort((a, b) => a[0] - b[0])));
      t.deepEqual(failures, [], `seed ${seed}: replay with YZ_FUZZ_SEED=${seed}`);
      t.true((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0) > 100, 'enough requests reach a handler and succeed');
    } finally {
      await h.close();
    }
  });
}
