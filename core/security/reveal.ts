// Sensitive values on the way out: in clear only for an actor holding the permission (and then every field
// shown is recorded), masked for everyone else. One helper, so no area forgets the log or the mask.
import type { Tx } from '../shared/index.js';
import { can, type Actor } from '../organisation/index.js';
import type { Cipher, SensitiveReadLog } from './ports.js';

export interface SensitiveField {
  /** The field's API name, recorded in the audit log. */
  readonly field: string;
  /** The stored sealed value, or null when the field is empty. */
  readonly sealed: string | null;
  /** How the value is shown to someone without the permission, e.g. maskResidentId. */
  readonly mask: (plain: string) => string;
}

export interface RevealDeps {
  readonly cipher: Cipher;
  readonly log: SensitiveReadLog;
}

/**
 * Opens the fields of one record for the actor: unmasked when the actor holds `permission` and asks for it
 * (each unmasked non-empty field recorded in the sensitive-read log), masked otherwise. Empty stays null.
 */
export async function revealSensitive(
  tx: Tx,
  deps: RevealDeps,
  actor: Actor,
  subject: { readonly type: string; readonly id: string },
  fields: readonly SensitiveField[],
  options: { readonly permission: string; readonly unmasked: boolean },
): Promise<Record<string, string | null>> {
  const clear = options.unmasked && can(actor, options.permission);
  const out: Record<string, string | null> = {};
  const shown: string[] = [];
  for (const f of fields) {
    if (f.sealed === null) {
      out[f.field] = null;
      continue;
    }
    const plain = deps.cipher.decrypt(f.sealed);
    out[f.field] = clear ? plain : f.mask(plain);
    if (clear) shown.push(f.field);
  }
  if (shown.length) {
    await deps.log.record(tx, shown.map((field) => ({ tenantId: actor.tenantId, actorId: actor.userId, subjectType: subject.type, subjectId: subject.id, field })));
  }
  return out;
}
