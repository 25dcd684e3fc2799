// The plumbing the vendor fakes share: an HTTP server on 127.0.0.1 at a free port, the request's body
// read whole, JSON answers, and a clock the test moves (token expiry never reads the wall clock).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Clock {
  now(): Date;
}

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface FakeAnswer {
  readonly status?: number;
  readonly json: unknown;
}

export abstract class FakeVendor {
  url = '';
  /** Every request as it arrived, for tests that assert what was (not) called. */
  readonly requests: FakeRequest[] = [];
  private server: Server | null = null;
  private readonly injected = new Map<string, FakeAnswer[]>();
  private readonly holding = new Set<string>();
  private readonly held: { req: IncomingMessage; res: ServerResponse; run: () => void }[] = [];

  constructor(protected readonly clock: Clock) {}

  protected abstract handle(req: FakeRequest): FakeAnswer;

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** The next request to `path` gets `answer` instead of the fake's own (a vendor's rarer replies). */
  answerNext(path: string, answer: FakeAnswer): void {
    this.injected.set(path, [...(this.injected.get(path) ?? []), answer]);
  }

  /**
   * From now on requests to `path` wait, unanswered and not yet handled (the vendor has not acted on them),
   * until release(); one whose caller goes away meanwhile (a killed process) is dropped unhandled.
   */
  hold(path: string): void {
    this.holding.add(path);
  }

  /** How many requests are waiting in hold(). */
  heldCount(): number {
    return this.held.filter((h) => !h.res.destroyed && !h.req.socket.destroyed).length;
  }

  /** Stops holding and handles the waiting requests whose callers are still there. */
  release(): void {
    this.holding.clear();
    for (const h of this.held.splice(0)) if (!h.res.destroyed && !h.req.socket.destroyed) h.run();
  }

  /** How many requests reached `path`. */
  calls(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }

  protected nowMs(): number {
    return this.clock.now().getTime();
  }

  private serve(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (this.holding.has(url.pathname)) {
        this.held.push({ req, res, run: () => this.answer(req, res, chunks) });
        return;
      }
      this.answer(req, res, chunks);
    });
  }

  private answer(req: IncomingMessage, res: ServerResponse, chunks: Buffer[]): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const fakeReq: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    this.requests.push(fakeReq);
    let answer: FakeAnswer;
    try {
      answer = this.injected.get(fakeReq.path)?.shift() ?? this.handle(fakeReq);
    } catch (e) {
      answer = { status: 500, json: { error: String(e) } };
    }
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer.json));
  }
}

/** The body as JSON, or null when it is not an object. */
export function jsonBody(req: FakeRequest): Record<string, unknown> | null {
  try {
    const v = JSON.parse(req.body);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

/** Opaque ids for tokens, codes and messages: a prefix and a counter, so tests read them easily. */
export class Ids {
  private n = 0;
  next(prefix: string): string {
    return `${prefix}${++this.n}`;
  }
}

export function byteLength(s: unknown): number {
  return typeof s === 'string' ? Buffer.byteLength(s, 'utf8') : 0;
}

/** A clock the test moves by hand; shared by a client and its fake so token expiry is decided by the test. */
export class ManualClock implements Clock {
  constructor(private t = Date.parse('2026-12-01T01:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
