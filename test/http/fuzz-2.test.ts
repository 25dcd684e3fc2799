// Fuzzed requests over every route of the OpenAPI document, part 2 of 4 (2,500 of 10,000; each part its own
// seed and process): no answer may be a 5xx. Replay a failure with YZ_FUZZ_SEED=<seed>.
import test from 'ava';
import { fuzz, fuzzHarness, seedOf } from '../support/fuzz.js';

const seed = seedOf(24_000 + 2);

test('2,500 fuzzed requests over every path and method get no 5xx (seed ' + String(seed) + ')', async (t) => {
  t.timeout(600_000); // seeding the demo and 2,500 requests: ~1 minute alone, several on a loaded machine
  const h = await fuzzHarness();
  try {
    const statuses = new Map<number, number>();
    const failures = await fuzz(h, seed, 2_500, statuses);
    t.log('statuses', JSON.stringify([...statuses].sort((a, b) => a[0] - b[0])));
    t.deepEqual(failures, [], `seed ${seed}: replay with YZ_FUZZ_SEED=${seed}`);
    t.true((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0) > 100, 'enough requests reach a handler and succeed');
  } finally {
    await h.close();
  }
});
