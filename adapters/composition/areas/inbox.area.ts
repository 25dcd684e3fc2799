// 办理中心: the inbox use case over one Knex query object that reads each kind, reusing the owning areas'
// repositories (approvals, collections, inquiries, orders' settings, work center tasks) for their lists.
import { ContainerModule } from 'inversify';
import { Clock, UnitOfWork } from '../../../core/shared/ports.js';
import { ApprovalInstanceRepository } from '../../../core/approvals/ports.js';
import { AccountsQueries, CollectionSettingsRepository } from '../../../core/collections/ports.js';
import { InquiryRepository } from '../../../core/inquiries/ports.js';
import { OrderSettingsRepository } from '../../../core/orders/ports.js';
import { TaskRepository } from '../../../core/workcenter/ports.js';
import { InboxQueries } from '../../../core/workcenter/inbox-ports.js';
import { InboxService } from '../../../core/workcenter/inbox.service.js';
import { KnexInboxQueries } from '../../knex/repositories/knex-inbox.queries.js';
import { defineArea } from '../area.js';
import { InboxChanges } from '../../live/inbox-changes.js';
import { pgliteListenSource, postgresListenSource } from '../../live/listen-sources.js';
import type { Database } from '../../knex/database.js';
import type { CrmConfig } from '../config.js';
import { Config, Db } from '../tokens.js';
import { InboxChangesToken, InboxServiceToken } from './inbox.tokens.js';

const warn = (message: string, details: Record<string, unknown>): void => console.warn(JSON.stringify({ level: 'warn', message, ...details }));

/** The embedded database listens in process; PostgreSQL on the direct URL when one is set; else none (polling). */
function liveSource(db: Database, config: CrmConfig) {
  if (db.embedded) return pgliteListenSource(db.embedded);
  return config.listenUrl ? postgresListenSource(config.listenUrl, warn) : null;
}

const module = new ContainerModule(({ bind }) => {
  bind<InboxQueries>(InboxQueries)
    .toResolvedValue(
      (approvals: ApprovalInstanceRepository, accounts: AccountsQueries, inquiries: InquiryRepository, tasks: TaskRepository, collectionSettings: CollectionSettingsRepository,
        orderSettings: OrderSettingsRepository) => new KnexInboxQueries({ approvals, accounts, inquiries, tasks, collectionSettings, orderSettings }),
      [ApprovalInstanceRepository, AccountsQueries, InquiryRepository, TaskRepository, CollectionSettingsRepository, OrderSettingsRepository],
    )
    .inSingletonScope();
  bind<InboxService>(InboxServiceToken)
    .toResolvedValue((uow: UnitOfWork, queries: InboxQueries, clock: Clock) => new InboxService({ uow, queries, clock }), [UnitOfWork, InboxQueries, Clock])
    .inSingletonScope();
  bind<InboxChanges>(InboxChangesToken)
    .toResolvedValue((db: Database, config: CrmConfig) => new InboxChanges(liveSource(db, config)), [Db, Config])
    .inSingletonScope();
});

export const inboxArea = defineArea({
  name: 'inbox',
  module,
  /** 办理中心: what waits on the signed-in person, counted per kind and listed by kind. */
  facade: {
    inbox: InboxServiceToken,
    /** Live badges: whose 办理中心 changed, told to their open streams (LISTEN/NOTIFY). */
    inboxChanges: InboxChangesToken,
  },
});
