import test from 'ava';
import SwaggerParser from '@apidevtools/swagger-parser';
import { testCrm } from '../support/crm.js';
import { serve, type TestServer } from '../support/http.js';
import type { Crm } from '../../adapters/composition/create-crm.js';

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
