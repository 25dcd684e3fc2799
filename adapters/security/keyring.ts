// The encryption keyring of an installation: explicit keys from configuration or YUNZHOU_ENCRYPTION_KEYS,
// else one key derived from the installation secret. Parsed and checked at start, so a bad key fails loudly
// before any value is sealed with it.
import { createHash, hkdfSync } from 'node:crypto';

/** Explicit keys: each a base64 (or base64url) encoding of 32 random bytes. */
export interface EncryptionKeyring {
  /** The key new values are sealed with. */
  readonly currentKeyId: string;
  /** Every key that may still be needed to open stored values, by id (letters, digits, '_' and '-'). */
  readonly keys: Readonly<Record<string, string>>;
  /** The blind-index key (base64, 32 bytes); derived from the secret when absent. It must never rotate silently. */
  readonly indexKey?: string;
}

export interface ResolvedKeyring {
  readonly currentKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
  readonly indexKey: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,40}$/;

function derive(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('yunzhou', 'utf8'), Buffer.from(info, 'utf8'), 32));
}

function decodeKey(id: string, text: string): Buffer {
  const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32) throw new Error(`Encryption key '${id}' must be 32 bytes in base64 (got ${key.length} bytes)`);
  return key;
}

/** The id of the key derived from a secret: 's' and a fingerprint, so a changed secret reads as a missing key. */
export function secretKeyId(secret: string): string {
  return `s${createHash('sha256').update(derive(secret, 'encryption:v1')).digest('base64url').slice(0, 8)}`;
}

/**
 * The keys to use: the explicit keyring when given (its current key seals), and always the key derived from
 * the secret (so values sealed before a keyring existed still open). The blind-index key is the keyring's
 * `indexKey` or, by default, derived from the secret.
 */
export function resolveKeyring(secret: string, keyring?: EncryptionKeyring): ResolvedKeyring {
  if (!secret) throw new Error('A secret is needed to derive encryption keys');
  const keys = new Map<string, Buffer>([[secretKeyId(secret), derive(secret, 'encryption:v1')]]);
  if (!keyring) return { currentKeyId: secretKeyId(secret), keys, indexKey: derive(secret, 'blind-index:v1') };
  for (const [id, text] of Object.entries(keyring.keys)) {
    if (!KEY_ID.test(id)) throw new Error(`Encryption key id '${id}' may use only letters, digits, '_' and '-' (at most 40)`);
    keys.set(id, decodeKey(id, text));
  }
  if (!Object.hasOwn(keyring.keys, keyring.currentKeyId)) {
    throw new Error(`The current encryption key '${keyring.currentKeyId}' is not in the keyring`);
  }
  return { currentKeyId: keyring.currentKeyId, keys, indexKey: keyring.indexKey ? decodeKey('indexKey', keyring.indexKey) : derive(secret, 'blind-index:v1') };
}

/** YUNZHOU_ENCRYPTION_KEYS as JSON `{"currentKeyId":"k2","keys":{"k1":"…","k2":"…"}}`, or undefined when unset. */
export function keyringFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): EncryptionKeyring | undefined {
  const text = env.YUNZHOU_ENCRYPTION_KEYS;
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('YUNZHOU_ENCRYPTION_KEYS is not valid JSON ({"currentKeyId":"…","keys":{"…":"base64 of 32 bytes"}})');
  }
  const k = parsed as Partial<EncryptionKeyring>;
  if (typeof k?.currentKeyId !== 'string' || typeof k.keys !== 'object' || k.keys === null || Object.values(k.keys).some((v) => typeof v !== 'string')) {
    throw new Error('YUNZHOU_ENCRYPTION_KEYS needs "currentKeyId" (text) and "keys" (an object of base64 texts)');
  }
  return { currentKeyId: k.currentKeyId, keys: k.keys, ...(typeof k.indexKey === 'string' ? { indexKey: k.indexKey } : {}) };
}
