// Serves the staff console (web/, built into dist/web): hashed assets cached for ever, every other path
// under the console's base answered with index.html so that client routes survive a reload. The page gets
// its base path and the API's address written into it, so one build serves at '/' or under a host's prefix.
import type Koa from 'koa';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ConsoleOptions {
  /** The URL path the console is served under (default '/'), e.g. '/crm'. */
  readonly basePath?: string;
  /** The public URL path of the API as the browser reaches it (default '/api/v1'). */
  readonly apiBase?: string;
  /** The built console's folder (default: dist/web beside this file's folder). */
  readonly dir?: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.json': 'application/json',
  '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
};

/** Scripts only from this origin and no inline script; Vue sets styles through the CSSOM, which CSP allows. */
export const CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export function defaultConsoleDir(): string {
  return fileURLToPath(new URL('../web/', import.meta.url));
}

function normaliseBase(path: string | undefined): string {
  const p = `/${(path ?? '/').replace(/^\/+|\/+$/g, '')}`;
  return p === '/' ? '/' : `${p}/`;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The prefix a host mounted the app under, without its trailing slash ('' at the root). */
export function mountPathOf(ctx: Koa.Context): string {
  const p = (ctx as Koa.Context & { mountPath?: unknown }).mountPath;
  return typeof p === 'string' ? p.replace(/\/+$/, '') : '';
}

/** The console as Koa middleware, or null when it has not been built (the API works without it). */
export function consoleMiddleware(options: ConsoleOptions = {}): Koa.Middleware | null {
  const dir = options.dir ?? defaultConsoleDir();
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const base = normaliseBase(options.basePath);
  const page = readFileSync(indexFile, 'utf8');
  // Under a host's prefix (koa-mount's ctx.mountPath, e.g. '/crm'), the browser's addresses carry it.
  const pages = new Map<string, string>();
  const indexFor = (mountPath: string): string => {
    let index = pages.get(mountPath);
    if (index === undefined) {
      index = page
        .replace('<base href="/" />', `<base href="${escapeAttr(mountPath + base)}" />`)
        .replace('content="/api/v1"', `content="${escapeAttr(options.apiBase ?? `${mountPath}/api/v1`)}"`);
      pages.set(mountPath, index);
    }
    return index;
  };
  const root = normalize(dir + sep);

  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const path = ctx.path;
    if (!(path === base.slice(0, -1) || path.startsWith(base)) || path.startsWith('/api/')) return next();
    const rest = path === base.slice(0, -1) ? '' : path.slice(base.length);
    if (rest.startsWith('assets/')) {
      const file = normalize(join(dir, decodeURIComponent(rest)));
      if (!file.startsWith(root) || !existsSync(file)) return next();
      ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
      ctx.set('Cache-Control', 'public, max-age=31536000, immutable'); // names carry a content hash
      ctx.body = await readFile(file);
      return;
    }
    // A file at the top of the build (favicon …), else a client route: the page itself.
    if (rest !== '' && extname(rest) !== '' && extname(rest) !== '.html') return next();
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-cache');
    ctx.set('Content-Security-Policy', CONSOLE_CSP);
    ctx.body = indexFor(mountPathOf(ctx));
  };
}
