// "What waits on these people changed": a NOTIFY on one channel, sent inside the transaction that made the
// change, so PostgreSQL delivers it only if and when that transaction commits. The payload names the firm and
// the people, never what changed: a listener learns whom to tell, and each person's console asks for its
// own counts through the API, under its own session and data scope.
import type { Tx } from '../../core/shared/ports.js';
import { sql } from './unit-of-work.js';

export const INBOX_CHANNEL = 'yunzhou_inbox';

/** Who is told: one firm's people. */
export interface InboxSignal {
  readonly tenantId: string;
  readonly userIds: readonly string[];
}

// NOTIFY payloads are limited to 8000 bytes; a uuid and its quotes take 39, so 150 people fit one with room.
const PER_PAYLOAD = 150;

/** Tells the people's consoles (after commit) that their 办理中心 counts, messages or tasks changed. */
export async function signalInbox(tx: Tx, tenantId: string, userIds: readonly (string | null | undefined)[]): Promise<void> {
  const people = [...new Set(userIds.filter((u): u is string => typeof u === 'string' && u !== ''))];
  for (let i = 0; i < people.length; i += PER_PAYLOAD) {
    await sql(tx).raw('select pg_notify(?, ?)', [INBOX_CHANNEL, JSON.stringify({ t: tenantId, u: people.slice(i, i + PER_PAYLOAD) })]);
  }
}

/** The signal a payload carries; null for anything else (another sender on the channel, a garbled payload). */
export function parseInboxSignal(payload: string | undefined): InboxSignal | null {
  try {
    const p = JSON.parse(payload ?? '') as { t?: unknown; u?: unknown };
    if (typeof p.t !== 'string' || !Array.isArray(p.u) || !p.u.every((u) => typeof u === 'string')) return null;
    return { tenantId: p.t, userIds: p.u as string[] };
  } catch {
    return null;
  }
}
