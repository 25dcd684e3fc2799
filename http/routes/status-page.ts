// The customer status page (/status): a small static page and its script and styles, shipped in
// assets/status and served with a policy that lets it run only its own script and call only this server.
import Router from '@koa/router';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/status': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/status/status.js': { file: 'status.js', type: 'text/javascript; charset=utf-8' },
  '/status/status.css': { file: 'status.css', type: 'text/css; charset=utf-8' },
};

export const STATUS_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** assets/status in the package root, found from here in the sources and in dist/. */
function assetsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'assets', 'status');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('the status page assets/status/index.html is missing from the package');
}

export function statusPageRouter(): Router {
  const dir = assetsDir();
  const bodies = new Map(Object.entries(FILES).map(([path, f]) => [path, { body: readFileSync(join(dir, f.file), 'utf8'), type: f.type }]));
  const r = new Router();
  for (const [path, asset] of bodies) {
    r.get(path, (ctx) => {
      ctx.type = asset.type;
      ctx.set('Content-Security-Policy', STATUS_PAGE_CSP);
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = asset.body;
    });
  }
  return r;
}
