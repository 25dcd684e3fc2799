// 业绩目标: targets per person and department over a month or quarter, their storage and use case (the
// briefing reads the same repository for its 完成率).
import { ContainerModule } from 'inversify';
import { Clock, UnitOfWork } from '../../../core/shared/ports.js';
import { OrganisationRepository } from '../../../core/organisation/ports.js';
import { TargetRepository } from '../../../core/targets/ports.js';
import { TargetsService } from '../../../core/targets/targets.service.js';
import { KnexTargetRepository } from '../../knex/repositories/knex-target.repository.js';
import { defineArea } from '../area.js';
import { TargetsServiceToken } from './targets.tokens.js';

const module = new ContainerModule(({ bind }) => {
  bind<TargetRepository>(TargetRepository).toConstantValue(new KnexTargetRepository());
  bind<TargetsService>(TargetsServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, targets: TargetRepository, org: OrganisationRepository, clock: Clock) => new TargetsService({ uow, targets, org, clock }),
      [UnitOfWork, TargetRepository, OrganisationRepository, Clock],
    )
    .inSingletonScope();
});

export const targetsArea = defineArea({
  name: 'targets',
  module,
  /** 业绩目标: a month's or quarter's targets of the people and departments one sees; set and remove them. */
  facade: { targets: TargetsServiceToken },
});
