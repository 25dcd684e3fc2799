// What the 办理中心 reads: per kind, how many items wait on a person and one page of them. An adapter answers
// each kind with one indexed query, reusing the owning areas' queries for the lists where they exist.
import type { Tx, Page, PageRequest } from '../shared/index.js';
import type { InboxKind, InboxRow, InboxWindow } from './inbox.js';

export interface InboxQueries {
  /** How many items of each kind wait on the user (one count per kind). */
  counts(tx: Tx, tenantId: string, userId: string, window: InboxWindow): Promise<Record<InboxKind, number>>;
  /** One page of a kind, in the kind's own order (oldest waiting or earliest due first), keyset-paginated. */
  list(tx: Tx, tenantId: string, userId: string, kind: InboxKind, window: InboxWindow, page: PageRequest): Promise<Page<InboxRow>>;
  /** The firm's "due soon" horizon in days (its collection settings' reminder days; default 3). */
  dueSoonDays(tx: Tx, tenantId: string): Promise<number>;
  /** The firm's stage names by key (for the orders kind). */
  stageNames(tx: Tx, tenantId: string): Promise<Record<string, string>>;
}
export const InboxQueries = Symbol.for('yunzhou.InboxQueries');
