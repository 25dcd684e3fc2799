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
import { InboxServiceToken } from './inbox.tokens.js';

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
});

export const inboxArea = defineArea({
  name: 'inbox',
  module,
  /** 办理中心: what waits on the signed-in person, counted per kind and listed by kind. */
  facade: { inbox: InboxServiceToken },
});
