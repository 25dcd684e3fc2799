// Loaded into every test worker (ava's `require`). AVA 6+ waits for a worker to exit by itself; a failing
// test that never reached its clean-up leaves a pool open and the whole run waiting until CI's limit. Once
// AVA has every result, the worker ends: a leak costs nothing more than the failure already reported.
import { registerCompletionHandler } from 'ava';

registerCompletionHandler(() => process.exit());
