// The console's API types (web/src/api/schema.d.ts) are generated from the OpenAPI document the server
// serves, with the built-in plugins loaded: `npm run api:types` writes them, a test fails when they are stale.
import openapiTS, { astToString } from 'openapi-typescript';
import { createCrm } from '../../adapters/composition/create-crm.js';
import { buildOpenApiOf } from '../../http/app.js';
import { builtInPlugins } from '../../plugins/index.js';

export const API_TYPES_FILE = 'web/src/api/schema.d.ts';
const HEADER = '// Generated from the OpenAPI document by `npm run api:types`; do not edit.\n';

export async function generateApiTypes(): Promise<string> {
  const crm = await createCrm({ database: { memory: true }, migrate: false, plugins: builtInPlugins(), config: { secret: 'api-types' } });
  try {
    const doc = buildOpenApiOf(crm);
    return HEADER + astToString(await openapiTS(doc as never, { alphabetize: true }));
  } finally {
    await crm.close();
  }
}
