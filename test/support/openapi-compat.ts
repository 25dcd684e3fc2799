// Is the HTTP API still what clients were promised? Compares an OpenAPI document with an earlier one and lists
// every change a client of the earlier one could trip over; additions (paths, methods, optional parameters,
// optional body properties, wider types, response properties) are fine. Requests may only accept more, and
// responses may only say more.

type Schema = Record<string, any>;
type Doc = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** The breaking changes from `before` to `after`, one readable line each; empty when `after` only adds. */
export function apiBreaks(before: Doc, after: Doc): string[] {
  const breaks: string[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(before.paths ?? {})) {
    for (const method of METHODS.filter((m) => item[m] !== undefined)) {
      const where = `${method.toUpperCase()} ${path}`;
      const now = after.paths?.[path]?.[method];
      if (now === undefined) breaks.push(`${where}: removed`);
      else breaks.push(...operationBreaks(item[method], now, before, after).map((b) => `${where}: ${b}`));
    }
  }
  return breaks;
}

function operationBreaks(before: Schema, after: Schema, beforeDoc: Doc, afterDoc: Doc): string[] {
  const breaks: string[] = [];
  const key = (p: Schema): string => `${p.in} parameter ${p.name}`;
  const afterParams = new Map<string, Schema>((after.parameters ?? []).map((p: Schema) => [key(p), p]));
  const beforeKeys = new Set((before.parameters ?? []).map(key));
  for (const p of before.parameters ?? []) {
    const now = afterParams.get(key(p));
    if (!now) breaks.push(`${key(p)} removed`);
    else {
      if (now.required && !p.required) breaks.push(`${key(p)} now required`);
      breaks.push(...acceptsAtLeast(p.schema, now.schema, key(p), beforeDoc, afterDoc));
    }
  }
  for (const [k, p] of afterParams) if (p.required && !beforeKeys.has(k)) breaks.push(`new required ${k}`);

  const bodyBefore = before.requestBody?.content ?? {};
  const bodyAfter = after.requestBody?.content ?? {};
  if (after.requestBody?.required && !before.requestBody?.required) breaks.push('request body now required');
  for (const [type, media] of Object.entries<Schema>(bodyBefore)) {
    if (!bodyAfter[type]) breaks.push(`request body ${type} no longer accepted`);
    else breaks.push(...acceptsAtLeast(media.schema, bodyAfter[type].schema, 'body', beforeDoc, afterDoc));
  }

  for (const [status, response] of Object.entries<Schema>(before.responses ?? {})) {
    const now = after.responses?.[status];
    if (!now) {
      breaks.push(`response ${status} removed`);
      continue;
    }
    for (const [type, media] of Object.entries<Schema>(response.content ?? {})) {
      const nowMedia = now.content?.[type];
      if (!nowMedia) breaks.push(`response ${status} ${type} removed`);
      else breaks.push(...saysAtLeast(media.schema, nowMedia.schema, `response ${status}`, beforeDoc, afterDoc));
    }
  }
  return breaks;
}

/** Every value the `before` schema accepted, `after` still accepts (as far as these keywords tell). */
function acceptsAtLeast(before: Schema | undefined, after: Schema | undefined, at: string, beforeDoc: Doc, afterDoc: Doc): string[] {
  const b = resolve(before, beforeDoc);
  const a = resolve(after, afterDoc);
  if (a === undefined || Object.keys(constraintsOf(a)).length === 0) return []; // accepts anything
  if (b === undefined) return [`${at}: now constrained`];
  const afterAlts = alternatives(a);
  if (afterAlts.length > 1 || alternatives(b).length > 1) {
    // Each shape accepted before must still be accepted by one of the shapes now.
    return alternatives(b).flatMap((alt, i) => {
      const tries = afterAlts.map((x) => acceptsAtLeast(alt, x, at, beforeDoc, afterDoc));
      return tries.some((t) => t.length === 0) ? [] : [`${at}: alternative ${i + 1} no longer accepted (${tries[0]?.join('; ')})`];
    });
  }
  const breaks: string[] = [];
  const typesBefore = typesOf(b);
  const typesAfter = typesOf(a);
  if (typesAfter) {
    const lost = (typesBefore ?? ['any']).filter((t) => !typesAfter.includes(t) && !(t === 'integer' && typesAfter.includes('number')));
    if (lost.length > 0) breaks.push(`${at}: type ${lost.join(', ')} no longer accepted`);
  }
  if (a.enum) {
    const lost = b.enum ? b.enum.filter((v: unknown) => !a.enum.some((w: unknown) => same(v, w))) : ['any value'];
    if (lost.length > 0) breaks.push(`${at}: enum narrowed (${lost.map((v: unknown) => JSON.stringify(v)).join(', ')} no longer accepted)`);
  }
  if ('const' in a && !('const' in b && same(a.const, b.const))) breaks.push(`${at}: const changed`);
  for (const k of ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const) {
    if (a[k] !== undefined && (b[k] === undefined || a[k] < b[k])) breaks.push(`${at}: ${k} lowered to ${a[k]}`);
  }
  for (const k of ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const) {
    if (a[k] !== undefined && (b[k] === undefined || a[k] > b[k])) breaks.push(`${at}: ${k} raised to ${a[k]}`);
  }
  for (const k of ['pattern', 'format', 'multipleOf'] as const) {
    if (a[k] !== undefined && a[k] !== b[k]) breaks.push(`${at}: ${k} changed to ${JSON.stringify(a[k])}`);
  }
  if (a.uniqueItems === true && b.uniqueItems !== true) breaks.push(`${at}: items now unique`);
  const beforeRequired = new Set<string>(b.required ?? []);
  for (const name of a.required ?? []) if (!beforeRequired.has(name)) breaks.push(`${at}: ${name} now required`);
  const propsBefore: Record<string, Schema> = b.properties ?? {};
  const propsAfter: Record<string, Schema> = a.properties ?? {};
  for (const [name, s] of Object.entries(propsBefore)) {
    if (propsAfter[name]) breaks.push(...acceptsAtLeast(s, propsAfter[name], `${at}.${name}`, beforeDoc, afterDoc));
    else breaks.push(`${at}.${name}: removed`);
  }
  if (a.additionalProperties === false && b.additionalProperties !== false) breaks.push(`${at}: no longer accepts other properties`);
  if (b.items || a.items) breaks.push(...acceptsAtLeast(b.items, a.items, `${at}[]`, beforeDoc, afterDoc));
  return breaks;
}

/** Every property the `before` response promised, `after` still promises. */
function saysAtLeast(before: Schema | undefined, after: Schema | undefined, at: string, beforeDoc: Doc, afterDoc: Doc): string[] {
  const b = resolve(before, beforeDoc);
  const a = resolve(after, afterDoc);
  if (b === undefined) return [];
  if (a === undefined) return [`${at}: no longer described`];
  const breaks: string[] = [];
  const propsBefore: Record<string, Schema> = b.properties ?? {};
  const propsAfter: Record<string, Schema> = a.properties ?? {};
  const requiredAfter = new Set<string>(a.required ?? []);
  for (const [name, s] of Object.entries(propsBefore)) {
    if (!propsAfter[name]) breaks.push(`${at}.${name}: removed`);
    else {
      if ((b.required ?? []).includes(name) && !requiredAfter.has(name)) breaks.push(`${at}.${name}: no longer always present`);
      breaks.push(...saysAtLeast(s, propsAfter[name], `${at}.${name}`, beforeDoc, afterDoc));
    }
  }
  if (b.items) breaks.push(...saysAtLeast(b.items, a.items, `${at}[]`, beforeDoc, afterDoc));
  return breaks;
}

/** The schema a `$ref` (to the document's components) points at. */
function resolve(s: Schema | undefined, doc: Doc): Schema | undefined {
  let out = s;
  for (let hops = 0; typeof out?.$ref === 'string' && hops < 10; hops++) {
    out = (out.$ref as string).replace(/^#\//, '').split('/').reduce<any>((node, part) => node?.[part], doc);
  }
  return out;
}

function alternatives(s: Schema): Schema[] {
  return s.anyOf ?? s.oneOf ?? [s];
}

function typesOf(s: Schema): string[] | undefined {
  if (s.type === undefined) return undefined;
  return Array.isArray(s.type) ? s.type : [s.type];
}

// What limits the values a schema accepts, beyond words for people.
function constraintsOf(s: Schema): Schema {
  const { description: _d, title: _t, examples: _e, example: _x, default: _f, deprecated: _p, ...rest } = s;
  return rest;
}

function same(x: unknown, y: unknown): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}

/** The document as pretty JSON with every object's keys sorted, so that a saved copy diffs line by line. */
export function stableJson(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
    return v;
  };
  return `${JSON.stringify(sorted(value), null, 2)}\n`;
}
