// `npm run bench`: every benchmark in turn, each in its own process so one's memory and warm caches do
// not colour the next. Each prints its figures beside the bare baseline it names.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = ['http', 'pdf', 'inquiries', 'briefing', 'import', 'webhooks', 'console', 'flow'];
let failed = 0;
for (const name of benches) {
  const file = join(here, `${name}.js`);
  if (!existsSync(file)) continue;
  console.log(`\n=== bench/${name}`);
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
