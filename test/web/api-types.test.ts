// The console's typed API client is generated from the routes; a route added or changed without
// regenerating (npm run api:types) fails here.
import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { API_TYPES_FILE, generateApiTypes } from '../support/api-types.js';

test('the console API types are current with the OpenAPI document', async (t) => {
  const generated = await generateApiTypes();
  if (process.env.UPDATE_API_TYPES === '1') writeFileSync(API_TYPES_FILE, generated);
  const committed = readFileSync(API_TYPES_FILE, 'utf8');
  t.true(generated.includes('"/api/v1/auth/session"'), 'the session routes are in the document');
  t.is(committed, generated, 'web/src/api/schema.d.ts is stale: run npm run api:types');
});
