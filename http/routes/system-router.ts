// Liveness, readiness, the OpenAPI document and its reference page (swagger-ui, served from the package,
// no CDN).
import Router from '@koa/router';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Crm } from '../../adapters/composition/create-crm.js';

const require = createRequire(import.meta.url);
// The folder only: requiring the package itself would load the whole bundle at start.
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

const DOCS_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>yunzhou API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/docs/init.js"></script></body></html>`;
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#ui', presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });`;
const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'";

export function systemRouter(crm: Crm, openapi: Record<string, unknown>, isReady: () => boolean): Router {
  const r = new Router();
  r.get('/health', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  r.get('/ready', async (ctx) => {
    let db = false;
    try {
      await crm.database.knex.raw('select 1');
      db = true;
    } catch {
      db = false;
    }
    const ready = db && isReady();
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ready' : 'not_ready', database: db ? 'ok' : 'down', accepting: isReady() };
  });
  r.get('/api/v1/openapi.json', (ctx) => {
    ctx.body = openapi;
  });
  r.get('/docs', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Content-Security-Policy', DOCS_CSP);
    ctx.body = DOCS_PAGE;
  });
  r.get('/docs/init.js', (ctx) => {
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.body = DOCS_INIT;
  });
  r.get('/docs/assets/:file', (ctx) => {
    const type = ASSETS[ctx.params.file as string];
    if (!type) return;
    ctx.type = type;
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = createReadStream(join(swaggerDir, ctx.params.file as string));
  });
  return r;
}
