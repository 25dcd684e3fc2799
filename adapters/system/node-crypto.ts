// Node's crypto behind the ports: scrypt password hashes, HMAC-SHA256 token digests, random ids.
import { randomBytes, randomUUID, scrypt, timingSafeEqual, createHmac, type ScryptOptions } from 'node:crypto';
import type { IdGenerator, Clock } from '../../core/shared/ports.js';
import type { PasswordHasher, TokenDigest } from '../../core/organisation/ports.js';

const N = 16384, R = 8, P = 1, KEYLEN = 32;

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

/** scrypt (N=2^14, r=8, p=1), stored as `scrypt$N$r$p$salt$hash` so parameters can grow later. */
export class ScryptPasswordHasher implements PasswordHasher {
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await scryptAsync(password, salt, KEYLEN, { N, r: R, p: P });
    return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [kind, n, r, p, salt, hash] = stored.split('$');
    if (kind !== 'scrypt' || !salt || !hash) return false;
    const expected = Buffer.from(hash, 'base64');
    const key = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
    return timingSafeEqual(key, expected);
  }
}

export class HmacTokenDigest implements TokenDigest {
  constructor(private readonly key: string) {}
  digest(token: string): string {
    return createHmac('sha256', this.key).update(token).digest('base64url');
  }
}

export class RandomIds implements IdGenerator {
  id(): string {
    return randomUUID();
  }
  secret(bytes: number): string {
    return randomBytes(bytes).toString('base64url');
  }
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
