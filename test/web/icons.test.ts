// Every icon the console names exists in Vant's icon font: a missing name renders nothing, silently (the
// 还款计算 tile once showed a label with no picture).
import test from 'ava';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const css = readFileSync(require.resolve('vant/lib/icon/index.css'), 'utf8');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|vue)$/.test(e.name) ? [join(dir, e.name)] : []));
}

test('every icon named in web/src is one of Vant’s', (t) => {
  const named = new Set<string>();
  for (const f of files(join(process.cwd(), 'web', 'src'))) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\bicon: '([a-z-]+)'|\sicon="([a-z-]+)"|<van-icon[^>]*\sname="([a-z-]+)"/g)) named.add((m[1] ?? m[2] ?? m[3]) as string);
  }
  t.true(named.size >= 10, `found ${named.size} icon names`);
  t.deepEqual([...named].filter((n) => !css.includes(`.van-icon-${n}:before`)), []);
});
