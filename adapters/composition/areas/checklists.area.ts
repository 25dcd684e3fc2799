// 资料清单: products' checklists and the documents the orders' files are, the check 提交申请 asks (a
// SubmissionCheck contribution to the products area), and the expiry reminders' job (tasks in the work center).
import { ContainerModule } from 'inversify';
import { Clock, EventSink, IdGenerator, UnitOfWork } from '../../../core/shared/ports.js';
import { FileRepository } from '../../../core/files/ports.js';
import { OrderLineRepository, OrderSource, ProductRepository, SubmissionCheckContribution, type SubmissionCheck } from '../../../core/products/ports.js';
import { TaskRepository, WorkcenterDirectory } from '../../../core/workcenter/ports.js';
import { OperationLog } from '../../../core/audit/ports.js';
import { ChecklistRepository, ChecklistSettingsRepository } from '../../../core/checklists/ports.js';
import { ChecklistService } from '../../../core/checklists/checklist.service.js';
import { ChecklistReminders } from '../../../core/checklists/checklist-reminders.js';
import { ChecklistSettingsService } from '../../../core/checklists/checklist-settings.service.js';
import { KnexChecklistRepository } from '../../knex/repositories/knex-checklist.repository.js';
import { KnexChecklistSettingsRepository } from '../../knex/repositories/knex-checklist-settings.repository.js';
import type { ScheduledJob } from '../plugin-api.js';
import { defineArea } from '../area.js';
import { ScheduledJobContribution } from '../tokens.js';
import { ChecklistRemindersToken, ChecklistServiceToken, ChecklistSettingsServiceToken } from './checklists.tokens.js';

const module = new ContainerModule(({ bind }) => {
  bind<ChecklistRepository>(ChecklistRepository).toConstantValue(new KnexChecklistRepository());
  bind<ChecklistSettingsRepository>(ChecklistSettingsRepository).toConstantValue(new KnexChecklistSettingsRepository());
  bind<ChecklistSettingsService>(ChecklistSettingsServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, settings: ChecklistSettingsRepository, clock: Clock, operations: OperationLog) => new ChecklistSettingsService({ uow, settings, clock, operations }),
      [UnitOfWork, ChecklistSettingsRepository, Clock, OperationLog],
    )
    .inSingletonScope();
  bind<ChecklistService>(ChecklistServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, checklists: ChecklistRepository, products: ProductRepository, lines: OrderLineRepository, orders: OrderSource, files: FileRepository, clock: Clock) =>
        new ChecklistService({ uow, checklists, products, lines, orders, files, clock }),
      [UnitOfWork, ChecklistRepository, ProductRepository, OrderLineRepository, OrderSource, FileRepository, Clock],
    )
    .inSingletonScope();
  // 提交申请 is refused while a blocking document is missing or expired.
  bind<SubmissionCheck>(SubmissionCheckContribution).toResolvedValue((s: ChecklistService) => s.submissionCheck, [ChecklistServiceToken]).inSingletonScope();
  bind<ChecklistReminders>(ChecklistRemindersToken)
    .toResolvedValue(
      (uow: UnitOfWork, checklists: ChecklistRepository, service: ChecklistService, tasks: TaskRepository, directory: WorkcenterDirectory, events: EventSink, clock: Clock, ids: IdGenerator, settings: ChecklistSettingsRepository) =>
        new ChecklistReminders({ uow, checklists, service, tasks, directory, events, clock, ids, settings }),
      [UnitOfWork, ChecklistRepository, ChecklistServiceToken, TaskRepository, WorkcenterDirectory, EventSink, Clock, IdGenerator, ChecklistSettingsRepository],
    )
    .inSingletonScope();
  bind<ScheduledJob>(ScheduledJobContribution)
    .toResolvedValue(
      (r: ChecklistReminders) => ({ name: 'checklists.expiry_reminders', everySeconds: 3600, run: async (_slot: Date, now: Date) => { await r.run(now); } }),
      [ChecklistRemindersToken],
    )
    .inSingletonScope();
});

export const checklistsArea = defineArea({
  name: 'checklists',
  module,
  facade: {
    /** 资料清单: products' checklists, an order's checklist, marking which file is which document. */
    checklists: ChecklistServiceToken,
    /** 资料到期提醒: one pass of the expiry reminders (a scheduled job; callable by hosts and tests). */
    checklistReminders: ChecklistRemindersToken,
    /** 资料到期提醒提前天数: the firm's notice for the expiry reminders. */
    checklistSettings: ChecklistSettingsServiceToken,
  },
});
