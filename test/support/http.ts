// The real Koa app on an ephemeral port, and a small client for it.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { createHttpApp, type HttpOptions } from '../../http/app.js';
import { createLogger } from '../../http/logger.js';
import type Koa from 'koa';

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface TestServer {
  readonly url: string;
  readonly server: Server;
  call<T = any>(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: Buffer | string }): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export async function serve(crm: Crm, options: HttpOptions = {}): Promise<TestServer> {
  return serveApp(createHttpApp(crm, { logger: createLogger('silent'), ...options }));
}

/** Any Koa app (a host's, with yunzhou mounted inside it) on an ephemeral port. */
export async function serveApp(app: Koa): Promise<TestServer> {
  const server = createServer(app.callback());
  // Longer than the client's keep-alive, so that fetch never reuses a connection the server is closing
  // (on a loaded machine that race showed as 'fetch failed').
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | Buffer | undefined;
      if (opts.raw !== undefined) body = opts.raw;
      else if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await res.text();
      let parsed: unknown = text;
      if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
      return { status: res.status, headers: res.headers, body: parsed as any };
    },
    close: () => new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); }),
  };
}
