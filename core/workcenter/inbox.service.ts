// 办理中心 use cases: the badge counts and the list of one kind, always for the signed-in person only (what is
// assigned to, handled or owned by them), so nobody can read another person's inbox.
import type { Actor } from '../organisation/index.js';
import type { Clock, UnitOfWork, Page, PageRequest, LocalizedText } from '../shared/index.js';
import { INBOX_KINDS, INBOX_KIND_LABELS, inboxItem, inboxWindow, type InboxItem, type InboxKind } from './inbox.js';
import type { InboxQueries } from './inbox-ports.js';

export interface InboxDeps {
  readonly uow: UnitOfWork;
  readonly queries: InboxQueries;
  readonly clock: Clock;
}

export interface InboxCounts {
  /** Everything waiting, for the home screen's badge. */
  readonly total: number;
  readonly kinds: readonly { readonly kind: InboxKind; readonly label: LocalizedText; readonly count: number }[];
  /** The instalment horizon used, in days. */
  readonly dueSoonDays: number;
}

export class InboxService {
  constructor(private readonly d: InboxDeps) {}

  /** How many items of each kind wait on the actor, and their sum. */
  counts(actor: Actor): Promise<InboxCounts> {
    return this.d.uow.read(async (tx) => {
      const days = await this.d.queries.dueSoonDays(tx, actor.tenantId);
      const counts = await this.d.queries.counts(tx, actor.tenantId, actor.userId, inboxWindow(this.d.clock.now(), actor.timeZone, days));
      const kinds = INBOX_KINDS.map((kind) => ({ kind, label: INBOX_KIND_LABELS[kind], count: counts[kind] }));
      return { total: kinds.reduce((s, k) => s + k.count, 0), kinds, dueSoonDays: days };
    });
  }

  /** One page of one kind of the actor's inbox. */
  list(actor: Actor, kind: InboxKind, page: PageRequest): Promise<Page<InboxItem>> {
    return this.d.uow.read(async (tx) => {
      const days = kind === 'instalment' ? await this.d.queries.dueSoonDays(tx, actor.tenantId) : 0;
      const window = inboxWindow(this.d.clock.now(), actor.timeZone, days);
      const names = kind === 'order' ? await this.d.queries.stageNames(tx, actor.tenantId) : {};
      const rows = await this.d.queries.list(tx, actor.tenantId, actor.userId, kind, window, page);
      return { ...rows, items: rows.items.map((r) => inboxItem(r, window, (key) => names[key] ?? key)) };
    });
  }
}
