// The layer rules of DESIGN.md, checked on the import graph of the sources: arrows point inward.
import test from 'ava';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARCHITECTURE_DOC, areaGraph, areaGraphSection, coreImports, deepImports, findCycle, importsOf, withAreaGraph } from '../support/area-graph.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if ((name.endsWith('.ts') && !name.endsWith('.d.ts')) || name.endsWith('.vue')) out.push(p);
    }
  };
  walk(join(root, dir));
  return out;
}

interface Edge { from: string; spec: string; target: string | null }

function imports(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  return specs.map((spec) => ({
    from: relative(root, file),
    spec,
    target: spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)) : null,
  }));
}

const FRAMEWORKS = /^(knex|knex-pglite|pg|koa|@koa\/.*|pdfkit|fontkit|inversify|reflect-metadata|ajv.*|pino|@electric-sql\/.*|swagger-ui-dist|exceljs)(\/.*)?$/;

test('core imports nothing outside core, and no framework', (t) => {
  const bad = sources('core').flatMap(imports).filter((e) => (e.target ? !e.target.startsWith('core/') : FRAMEWORKS.test(e.spec)));
  t.deepEqual(bad, []);
});

test('core uses Node built-ins only for pure computation', (t) => {
  const allowed = new Set(['node:buffer']);
  const bad = sources('core').flatMap(imports).filter((e) => e.spec.startsWith('node:') && !allowed.has(e.spec));
  t.deepEqual(bad, []);
});

test('adapters never import http or a plugin', (t) => {
  const bad = sources('adapters').flatMap(imports).filter((e) => e.target && (e.target.startsWith('http/') || e.target.startsWith('plugins/')));
  t.deepEqual(bad, []);
});

/** Value imports (an `import type` is erased): the specifiers a file loads at run time. */
function valueImports(file: string): Edge[] {
  const text = readFileSync(file, 'utf8').replace(/(?:^|\n)\s*(?:import|export)\s+type\s[^;]*?from\s+['"][^'"]+['"];?/g, '\n');
  return imports(file).filter((e) => text.includes(`'${e.spec}'`) || text.includes(`"${e.spec}"`));
}

test('route files are framework-free data: neither they nor what they load import Koa', (t) => {
  const routeFiles = sources('http/routes').filter((f) => f.endsWith('.routes.ts'));
  t.true(routeFiles.length > 10);
  const seen = new Set<string>();
  const bad: Edge[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const e of valueImports(file)) {
      if (!e.target) {
        if (/^(koa|@koa\/.*)(\/.*)?$/.test(e.spec)) bad.push(e);
      } else if (e.target.startsWith('http/')) {
        visit(join(root, e.target.replace(/\.js$/, '.ts')));
      }
    }
  };
  routeFiles.forEach(visit);
  t.deepEqual(bad, []);
});

test('nothing imports a plugin except the lists of built-in plugins', (t) => {
  const entryPoints = new Set(['http/cli/main.ts', 'index.ts']);
  const files = [...sources('core'), ...sources('adapters'), ...sources('http'), join(root, 'index.ts')];
  const bad = files.flatMap(imports).filter((e) => e.target?.startsWith('plugins/') && !entryPoints.has(e.from));
  t.deepEqual(bad, []);
});

/** Where a plugin's import may point: the SDK entry, an npm package or a file of its own folder. */
function pluginImportAllowed(e: Edge): boolean {
  if (e.target) {
    // The plugin's own folder, plugins/<name> (subfolders included), or plugins/ for the built-in list.
    const parts = e.from.split('/');
    const folder = parts.length > 2 ? parts.slice(0, 2).join('/') : 'plugins';
    return e.target.startsWith(`${folder}/`);
  }
  return e.spec === 'yunzhou/plugin' || !/^yunzhou(\/|$)/.test(e.spec);
}

test('plugins use only the SDK entry (yunzhou/plugin), npm packages and their own files', (t) => {
  const edges = sources('plugins').flatMap(imports);
  t.true(edges.some((e) => e.spec === 'yunzhou/plugin'), 'the checker sees the plugins\' SDK imports');
  t.deepEqual(edges.filter((e) => !pluginImportAllowed(e)), []);
});

test('the plugin rule catches a plugin reaching past the SDK', (t) => {
  const from = 'plugins/webhooks/index.ts';
  for (const [spec, target] of [['yunzhou', null], ['yunzhou/package.json', null], ['../../index.js', 'index.js'], ['../../plugin.js', 'plugin.js'], ['../import-export/index.js', 'plugins/import-export/index.js']] as const) {
    t.false(pluginImportAllowed({ from, spec, target }), spec);
  }
  for (const [spec, target] of [['yunzhou/plugin', null], ['knex', null], ['node:crypto', null], ['./store.js', 'plugins/webhooks/store.js']] as const) {
    t.true(pluginImportAllowed({ from, spec, target }), spec);
  }
  // A file in a plugin's subfolder may climb to its own plugin's folder, never to a sibling plugin.
  const nested = 'plugins/notify-channels/wecom/client.ts';
  t.true(pluginImportAllowed({ from: nested, spec: '../http.js', target: 'plugins/notify-channels/http.js' }));
  t.false(pluginImportAllowed({ from: nested, spec: '../../webhooks/index.js', target: 'plugins/webhooks/index.js' }));
});

test('the console reaches the server only through the HTTP API: it imports core (pure rules and types) and its own files', (t) => {
  const files = sources('web/src');
  t.true(files.some((f) => f.endsWith('.vue')), 'the checker reads .vue files too');
  const resolveAlias = (e: Edge): Edge => (e.spec.startsWith('@core/') ? { ...e, target: `core/${e.spec.slice('@core/'.length)}` } : e);
  const bad = files.flatMap(imports).map(resolveAlias).filter((e) => {
    if (e.target) return !(e.target.startsWith('web/') || e.target.startsWith('core/'));
    return FRAMEWORKS.test(e.spec);
  });
  t.deepEqual(bad, []);
});

test('the checker sees a violation when there is one', (t) => {
  // Guards the guard: the regexes must catch the import forms the code base uses.
  const fake = "import { x } from '../../adapters/knex/database.js';\nimport type { Knex } from 'knex';\nexport { y } from './y.js';";
  const specs = [...fake.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
  t.deepEqual(specs, ['../../adapters/knex/database.js', 'knex', './y.js']);
});

// Areas as modules: another area only through its face, and no cycle between areas (docs/architecture.md).
test('a core file imports another area only through its face (core/<area>/index.ts)', (t) => {
  const deep = deepImports(coreImports()).map((i) => `${i.from} imports ${i.spec}`);
  t.deepEqual(deep, [], 'import the area\'s face instead: ../<area>/index.js');
});

test('the areas import each other without a cycle', (t) => {
  const graph = areaGraph(coreImports());
  t.true(graph.size >= 19, `every core area is in the graph (${[...graph.keys()].join(', ')})`);
  const cycle = findCycle(graph);
  t.is(cycle, null, cycle ? `the areas import each other in a cycle: ${cycle.join(' → ')}` : '');
});

test('the area checks see a deep import and a cycle when there is one', (t) => {
  // Guards the guard: the same functions on made-up files.
  const imports = [
    ...importsOf('core/approvals/x.ts', "import { a } from '../orders/order-records.js';\nimport type { B } from '../shared/index.js';\nimport { c } from './c.js';"),
    ...importsOf('core/orders/y.ts', "import {\n  d,\n} from '../approvals/index.js';\nexport { e } from '../shared/ports.js';"),
    ...importsOf('core/shared/z.ts', "import { f } from './f.js';"),
  ];
  t.deepEqual(deepImports(imports).map((i) => `${i.from} → ${i.target}`), ['core/approvals/x.ts → core/orders/order-records', 'core/orders/y.ts → core/shared/ports']);
  const graph = areaGraph(imports);
  t.deepEqual([...graph], [['approvals', ['orders', 'shared']], ['orders', ['approvals', 'shared']], ['shared', []]]);
  t.deepEqual(findCycle(graph), ['approvals', 'orders', 'approvals']);
  t.is(findCycle(new Map([['approvals', ['orders']], ['orders', ['shared']], ['shared', []]])), null);
});

test('docs/architecture.md draws the area graph of the code', (t) => {
  const doc = readFileSync(join(root, ARCHITECTURE_DOC), 'utf8');
  const expected = withAreaGraph(doc, areaGraphSection(areaGraph(coreImports())));
  t.true(doc === expected, `${ARCHITECTURE_DOC} shows another area graph than the code's: run \`npm run docs:areas\``);
});
