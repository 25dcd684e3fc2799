// A Crm for tests, on one backend, with a fixed secret and an optional controllable clock.
import { createCrm, type Crm, type CrmOptions } from '../../adapters/composition/create-crm.js';
import type { Clock } from '../../core/shared/ports.js';
import { testDatabase, type Backend } from './database.js';

export class FakeClock implements Clock {
  constructor(private t: Date = new Date('2026-11-26T08:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  set(t: Date | string): void {
    this.t = new Date(t);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export async function testCrm(backend: Backend, options: Partial<CrmOptions> = {}): Promise<Crm> {
  return createCrm({
    database: await testDatabase(backend),
    migrate: backend === 'pglite' ? false : false,
    config: { secret: 'test-secret', filesDir: `/tmp/yunzhou-test-files-${process.pid}` },
    ...options,
  });
}
