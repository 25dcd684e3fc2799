// Login throttling holds under parallel guesses (the failure count is claimed under a row lock before the
// hash is checked), and an unknown mobile costs a hash check like a wrong password on a real account.
import test from 'ava';
import { backends } from '../../support/database.js';
import { FakeClock, testCrm } from '../../support/crm.js';
import { aFirm, aMobile, PASSWORD } from '../../support/tenant.js';
import { AuthService } from '../../../core/organisation/auth.service.js';
import { OrganisationRepository, PasswordHasher, TokenDigest, TokenRepository } from '../../../core/organisation/ports.js';
import { IdGenerator, UnitOfWork } from '../../../core/shared/ports.js';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from '../../../core/organisation/login-throttle.js';
import { ScryptPasswordHasher } from '../../../adapters/system/node-crypto.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { Clock } from '../../../core/shared/ports.js';

/** The real scrypt hasher, counting the checks it makes. */
class CountingHasher extends ScryptPasswordHasher {
  checks = 0;
  override async verify(password: string, stored: string): Promise<boolean> {
    this.checks++;
    return super.verify(password, stored);
  }
}

function authOver(crm: Crm, hasher: PasswordHasher, clock: Clock, throttle: ThrottlePolicy = DEFAULT_THROTTLE): AuthService {
  const c = crm.container;
  return new AuthService({
    uow: c.get(UnitOfWork), org: c.get(OrganisationRepository), tokens: c.get(TokenRepository), digest: c.get(TokenDigest), ids: c.get(IdGenerator),
    hasher, clock, throttle,
  });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

for (const backend of backends()) {
  test.serial(`${backend}: 50 parallel wrong passwords: only the policy's attempts reach the hash, the rest are throttled`, async (t) => {
    const clock = new FakeClock();
    const crm = await testCrm(backend, { clock });
    try {
      const firm = await aFirm(crm);
      const p = await firm.person(['sales']);
      const hasher = new CountingHasher();
      const auth = authOver(crm, hasher, clock);
      const codes = await Promise.all(Array.from({ length: 50 }, (_, i) => codeOf(auth.login({ mobile: p.mobile, password: `wrong-${i}-pw` }))));
      const allowed = DEFAULT_THROTTLE.freeAttempts + 1; // the attempt after the free ones sets the first delay
      t.is(codes.filter((c) => c === 'auth.invalid_credentials').length, allowed);
      t.is(codes.filter((c) => c === 'auth.throttled').length, 50 - allowed);
      t.is(hasher.checks, allowed);
      // The right password waits out the delay too, and then logs in and clears the count.
      t.is(await codeOf(auth.login({ mobile: p.mobile, password: PASSWORD })), 'auth.throttled');
      clock.advance(60_000);
      t.is(await codeOf(auth.login({ mobile: p.mobile, password: PASSWORD })), 'ok');
      t.is(await codeOf(auth.login({ mobile: p.mobile, password: 'wrong-again-pw' })), 'auth.invalid_credentials');
    } finally {
      await crm.close();
    }
  });
}

test.serial('an unknown mobile is checked against a dummy hash and takes about as long as a wrong password', async (t) => {
  const clock = new FakeClock();
  const crm = await testCrm('pglite', { clock });
  try {
    const firm = await aFirm(crm);
    const p = await firm.person(['sales']);
    const hasher = new CountingHasher();
    const auth = authOver(crm, hasher, clock, { freeAttempts: 1000, baseDelaySeconds: 1, lockAfter: 1000, lockMinutes: 1 });
    const unknown = aMobile();
    t.is(await codeOf(auth.login({ mobile: unknown, password: 'guess-123-pw' })), 'auth.invalid_credentials');
    const before = hasher.checks;
    t.is(await codeOf(auth.login({ mobile: unknown, password: 'guess-123-pw' })), 'auth.invalid_credentials');
    t.is(hasher.checks - before, 1, 'the unknown mobile ran one hash check');
    const time = async (mobile: string): Promise<number> => {
      const started = process.hrtime.bigint();
      await codeOf(auth.login({ mobile, password: 'guess-123-pw' }));
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known: number[] = [], absent: number[] = [];
    for (let i = 0; i < 7; i++) { // interleaved, so load on the machine falls on both alike
      known.push(await time(p.mobile));
      absent.push(await time(unknown));
    }
    const ratio = median(absent) / median(known);
    t.true(ratio > 0.5 && ratio < 2, `unknown ${median(absent).toFixed(1)} ms vs wrong password ${median(known).toFixed(1)} ms`);
  } finally {
    await crm.close();
  }
});
