// The Cipher port on Node's crypto: AES-256-GCM with a random 96-bit IV per value and the version and key id
// bound in as associated data; blind indexes as HMAC-SHA256 under a key derived per kind.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { SealedValueError, type Cipher } from '../../core/security/ports.js';
import { resolveKeyring, type EncryptionKeyring, type ResolvedKeyring } from './keyring.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;

export class AesGcmCipher implements Cipher {
  private readonly indexKeys = new Map<string, Buffer>();

  constructor(private readonly ring: ResolvedKeyring) {}

  /** A cipher over the installation's keys: the explicit keyring if any, else the key derived from the secret. */
  static fromConfig(secret: string, keyring?: EncryptionKeyring): AesGcmCipher {
    return new AesGcmCipher(resolveKeyring(secret, keyring));
  }

  get currentKeyId(): string {
    return this.ring.currentKeyId;
  }

  encrypt(plain: string): string {
    const keyId = this.ring.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const c = createCipheriv('aes-256-gcm', this.key(keyId), iv, { authTagLength: TAG_BYTES });
    c.setAAD(Buffer.from(`${VERSION}:${keyId}`, 'utf8'));
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return [VERSION, keyId, iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join(':');
  }

  decrypt(sealed: string): string {
    const { keyId, iv, tag, ct } = parse(sealed);
    const key = this.ring.keys.get(keyId);
    if (!key) throw new SealedValueError(`key '${keyId}' is not in the keyring`);
    try {
      const d = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      d.setAAD(Buffer.from(`${VERSION}:${keyId}`, 'utf8'));
      d.setAuthTag(tag);
      return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
    } catch {
      throw new SealedValueError('it was altered, or sealed under a different key with the same id');
    }
  }

  blindIndex(kind: string, normalised: string): string {
    return createHmac('sha256', this.indexKey(kind)).update(normalised, 'utf8').digest('base64url');
  }

  /** The id of the key a value was sealed with. */
  keyIdOf(sealed: string): string {
    return parse(sealed).keyId;
  }

  /** For rotation: the value sealed again under the current key, or null when it already is. */
  reencrypt(sealed: string): string | null {
    if (this.keyIdOf(sealed) === this.ring.currentKeyId) return null;
    return this.encrypt(this.decrypt(sealed));
  }

  private key(keyId: string): Buffer {
    const key = this.ring.keys.get(keyId);
    if (!key) throw new Error(`No encryption key '${keyId}'`);
    return key;
  }

  private indexKey(kind: string): Buffer {
    let k = this.indexKeys.get(kind);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', this.ring.indexKey, Buffer.alloc(0), Buffer.from(`blind-index:${kind}`, 'utf8'), 32));
      this.indexKeys.set(kind, k);
    }
    return k;
  }
}

function parse(sealed: string): { keyId: string; iv: Buffer; tag: Buffer; ct: Buffer } {
  const parts = sealed.split(':');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SealedValueError('not a v1 sealed value');
  const [, keyId, iv, tag, ct] = parts as [string, string, string, string, string];
  if (!keyId || ![iv, tag, ct].every((p) => B64URL.test(p))) throw new SealedValueError('malformed');
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new SealedValueError('malformed');
  return { keyId, iv: ivBytes, tag: tagBytes, ct: Buffer.from(ct, 'base64url') };
}
