// Inquiries: Knex repositories, the use case services, the lifecycle port the orders area calls, the pool
// recycler (a scheduled job and `yunzhou recycle`), the merge participants (the timeline's here; other areas
// bind theirs to MergeParticipant) and the routes of 咨询, 公海 and the inquiry settings.
import { ContainerModule } from 'inversify';
import { DocumentCharset } from '../../../core/shared/document-charset.js';
import { OperationLog } from '../../../core/audit/ports.js';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../../../core/shared/ports.js';
import { OrganisationRepository } from '../../../core/organisation/ports.js';
import {
  FollowUpRepository, InquiryLifecycle, InquiryRepository, InquirySettingsRepository, MergeParticipant, PoolRepository,
} from '../../../core/inquiries/ports.js';
import { InquiryService } from '../../../core/inquiries/inquiry.service.js';
import { FollowUpService } from '../../../core/inquiries/follow-up.service.js';
import { PoolService } from '../../../core/inquiries/pool.service.js';
import { PoolRecycler } from '../../../core/inquiries/pool-recycler.js';
import { InquiryLifecycleService } from '../../../core/inquiries/lifecycle.service.js';
import { InquirySettingsService } from '../../../core/inquiries/settings.service.js';
import { KnexInquiryRepository } from '../../knex/repositories/knex-inquiry.repository.js';
import { KnexFollowUpRepository } from '../../knex/repositories/knex-follow-up.repository.js';
import { KnexPoolRepository } from '../../knex/repositories/knex-pool.repository.js';
import { KnexInquirySettingsRepository } from '../../knex/repositories/knex-inquiry-settings.repository.js';
import { CachedInquirySettingsRepository } from '../../knex/repositories/cached-inquiry-settings.repository.js';
import { TimelineMergeParticipant } from '../../knex/repositories/knex-inquiry-merge.js';
import { CommandContribution, defineArea } from '../area.js';
import type { ScheduledJob } from '../plugin-api.js';
import { ScheduledJobContribution } from '../tokens.js';
import {
  FollowUpServiceToken, InquiryLifecycleToken, InquiryServiceToken, InquirySettingsServiceToken, PoolRecyclerToken, PoolServiceToken,
} from './inquiries.tokens.js';
import { recycleCommand } from './inquiries.commands.js';

const module = new ContainerModule(({ bind }) => {
  bind<InquiryRepository>(InquiryRepository).toConstantValue(new KnexInquiryRepository());
  bind<FollowUpRepository>(FollowUpRepository).toConstantValue(new KnexFollowUpRepository());
  bind<PoolRepository>(PoolRepository).toConstantValue(new KnexPoolRepository());
  bind<InquirySettingsRepository>(InquirySettingsRepository)
    .toResolvedValue((clock: Clock) => new CachedInquirySettingsRepository(new KnexInquirySettingsRepository(clock)), [Clock])
    .inSingletonScope();
  bind<MergeParticipant>(MergeParticipant).toConstantValue(new TimelineMergeParticipant());

  bind<InquiryService>(InquiryServiceToken)
    .toResolvedValue(
      (
        uow: UnitOfWork, inquiries: InquiryRepository, settings: InquirySettingsRepository, org: OrganisationRepository, timeline: Timeline, events: EventSink, clock: Clock, ids: IdGenerator,
        charset: DocumentCharset, participants: MergeParticipant[] | undefined,
      ) => new InquiryService({ uow, inquiries, settings, org, timeline, events, clock, ids, charset, participants: participants ?? [] }),
      [
        UnitOfWork, InquiryRepository, InquirySettingsRepository, OrganisationRepository, Timeline, EventSink, Clock, IdGenerator, DocumentCharset,
        { serviceIdentifier: MergeParticipant, isMultiple: true, optional: true },
      ],
    )
    .inSingletonScope();
  bind<FollowUpService>(FollowUpServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, inquiries: InquiryRepository, followUps: FollowUpRepository, settings: InquirySettingsRepository, timeline: Timeline, events: EventSink, clock: Clock, ids: IdGenerator) =>
        new FollowUpService({ uow, inquiries, followUps, settings, timeline, events, clock, ids }),
      [UnitOfWork, InquiryRepository, FollowUpRepository, InquirySettingsRepository, Timeline, EventSink, Clock, IdGenerator],
    )
    .inSingletonScope();
  bind<PoolService>(PoolServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, inquiries: InquiryRepository, pools: PoolRepository, settings: InquirySettingsRepository, org: OrganisationRepository, timeline: Timeline, events: EventSink, clock: Clock, ids: IdGenerator) =>
        new PoolService({ uow, inquiries, pools, settings, org, timeline, events, clock, ids }),
      [UnitOfWork, InquiryRepository, PoolRepository, InquirySettingsRepository, OrganisationRepository, Timeline, EventSink, Clock, IdGenerator],
    )
    .inSingletonScope();
  bind<PoolRecycler>(PoolRecyclerToken)
    .toResolvedValue(
      (uow: UnitOfWork, pools: PoolRepository, settings: InquirySettingsRepository, timeline: Timeline, events: EventSink, clock: Clock, ids: IdGenerator) =>
        new PoolRecycler({ uow, pools, settings, timeline, events, clock, ids }),
      [UnitOfWork, PoolRepository, InquirySettingsRepository, Timeline, EventSink, Clock, IdGenerator],
    )
    .inSingletonScope();
  bind<InquiryLifecycle>(InquiryLifecycleToken)
    .toResolvedValue(
      (inquiries: InquiryRepository, timeline: Timeline, events: EventSink, clock: Clock) => new InquiryLifecycleService({ inquiries, timeline, events, clock }),
      [InquiryRepository, Timeline, EventSink, Clock],
    )
    .inSingletonScope();
  bind<InquirySettingsService>(InquirySettingsServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, settings: InquirySettingsRepository, inquiries: InquiryRepository, operations: OperationLog) => new InquirySettingsService({ uow, settings, inquiries, operations }),
      [UnitOfWork, InquirySettingsRepository, InquiryRepository, OperationLog],
    )
    .inSingletonScope();

  bind<ScheduledJob>(ScheduledJobContribution)
    .toResolvedValue(
      (recycler: PoolRecycler) => ({ name: 'inquiries.recycle', everySeconds: 300, run: async (_slot: Date, now: Date) => { await recycler.run({ now }); } }),
      [PoolRecyclerToken],
    )
    .inSingletonScope();
  bind<CommandContribution>(CommandContribution).toDynamicValue((ctx) => recycleCommand(() => ctx.get(PoolRecyclerToken)));
});

export const inquiriesArea = defineArea({
  name: 'inquiries',
  module,
  facade: {
    /** 咨询: 生成, 查重, create, lists, edit, timeline, merge. */
    inquiries: InquiryServiceToken,
    followUps: FollowUpServiceToken,
    /** 咨询公海 / 客户公海: claim, assign, transfer, release. */
    pools: PoolServiceToken,
    inquirySettings: InquirySettingsServiceToken,
    /** The 准客户 / 客户 moves the orders area calls inside its transaction. */
    inquiryLifecycle: InquiryLifecycleToken,
    /** Returns overdue and neglected records to their pools (`yunzhou recycle`, the server's schedule). */
    poolRecycler: PoolRecyclerToken,
  },
});
