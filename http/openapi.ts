// The OpenAPI 3.1 document, generated from the same route definitions and JSON Schemas that validate
// requests, so the two cannot drift apart.
import type { JsonSchema, RouteDef } from '../adapters/composition/route-def.js';

export interface RouteGroup {
  readonly prefix: string;
  readonly routes: readonly RouteDef[];
}

const problem = {
  description: 'Error (application/problem+json) with the domain code',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

function parameters(where: 'path' | 'query', schema: JsonSchema | undefined): unknown[] {
  const props = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => ({ name, in: where, required: where === 'path' || required.has(name), schema: s, ...(s.description ? { description: s.description } : {}) }));
}

export function buildOpenApi(groups: readonly RouteGroup[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const g of groups) {
    for (const r of g.routes) {
      const path = (g.prefix + r.path).replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const s = r.schemas ?? {};
      const op: Record<string, unknown> = {
        operationId: `${r.method}_${path.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}`,
        summary: r.summary,
        ...(r.description ? { description: r.description } : {}),
        tags: [...r.tags],
        parameters: [...parameters('path', s.params), ...parameters('query', s.query)],
        responses: {
          [String(r.successStatus ?? 200)]: {
            description: 'OK',
            ...(s.response ? { content: { 'application/json': { schema: s.response } } } : {}),
          },
          default: problem,
        },
        ...(r.auth === 'none' ? { security: [] } : {}),
      };
      if (s.body) op.requestBody = { required: true, content: { 'application/json': { schema: s.body } } };
      if (r.rawBody) {
        op.requestBody = {
          required: true,
          content: Object.fromEntries((r.rawBody.contentTypes ?? ['application/octet-stream']).map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
        };
      }
      paths[path] = { ...(paths[path] ?? {}), [r.method]: op };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'yunzhou 云舟 CRM API',
      version: '1',
      description: 'CRM for loan-brokerage firms (助贷机构). Errors are application/problem+json with a stable `code`; messages follow Accept-Language (zh or en).',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/v1/auth/login' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code', 'detail'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' }, detail: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  };
}
