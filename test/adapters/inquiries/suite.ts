// One Crm per backend (PGlite always, PostgreSQL when TEST_DATABASE_URL is set) with a fixed clock and two
// firms, shared by the tests of a file; `each` registers a test once per backend.
import test, { type ExecutionContext } from 'ava';
import { backends, type Backend } from '../../support/database.js';
import { FakeClock, testCrm } from '../../support/crm.js';
import type { CrmOptions } from '../../../adapters/composition/create-crm.js';
import { aDaxinFirm, type Env } from './fixtures.js';

export interface Suite {
  each(title: string, fn: (t: ExecutionContext, env: Env & { clock: FakeClock; backend: Backend }) => Promise<void>): void;
}

export function suite(options: { serial?: boolean; crm?: Partial<CrmOptions> } = {}): Suite {
  const envs = new Map<Backend, Env & { clock: FakeClock; backend: Backend }>();
  test.before(async () => {
    for (const backend of backends()) {
      const clock = new FakeClock(new Date('2026-11-26T08:00:00Z')); // 16:00 in Shanghai
      const crm = await testCrm(backend, { clock, ...options.crm });
      const [a, b] = await Promise.all([aDaxinFirm(crm), aDaxinFirm(crm)]);
      envs.set(backend, { crm, a, b, clock, backend });
    }
  });
  test.after.always(async () => {
    for (const e of envs.values()) await e.crm.close();
  });
  return {
    each(title, fn) {
      for (const backend of backends()) {
        const register = options.serial ? test.serial : test;
        register(`[${backend}] ${title}`, (t) => fn(t, envs.get(backend) as Env & { clock: FakeClock; backend: Backend }));
      }
    },
  };
}
