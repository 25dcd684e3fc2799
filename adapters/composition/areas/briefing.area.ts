// 数据简报: the home screen's briefing over one Knex query object (with the targets' repository, when loaded, for 完成率).
import { ContainerModule } from 'inversify';
import { Clock, UnitOfWork } from '../../../core/shared/ports.js';
import { OrganisationRepository } from '../../../core/organisation/ports.js';
import { OrderSettingsRepository } from '../../../core/orders/ports.js';
import { BriefingQueries } from '../../../core/briefing/ports.js';
import { BriefingService } from '../../../core/briefing/briefing.service.js';
import { TargetRepository } from '../../../core/targets/ports.js';
import { KnexBriefingQueries } from '../../knex/repositories/knex-briefing.queries.js';
import { defineArea } from '../area.js';
import { BriefingServiceToken } from './briefing.tokens.js';

const module = new ContainerModule(({ bind }) => {
  bind<BriefingQueries>(BriefingQueries).toConstantValue(new KnexBriefingQueries());
  bind<BriefingService>(BriefingServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, queries: BriefingQueries, org: OrganisationRepository, orderSettings: OrderSettingsRepository, clock: Clock, targets: TargetRepository | undefined) =>
        new BriefingService({ uow, queries, org, orderSettings, clock, targets }),
      // 业绩目标 (the targets area) when it is loaded: the briefing's 完成率.
      [UnitOfWork, BriefingQueries, OrganisationRepository, OrderSettingsRepository, Clock, { serviceIdentifier: TargetRepository, optional: true }],
    )
    .inSingletonScope();
});

export const briefingArea = defineArea({
  name: 'briefing',
  module,
  /** 数据简报: the home screen's briefing for a period and a scope. */
  facade: { briefing: BriefingServiceToken },
});
