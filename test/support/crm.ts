// A Crm for tests, on one backend, with a fixed secret and an optional controllable clock.
import { createCrm, type Crm, type CrmOptions } from '../../adapters/composition/create-crm.js';
import type { Clock } from '../../core/shared/ports.js';
import { testDatabase, type Backend } from './database.js';
import { checkTenantSql, watchTenantSql } from './tenant-sql.js';

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

/** The real time moved by an offset: a server that runs as usual, then is sent into next month (提成 submits a month once it is over). */
export class ShiftedClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** From now on the clock reads `at` plus the real time passed since. */
  jumpTo(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}

export async function testCrm(backend: Backend, options: Partial<CrmOptions> = {}): Promise<Crm> {
  const crm = await createCrm({
    database: await testDatabase(backend),
    migrate: backend === 'pglite' ? false : false,
    config: { secret: 'test-secret', filesDir: `/tmp/yunzhou-test-files-${process.pid}` },
    ...options,
  });
  return checkTenantSql() ? tenantChecked(crm) : crm;
}

/**
 * With YUNZHOU_CHECK_TENANT_SQL=1, every statement the Crm sends is parsed (test/support/tenant-sql.ts) and
 * closing it fails, listing them, when one reached a firm's table without tenant_id: readiness for Citus.
 */
export async function tenantChecked(crm: Crm): Promise<Crm> {
  const watch = await watchTenantSql(crm.database.knex);
  const close = crm.close.bind(crm);
  return Object.assign(crm, {
    close: async () => {
      await close();
      if (watch.violations.length) {
        throw new Error(`Statements that do not keep to one firm (YUNZHOU_CHECK_TENANT_SQL):\n  ${[...new Set(watch.violations)].join('\n  ')}`);
      }
    },
  });
}
