import { readFileSync, writeFileSync } from 'node:fs';
import test from 'ava';
import SwaggerParser from '@apidevtools/swagger-parser';
import { testCrm } from '../support/crm.js';
import { serve, type TestServer } from '../support/http.js';
import { createCrm, type Crm } from '../../adapters/composition/create-crm.js';
import { buildOpenApiOf } from '../../http/app.js';
import { builtInPlugins } from '../../plugins/index.js';
import { apiBreaks, stableJson } from '../support/openapi-compat.js';

let crm: Crm;
let api: TestServer;
test.before(async () => {
  crm = await testCrm('pglite');
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

test('the OpenAPI 3.1 document is valid for a standard validator and lists every route', async (t) => {
  const r = await api.call('GET', '/api/v1/openapi.json');
  t.is(r.status, 200);
  t.is(r.body.openapi, '3.1.0');
  const doc = await SwaggerParser.validate(structuredClone(r.body));
  t.truthy(doc);
  t.truthy(r.body.paths['/api/v1/auth/login'].post.requestBody);
  t.deepEqual(r.body.paths['/api/v1/auth/login'].post.security, []);
  t.truthy(r.body.paths['/api/v1/users/{id}'].patch);
});

test('the API reference page is served locally with its assets', async (t) => {
  const page = await api.call('GET', '/docs');
  t.is(page.status, 200);
  t.regex(page.body, /swagger-ui-bundle\.js/);
  t.notRegex(page.body, /https?:\/\//);
  const js = await api.call('GET', '/docs/assets/swagger-ui-bundle.js');
  t.is(js.status, 200);
  t.true(String(js.body).length > 100000);
});

// The HTTP API only grows. test/http/openapi-baseline.json is the document as released (with the built-in
// plugins); every path, method, parameter, body and response in it must still work the same way. When an
// addition lands, refresh the baseline on purpose and commit it with the change:
//   UPDATE_OPENAPI_BASELINE=1 npx ava test/http/openapi.test.ts
const BASELINE = 'test/http/openapi-baseline.json';

test('the OpenAPI document differs from the released baseline only by additions', async (t) => {
  const current = await openApiWithBuiltInPlugins();
  if (process.env.UPDATE_OPENAPI_BASELINE === '1') writeFileSync(BASELINE, stableJson(current));
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, unknown>;
  t.true(Object.keys(baseline.paths as object).length > 100, 'the baseline lists the routes');
  t.deepEqual(apiBreaks(baseline, current), [], `breaking changes against ${BASELINE}`);
});

async function openApiWithBuiltInPlugins(): Promise<Record<string, unknown>> {
  const withPlugins = await createCrm({ database: { memory: true }, migrate: false, plugins: builtInPlugins(), config: { secret: 'openapi-baseline' } });
  try {
    return buildOpenApiOf(withPlugins);
  } finally {
    await withPlugins.close();
  }
}
