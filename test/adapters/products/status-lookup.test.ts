// The customer status lookup against the database: a code shown once and stored as a digest, the same answer
// for an unknown code and wrong digits, wrong answers counted per code and per client address in a table (so
// every server process sees them), windows that end, and a rotated code that stops working.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { createCrm } from '../../../adapters/composition/create-crm.js';
import { StatusLookupService } from '../../../core/products/status-lookup.service.js';
import { OrderLineRepository, OrderSource, StatusCodeDigest, StatusCodeRepository } from '../../../core/products/ports.js';
import { Clock, IdGenerator, Timeline, UnitOfWork } from '../../../core/shared/ports.js';
import { isDomainError, type DomainError } from '../../../core/shared/domain-error.js';
import { backends } from '../../support/database.js';
import { FakeClock, testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { aCatalogue, anOrderWithProfile } from './product-builders.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { formatStatusCode } from '../../../core/products/status-code.js';

// Client addresses and guessed codes unique to this run, so counters left in a shared PostgreSQL by an earlier
// run (same fake clock) never count here.
const RUN = randomUUID().slice(0, 8);
const ip = (n: string): string => `${RUN}.${n}`;

async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (isDomainError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const shape = (e: DomainError) => ({ code: e.code, kind: e.kind, zh: e.text.zh, details: e.details, fields: e.fieldErrors });

for (const backend of backends()) {
  let crm: Crm;
  const clock = new FakeClock(new Date('2026-11-26T08:00:00Z'));
  test.before(async () => {
    crm = await testCrm(backend, { clock });
  });
  test.after.always(async () => {
    await crm?.close();
  });

  async function anOrderWithCode() {
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const catalogue = await aCatalogue(crm, firm.admin, ['税E贷']);
    const { order, legalPersonMobile } = await anOrderWithProfile(crm, sales.actor);
    const [line] = (await crm.orderProducts.saveLines(sales.actor, order.id, 0, [{ productId: catalogue.get('税E贷')?.id as string }])).lines;
    if (!line) throw new Error('a line expected');
    await crm.orderProducts.changeApplication(sales.actor, order.id, line.id, line.version, { type: 'submit' });
    const issued = await crm.statusLookup.issueCode(sales.actor, order.id);
    return { firm, sales, order, issued, digits: legalPersonMobile.slice(-4) };
  }

  test.serial(`[${backend}] the right code and digits show the stage and the applications, and nothing else`, async (t) => {
    const { order, issued, digits, sales } = await anOrderWithCode();
    t.regex(issued.code, /^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{2}$/);
    t.is(issued.path, `/status#code=${issued.code}`);
    const view = await crm.statusLookup.lookup({ code: issued.code.toLowerCase(), lastFour: digits, clientAddress: ip('10.0.0.1') });
    t.is(view.stage, '初次沟通');
    t.is(view.progress, 20);
    t.deepEqual(view.applications.map((a) => [a.productName, a.institution, a.statusLabel, a.appliedOn]), [['税E贷', '工商银行', '申请中', '2026-11-26']]);
    t.deepEqual(Object.keys(view).sort(), ['applications', 'progress', 'stage', 'stages']);
    // Only a digest is stored; the code is never shown again.
    const rows = await crm.database.knex('order_status_codes').where({ tenant_id: order.tenantId, order_id: order.id });
    t.is(rows.length, 1);
    t.false(JSON.stringify(rows).includes(issued.code.replace(/-/g, '')));
    t.deepEqual(await crm.statusLookup.codeInfo(sales.actor, order.id), { issued: true, issuedAt: clock.now() });
    const timeline = await crm.orders.timeline(sales.actor, order.id);
    t.false(JSON.stringify(timeline).includes(issued.code));
  });

  test.serial(`[${backend}] an unknown code and wrong digits give the very same refusal`, async (t) => {
    const { issued } = await anOrderWithCode();
    const wrongDigits = await failure(crm.statusLookup.lookup({ code: issued.code, lastFour: '0000', clientAddress: ip('10.0.1.1') }));
    const unknownCode = await failure(crm.statusLookup.lookup({ code: formatStatusCode(randomBytes(16)), lastFour: '0000', clientAddress: ip('10.0.1.2') }));
    t.is(wrongDigits.code, 'status.not_found');
    t.deepEqual(shape(wrongDigits), shape(unknownCode));
  });

  test.serial(`[${backend}] five wrong answers lock the code for everyone, even with the right digits, until the window ends`, async (t) => {
    const { issued, digits } = await anOrderWithCode();
    for (let i = 0; i < 5; i++) {
      t.is((await failure(crm.statusLookup.lookup({ code: issued.code, lastFour: String(1000 + i), clientAddress: ip(`10.0.2.${i}`) }))).code, 'status.not_found');
    }
    const locked = await failure(crm.statusLookup.lookup({ code: issued.code, lastFour: digits, clientAddress: ip('10.0.2.99') }));
    t.is(locked.code, 'status.throttled');
    t.is(locked.details.retryAfterSeconds, 15 * 60);
    // A service built afresh over the same database (as another process would be) sees the same counters.
    const c = crm.container;
    const other = new StatusLookupService({
      uow: c.get(UnitOfWork), codes: c.get(StatusCodeRepository), orders: c.get(OrderSource), lines: c.get(OrderLineRepository),
      digest: c.get(StatusCodeDigest), timeline: c.get(Timeline), clock: c.get<Clock>(Clock), ids: c.get(IdGenerator),
    });
    t.is((await failure(other.lookup({ code: issued.code, lastFour: digits, clientAddress: ip('10.0.2.98') }))).code, 'status.throttled');
    // An unknown code locks exactly alike, so locking tells nothing either.
    for (let i = 0; i < 5; i++) await failure(crm.statusLookup.lookup({ code: `AAAA-${RUN}`, lastFour: '1111', clientAddress: ip(`10.0.3.${i}`) }));
    t.is((await failure(crm.statusLookup.lookup({ code: `AAAA-${RUN}`, lastFour: '1111', clientAddress: ip('10.0.3.99') }))).code, 'status.throttled');
    clock.advance(15 * 60 * 1000);
    t.is((await crm.statusLookup.lookup({ code: issued.code, lastFour: digits, clientAddress: ip('10.0.2.99') })).stage, '初次沟通');
  });

  test.serial(`[${backend}] twenty wrong answers from one address lock that address for every code, not other addresses`, async (t) => {
    const { issued, digits } = await anOrderWithCode();
    for (let i = 0; i < 20; i++) await failure(crm.statusLookup.lookup({ code: `GUESS-${RUN}-${i}`, lastFour: '1234', clientAddress: ip('10.0.4.1') }));
    t.is((await failure(crm.statusLookup.lookup({ code: issued.code, lastFour: digits, clientAddress: ip('10.0.4.1') }))).code, 'status.throttled');
    t.is((await crm.statusLookup.lookup({ code: issued.code, lastFour: digits, clientAddress: ip('10.0.4.2') })).stage, '初次沟通');
  });

  test.serial(`[${backend}] a new code replaces the old one`, async (t) => {
    const { sales, order, issued, digits } = await anOrderWithCode();
    const next = await crm.statusLookup.issueCode(sales.actor, order.id);
    t.not(next.code, issued.code);
    t.is((await failure(crm.statusLookup.lookup({ code: issued.code, lastFour: digits, clientAddress: ip('10.0.5.1') }))).code, 'status.not_found');
    t.is((await crm.statusLookup.lookup({ code: next.code, lastFour: digits, clientAddress: ip('10.0.5.1') })).stage, '初次沟通');
  });

  if (backend === 'postgres') {
    test.serial('[postgres] two server processes (two Crm instances on one database) share the counters', async (t) => {
      const { issued, digits } = await anOrderWithCode();
      const second = await createCrm({ database: { url: process.env.TEST_DATABASE_URL as string, poolMax: 2 }, migrate: false, clock, config: { secret: 'test-secret' } });
      try {
        for (let i = 0; i < 5; i++) await failure(second.statusLookup.lookup({ code: issued.code, lastFour: String(2000 + i), clientAddress: ip(`10.0.6.${i}`) }));
        t.is((await failure(crm.statusLookup.lookup({ code: issued.code, lastFour: digits, clientAddress: ip('10.0.6.99') }))).code, 'status.throttled');
      } finally {
        await second.close();
      }
    });
  }
}
