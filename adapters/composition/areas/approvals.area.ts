// Approvals: the Knex repositories, the registry of business types (each area binds its
// ApprovalSubjectContribution), the flow, instance and timer use cases, their routes and the timers' job.
import { ContainerModule } from 'inversify';
import { OperationLog } from '../../../core/audit/ports.js';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../../../core/shared/ports.js';
import { ApprovalDirectoryLoader, ApprovalFlowRepository, ApprovalInstanceRepository } from '../../../core/approvals/ports.js';
import { ApprovalSubjectContribution, ApprovalSubjects } from '../../../core/approvals/subjects.js';
import { ApprovalFlowService } from '../../../core/approvals/approval-flow.service.js';
import { ApprovalService } from '../../../core/approvals/approval.service.js';
import { ApprovalTimers } from '../../../core/approvals/approval-timers.js';
import { KnexApprovalFlowRepository } from '../../knex/repositories/knex-approval-flow.repository.js';
import { KnexApprovalInstanceRepository } from '../../knex/repositories/knex-approval-instance.repository.js';
import { KnexApprovalDirectoryLoader } from '../../knex/repositories/knex-approval-directory.js';
import { defineArea } from '../area.js';
import type { ScheduledJob } from '../plugin-api.js';
import { ScheduledJobContribution } from '../tokens.js';
import { ApprovalFlowServiceToken, ApprovalServiceToken, ApprovalSubjectsToken, ApprovalTimersToken } from './approvals.tokens.js';

const module = new ContainerModule(({ bind }) => {
  bind<ApprovalFlowRepository>(ApprovalFlowRepository).toConstantValue(new KnexApprovalFlowRepository());
  bind<ApprovalInstanceRepository>(ApprovalInstanceRepository).toConstantValue(new KnexApprovalInstanceRepository());
  bind<ApprovalDirectoryLoader>(ApprovalDirectoryLoader).toConstantValue(new KnexApprovalDirectoryLoader());

  // The registry collects every area's contribution when first resolved; a host may register() more later.
  bind<ApprovalSubjects>(ApprovalSubjectsToken)
    .toResolvedValue(
      (contributions: ApprovalSubjectContribution[] | undefined) => new ApprovalSubjects(contributions ?? []),
      [{ serviceIdentifier: ApprovalSubjectContribution, isMultiple: true, optional: true }],
    )
    .inSingletonScope();

  bind<ApprovalFlowService>(ApprovalFlowServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, flows: ApprovalFlowRepository, directory: ApprovalDirectoryLoader, clock: Clock, ids: IdGenerator, operations: OperationLog) =>
        new ApprovalFlowService({ uow, flows, directory, clock, ids, operations }),
      [UnitOfWork, ApprovalFlowRepository, ApprovalDirectoryLoader, Clock, IdGenerator, OperationLog],
    )
    .inSingletonScope();
  bind<ApprovalService>(ApprovalServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, flows: ApprovalFlowRepository, instances: ApprovalInstanceRepository, directory: ApprovalDirectoryLoader, subjects: ApprovalSubjects,
        timeline: Timeline, events: EventSink, clock: Clock, ids: IdGenerator) =>
        new ApprovalService({ uow, flows, instances, directory, subjects, timeline, events, clock, ids }),
      [UnitOfWork, ApprovalFlowRepository, ApprovalInstanceRepository, ApprovalDirectoryLoader, ApprovalSubjectsToken, Timeline, EventSink, Clock, IdGenerator],
    )
    .inSingletonScope();
  bind<ApprovalTimers>(ApprovalTimersToken)
    .toResolvedValue(
      (uow: UnitOfWork, instances: ApprovalInstanceRepository, directory: ApprovalDirectoryLoader, subjects: ApprovalSubjects, timeline: Timeline,
        events: EventSink, clock: Clock, ids: IdGenerator) =>
        new ApprovalTimers({ uow, instances, directory, subjects, timeline, events, clock, ids }),
      [UnitOfWork, ApprovalInstanceRepository, ApprovalDirectoryLoader, ApprovalSubjectsToken, Timeline, EventSink, Clock, IdGenerator],
    )
    .inSingletonScope();

  bind<ScheduledJob>(ScheduledJobContribution)
    .toResolvedValue(
      (timers: ApprovalTimers) => ({ name: 'approvals.timers', everySeconds: 60, run: async (_slot: Date, now: Date) => { await timers.runApprovalTimers(now); } }),
      [ApprovalTimersToken],
    )
    .inSingletonScope();
});

export const approvalsArea = defineArea({
  name: 'approvals',
  module,
  facade: {
    /** 审批流程: the tenant's approval flows per business type (versioned). */
    approvalFlows: ApprovalFlowServiceToken,
    /** 审批: submit, decide (通过/否决, 代审), transfer, withdraw, my pending tasks, the record. */
    approvals: ApprovalServiceToken,
    /** 审批时限: the scheduler calls approvalTimers.runApprovalTimers(now). */
    approvalTimers: ApprovalTimersToken,
    /** Business types plugged into approvals (ApprovalSubjectContribution, or register() here). */
    approvalSubjects: ApprovalSubjectsToken,
  },
});
