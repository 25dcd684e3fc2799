import test from 'ava';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { AesGcmCipher } from '../../../adapters/security/aes-gcm-cipher.js';
import { keyringFromEnv, secretKeyId } from '../../../adapters/security/keyring.js';
import { SealedValueError } from '../../../core/security/ports.js';

const key = (): string => randomBytes(32).toString('base64');
const ID = '320583199001014885';

test('a value sealed and opened again is the same value, for any text', (t) => {
  const cipher = AesGcmCipher.fromConfig('s3cret');
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (plain) => cipher.decrypt(cipher.encrypt(plain)) === plain));
  t.is(cipher.decrypt(cipher.encrypt(ID)), ID);
});

test('a sealed value is v1:<keyId>:<iv>:<tag>:<ciphertext> in base64url and never contains the plain text', (t) => {
  const cipher = AesGcmCipher.fromConfig('s3cret', { currentKeyId: 'k1', keys: { k1: key() } });
  const sealed = cipher.encrypt(ID);
  const [v, keyId, iv, tag, ct] = sealed.split(':');
  t.is(v, 'v1');
  t.is(keyId, 'k1');
  t.is(Buffer.from(iv as string, 'base64url').length, 12);
  t.is(Buffer.from(tag as string, 'base64url').length, 16);
  t.is(Buffer.from(ct as string, 'base64url').length, Buffer.byteLength(ID));
  t.false(sealed.includes(ID));
});

test('the same value seals differently every time', (t) => {
  const cipher = AesGcmCipher.fromConfig('s3cret');
  const seen = new Set(Array.from({ length: 50 }, () => cipher.encrypt(ID)));
  t.is(seen.size, 50);
});

test('any change to a sealed value is detected: ciphertext, tag, iv or the key id it claims', (t) => {
  const cipher = AesGcmCipher.fromConfig('s3cret', { currentKeyId: 'k1', keys: { k1: key(), k2: key() } });
  const parts = cipher.encrypt(ID).split(':');
  const flip = (s: string): string => {
    const b = Buffer.from(s, 'base64url');
    b[0] = (b[0] as number) ^ 0x01;
    return b.toString('base64url');
  };
  for (const i of [2, 3, 4]) {
    const altered = parts.map((p, j) => (j === i ? flip(p) : p)).join(':');
    t.throws(() => cipher.decrypt(altered), { instanceOf: SealedValueError, message: /altered/ }, `part ${i}`);
  }
  const otherKey = ['v1', 'k2', ...parts.slice(2)].join(':');
  t.throws(() => cipher.decrypt(otherKey), { instanceOf: SealedValueError });
  t.throws(() => cipher.decrypt('v1:k1:garbage'), { instanceOf: SealedValueError, message: /not a v1 sealed value/ });
  t.throws(() => cipher.decrypt(ID), { instanceOf: SealedValueError });
});

test('rotation: a value sealed under the old key still opens after a new key became current; reencrypt moves it', (t) => {
  const k1 = key();
  const before = AesGcmCipher.fromConfig('s3cret', { currentKeyId: 'k1', keys: { k1 } });
  const old = before.encrypt(ID);
  const after = AesGcmCipher.fromConfig('s3cret', { currentKeyId: 'k2', keys: { k1, k2: key() } });
  t.is(after.decrypt(old), ID);
  t.is(after.keyIdOf(after.encrypt(ID)), 'k2');
  const moved = after.reencrypt(old);
  t.truthy(moved);
  t.is(after.keyIdOf(moved as string), 'k2');
  t.is(after.decrypt(moved as string), ID);
  t.is(after.reencrypt(moved as string), null, 'already under the current key');
  const withoutOld = AesGcmCipher.fromConfig('s3cret', { currentKeyId: 'k2', keys: { k2: key() } });
  t.throws(() => withoutOld.decrypt(old), { instanceOf: SealedValueError, message: /key 'k1' is not in the keyring/ });
});

test('values sealed with the secret-derived key still open once an explicit keyring is configured', (t) => {
  const derived = AesGcmCipher.fromConfig('s3cret');
  const sealed = derived.encrypt(ID);
  t.is(derived.keyIdOf(sealed), secretKeyId('s3cret'));
  t.is(AesGcmCipher.fromConfig('s3cret', { currentKeyId: 'k1', keys: { k1: key() } }).decrypt(sealed), ID);
  t.throws(() => AesGcmCipher.fromConfig('another secret').decrypt(sealed), { instanceOf: SealedValueError, message: /not in the keyring/ });
});

test('blind indexes: equal values of one kind match, across keyrings that share the index key; kinds differ', (t) => {
  const indexKey = key();
  const a = AesGcmCipher.fromConfig('s3cret', { currentKeyId: 'k1', keys: { k1: key() }, indexKey });
  const b = AesGcmCipher.fromConfig('s3cret', { currentKeyId: 'k2', keys: { k2: key() }, indexKey });
  t.is(a.blindIndex('resident_id', ID), b.blindIndex('resident_id', ID));
  t.not(a.blindIndex('resident_id', ID), a.blindIndex('bank_card', ID));
  t.not(a.blindIndex('resident_id', ID), a.blindIndex('resident_id', '320583199001014886'));
  t.regex(a.blindIndex('resident_id', ID), /^[A-Za-z0-9_-]{43}$/);
  const c = AesGcmCipher.fromConfig('s3cret', { currentKeyId: 'k1', keys: { k1: key() }, indexKey: key() });
  t.not(c.blindIndex('resident_id', ID), a.blindIndex('resident_id', ID), 'another index key, other hashes');
  t.is(AesGcmCipher.fromConfig('s3cret').blindIndex('resident_id', ID), AesGcmCipher.fromConfig('s3cret').blindIndex('resident_id', ID));
});

test('a bad keyring fails at start: short key, unknown current key, bad key id', (t) => {
  t.throws(() => AesGcmCipher.fromConfig('s', { currentKeyId: 'k1', keys: { k1: randomBytes(16).toString('base64') } }), { message: /32 bytes/ });
  t.throws(() => AesGcmCipher.fromConfig('s', { currentKeyId: 'k9', keys: { k1: key() } }), { message: /'k9' is not in the keyring/ });
  t.throws(() => AesGcmCipher.fromConfig('s', { currentKeyId: 'k:1', keys: { 'k:1': key() } }), { message: /letters, digits/ });
});

test('YUNZHOU_ENCRYPTION_KEYS is read as JSON, absent means none, malformed fails loudly', (t) => {
  const k1 = key();
  t.deepEqual(keyringFromEnv({ YUNZHOU_ENCRYPTION_KEYS: JSON.stringify({ currentKeyId: 'k1', keys: { k1 } }) }), { currentKeyId: 'k1', keys: { k1 } });
  t.is(keyringFromEnv({}), undefined);
  t.throws(() => keyringFromEnv({ YUNZHOU_ENCRYPTION_KEYS: '{k1' }), { message: /not valid JSON/ });
  t.throws(() => keyringFromEnv({ YUNZHOU_ENCRYPTION_KEYS: '{"keys":{}}' }), { message: /currentKeyId/ });
});
