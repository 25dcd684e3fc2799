// 数据简报: the home screen's briefing over one Knex query object, and its route.
import { ContainerModule } from 'inversify';
import { Clock, UnitOfWork } from '../../../core/shared/ports.js';
import { OrganisationRepository } from '../../../core/organisation/ports.js';
import { OrderSettingsRepository } from '../../../core/orders/ports.js';
import { BriefingQueries } from '../../../core/briefing/ports.js';
import { BriefingService } from '../../../core/briefing/briefing.service.js';
import { KnexBriefingQueries } from '../../knex/repositories/knex-briefing.queries.js';
import { defineArea } from '../area.js';
import { BriefingServiceToken } from './briefing.tokens.js';

const module = new ContainerModule(({ bind }) => {
  bind<BriefingQueries>(BriefingQueries).toConstantValue(new KnexBriefingQueries());
  bind<BriefingService>(BriefingServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, queries: BriefingQueries, org: OrganisationRepository, orderSettings: OrderSettingsRepository, clock: Clock) =>
        new BriefingService({ uow, queries, org, orderSettings, clock }),
      [UnitOfWork, BriefingQueries, OrganisationRepository, OrderSettingsRepository, Clock],
    )
    .inSingletonScope();
});

export const briefingArea = defineArea({
  name: 'briefing',
  module,
  /** 数据简报: the home screen's briefing for a period and a scope. */
  facade: { briefing: BriefingServiceToken },
});
