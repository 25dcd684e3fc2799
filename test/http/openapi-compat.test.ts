// The API compatibility checker (test/support/openapi-compat.ts): it finds what would break a client, and
// lets additions through.
import test from 'ava';
import fc from 'fast-check';
import { apiBreaks, stableJson } from '../support/openapi-compat.js';

type Doc = Record<string, any>;

/** A small API: list inquiries by stage, create one, read one. */
function anApi(): Doc {
  return {
    openapi: '3.1.0',
    paths: {
      '/api/v1/inquiries': {
        get: {
          parameters: [
            { name: 'stage', in: 'query', required: false, schema: { type: 'string', enum: ['new', 'contacted', 'won'] } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } },
          ],
          responses: {
            200: { description: 'OK', content: { 'application/json': { schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, name: { type: 'string' } } } } } } } } },
            default: { description: 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
          },
        },
        post: {
          parameters: [],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', maxLength: 50 }, mobile: { anyOf: [{ type: 'string', pattern: '^1\\d{10}$' }, { type: 'null' }] } } } } },
          },
          responses: { 201: { description: 'OK' }, default: { description: 'Error' } },
        },
      },
      '/api/v1/inquiries/{id}': {
        get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }], responses: { 200: { description: 'OK' } } },
      },
    },
    components: { schemas: { Problem: { type: 'object', required: ['code'], properties: { code: { type: 'string' }, detail: { type: 'string' } } } } },
  };
}

/** A copy of the API changed by `edit`. */
function changed(edit: (doc: Doc) => void): Doc {
  const doc = structuredClone(anApi());
  edit(doc);
  return doc;
}

test('an unchanged API has no breaking change', (t) => {
  t.deepEqual(apiBreaks(anApi(), anApi()), []);
});

test('a removed path or method is a break', (t) => {
  t.deepEqual(apiBreaks(anApi(), changed((d) => delete d.paths['/api/v1/inquiries/{id}'])), ['GET /api/v1/inquiries/{id}: removed']);
  t.deepEqual(apiBreaks(anApi(), changed((d) => delete d.paths['/api/v1/inquiries'].post)), ['POST /api/v1/inquiries: removed']);
});

test('a new required parameter, or an optional one made required, is a break', (t) => {
  const added = changed((d) => d.paths['/api/v1/inquiries'].get.parameters.push({ name: 'tenant', in: 'query', required: true, schema: { type: 'string' } }));
  t.deepEqual(apiBreaks(anApi(), added), ['GET /api/v1/inquiries: new required query parameter tenant']);
  const required = changed((d) => (d.paths['/api/v1/inquiries'].get.parameters[0].required = true));
  t.deepEqual(apiBreaks(anApi(), required), ['GET /api/v1/inquiries: query parameter stage now required']);
});

test('a removed response property is a break, at any depth', (t) => {
  const items = (d: Doc) => d.paths['/api/v1/inquiries'].get.responses[200].content['application/json'].schema.properties.items.items;
  t.deepEqual(apiBreaks(anApi(), changed((d) => delete items(d).properties.name)), ['GET /api/v1/inquiries: response 200.items[].name: removed']);
  t.deepEqual(apiBreaks(anApi(), changed((d) => delete d.components.schemas.Problem.properties.detail)), ['GET /api/v1/inquiries: response default.detail: removed'], 'followed through $ref');
  t.deepEqual(apiBreaks(anApi(), changed((d) => (items(d).required = []))), ['GET /api/v1/inquiries: response 200.items[].id: no longer always present']);
  t.deepEqual(apiBreaks(anApi(), changed((d) => delete d.paths['/api/v1/inquiries'].post.responses[201])), ['POST /api/v1/inquiries: response 201 removed']);
});

test('a narrowed enum, type or bound is a break', (t) => {
  const stage = (d: Doc) => d.paths['/api/v1/inquiries'].get.parameters[0].schema;
  t.deepEqual(apiBreaks(anApi(), changed((d) => (stage(d).enum = ['new', 'won']))), ['GET /api/v1/inquiries: query parameter stage: enum narrowed ("contacted" no longer accepted)']);
  const limit = (d: Doc) => d.paths['/api/v1/inquiries'].get.parameters[1].schema;
  t.deepEqual(apiBreaks(anApi(), changed((d) => (limit(d).maximum = 50))), ['GET /api/v1/inquiries: query parameter limit: maximum lowered to 50']);
  t.deepEqual(apiBreaks(anApi(), changed((d) => (limit(d).type = 'string'))), ['GET /api/v1/inquiries: query parameter limit: type integer no longer accepted']);
});

test('a request body that accepts less is a break: a newly required or removed property, a nullable made strict', (t) => {
  const body = (d: Doc) => d.paths['/api/v1/inquiries'].post.requestBody.content['application/json'].schema;
  t.deepEqual(apiBreaks(anApi(), changed((d) => body(d).required.push('mobile'))), ['POST /api/v1/inquiries: body: mobile now required']);
  t.deepEqual(apiBreaks(anApi(), changed((d) => delete body(d).properties.mobile)), ['POST /api/v1/inquiries: body.mobile: removed']);
  const strict = apiBreaks(anApi(), changed((d) => (body(d).properties.mobile = { type: 'string', pattern: '^1\\d{10}$' })));
  t.is(strict.length, 1);
  t.regex(strict[0] ?? '', /^POST \/api\/v1\/inquiries: body\.mobile: alternative 2 no longer accepted \(body\.mobile: type null no longer accepted/);
  t.deepEqual(apiBreaks(anApi(), changed((d) => (body(d).properties.name.maxLength = 20))), ['POST /api/v1/inquiries: body.name: maxLength lowered to 20']);
});

test('additions are not breaks: paths, methods, optional parameters and body properties, wider enums and types, response properties', (t) => {
  const grown = changed((d) => {
    d.paths['/api/v1/inquiries/{id}'].delete = { parameters: [], responses: { 204: { description: 'OK' } } };
    d.paths['/api/v1/orders'] = { get: { parameters: [], responses: { 200: { description: 'OK' } } } };
    const list = d.paths['/api/v1/inquiries'].get;
    list.parameters.push({ name: 'q', in: 'query', required: false, schema: { type: 'string' } });
    list.parameters[0].schema.enum.push('lost');
    list.parameters[1].schema.maximum = 500;
    list.responses[200].content['application/json'].schema.properties.total = { type: 'integer' };
    const body = d.paths['/api/v1/inquiries'].post.requestBody.content['application/json'].schema;
    body.properties.source = { type: 'string' };
    body.properties.name = { anyOf: [{ type: 'string', maxLength: 100 }, { type: 'null' }] };
    d.paths['/api/v1/inquiries'].post.responses[409] = { description: 'Conflict' };
  });
  t.deepEqual(apiBreaks(anApi(), grown), []);
  t.not(apiBreaks(grown, anApi()).length, 0, 'and taking them away again is');
});

test('property: an API is compatible with itself and with itself grown by any new optional query parameter', (t) => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('string', 'integer', 'boolean'), (name, type) => {
      const grown = changed((d) => d.paths['/api/v1/inquiries'].get.parameters.push({ name: `x-${name}`, in: 'query', required: false, schema: { type } }));
      return apiBreaks(grown, grown).length === 0 && apiBreaks(anApi(), grown).length === 0;
    }),
  );
  t.pass();
});

test('the saved form sorts keys at every depth and ends with a newline', (t) => {
  t.is(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }), '{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
});
