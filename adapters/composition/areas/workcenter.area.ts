// Work center: messages (消息) made from events by a subscriber, tasks (任务管理) and their rules, follow-up
// reminders, their jobs and routes (with the outbox's parked events, which the work center's admin screen shows).
import { ContainerModule } from 'inversify';
import { OperationLog } from '../../../core/audit/ports.js';
import { Clock, EventSink, IdGenerator, UnitOfWork } from '../../../core/shared/ports.js';
import { EventSubscriber } from '../../../core/events/subscriber.js';
import { DEFAULT_MESSAGE_RULES, MessageRuleContribution, type MessageRule } from '../../../core/workcenter/message-rules.js';
import {
  FollowUpDueSource, MessageRepository, TaskRepository, TaskRuleRepository, TaskRuleSource, WorkcenterDirectory,
} from '../../../core/workcenter/ports.js';
import { MessageSubscriber } from '../../../core/workcenter/message-subscriber.js';
import { MessageService } from '../../../core/workcenter/message.service.js';
import { FollowUpReminders } from '../../../core/workcenter/follow-up-reminders.js';
import { NotificationSource } from '../../../core/notifications/index.js';
import { TaskService } from '../../../core/workcenter/task.service.js';
import { TaskRuleService } from '../../../core/workcenter/task-rule.service.js';
import { TaskRuleRunner } from '../../../core/workcenter/task-rule-runner.js';
import { DEFAULT_TASK_RULES } from '../../../core/workcenter/task-rules.js';
import { KnexMessageRepository } from '../../knex/repositories/knex-message.repository.js';
import { KnexTaskRepository } from '../../knex/repositories/knex-task.repository.js';
import { KnexTaskRuleRepository, KnexTaskRuleSource } from '../../knex/repositories/knex-task-rules.js';
import { KnexWorkcenterDirectory } from '../../knex/repositories/knex-workcenter-directory.js';
import { defineArea } from '../area.js';
import type { ScheduledJob } from '../plugin-api.js';
import { ScheduledJobContribution } from '../tokens.js';
import { FollowUpRemindersToken, NotificationSourceToken, MessageServiceToken, TaskRuleRunnerToken, TaskRuleServiceToken, TaskServiceToken } from './workcenter.tokens.js';

const many = (serviceIdentifier: symbol) => ({ serviceIdentifier, isMultiple: true as const, optional: true as const });

const module = new ContainerModule(({ bind }) => {
  const directory = new KnexWorkcenterDirectory();
  bind<WorkcenterDirectory>(WorkcenterDirectory).toConstantValue(directory);
  bind<FollowUpDueSource>(FollowUpDueSource).toConstantValue(directory);
  bind<MessageRepository>(MessageRepository).toConstantValue(new KnexMessageRepository());
  bind<TaskRepository>(TaskRepository).toConstantValue(new KnexTaskRepository());
  bind<TaskRuleRepository>(TaskRuleRepository).toConstantValue(new KnexTaskRuleRepository());
  bind<TaskRuleSource>(TaskRuleSource).toConstantValue(new KnexTaskRuleSource());

  // 消息: the built-in table plus what other areas contribute (MessageRuleContribution, arrays of rules).
  bind<EventSubscriber>(EventSubscriber)
    .toResolvedValue(
      (uow: UnitOfWork, messages: MessageRepository, dir: WorkcenterDirectory, ids: IdGenerator, extra: (readonly MessageRule[])[] | undefined) =>
        new MessageSubscriber({ uow, messages, directory: dir, ids, rules: [...DEFAULT_MESSAGE_RULES, ...(extra ?? []).flat()] }),
      [UnitOfWork, MessageRepository, WorkcenterDirectory, IdGenerator, many(MessageRuleContribution)],
    )
    .inSingletonScope();
  // Notifications (issue 17): the same rules, for the channel plugins (the plugin SDK's `notifications`).
  bind<NotificationSource>(NotificationSourceToken)
    .toResolvedValue(
      (uow: UnitOfWork, dir: WorkcenterDirectory, extra: (readonly MessageRule[])[] | undefined) =>
        new NotificationSource({ uow, directory: dir, rules: [...DEFAULT_MESSAGE_RULES, ...(extra ?? []).flat()] }),
      [UnitOfWork, WorkcenterDirectory, many(MessageRuleContribution)],
    )
    .inSingletonScope();
  bind<MessageService>(MessageServiceToken)
    .toResolvedValue((uow: UnitOfWork, messages: MessageRepository, clock: Clock) => new MessageService({ uow, messages, clock }), [UnitOfWork, MessageRepository, Clock])
    .inSingletonScope();
  bind<FollowUpReminders>(FollowUpRemindersToken)
    .toResolvedValue(
      (uow: UnitOfWork, source: FollowUpDueSource, messages: MessageRepository, dir: WorkcenterDirectory, clock: Clock, ids: IdGenerator, events: EventSink) =>
        new FollowUpReminders({ uow, source, messages, directory: dir, clock, ids, events }),
      [UnitOfWork, FollowUpDueSource, MessageRepository, WorkcenterDirectory, Clock, IdGenerator, EventSink],
    )
    .inSingletonScope();

  bind<TaskService>(TaskServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, tasks: TaskRepository, dir: WorkcenterDirectory, events: EventSink, clock: Clock, ids: IdGenerator) =>
        new TaskService({ uow, tasks, directory: dir, events, clock, ids }),
      [UnitOfWork, TaskRepository, WorkcenterDirectory, EventSink, Clock, IdGenerator],
    )
    .inSingletonScope();
  bind<TaskRuleService>(TaskRuleServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, settings: TaskRuleRepository, clock: Clock, operations: OperationLog) => new TaskRuleService({ uow, settings, clock, rules: DEFAULT_TASK_RULES, operations }),
      [UnitOfWork, TaskRuleRepository, Clock, OperationLog],
    )
    .inSingletonScope();
  bind<TaskRuleRunner>(TaskRuleRunnerToken)
    .toResolvedValue(
      (uow: UnitOfWork, tasks: TaskRepository, settings: TaskRuleRepository, source: TaskRuleSource, dir: WorkcenterDirectory, events: EventSink, clock: Clock, ids: IdGenerator) =>
        new TaskRuleRunner({ uow, tasks, settings, source, directory: dir, events, clock, ids, rules: DEFAULT_TASK_RULES }),
      [UnitOfWork, TaskRepository, TaskRuleRepository, TaskRuleSource, WorkcenterDirectory, EventSink, Clock, IdGenerator],
    )
    .inSingletonScope();

  bind<ScheduledJob>(ScheduledJobContribution)
    .toResolvedValue(
      (r: FollowUpReminders) => ({ name: 'workcenter.follow_up_reminders', everySeconds: 300, run: async (_slot: Date, now: Date) => { await r.run(now); } }),
      [FollowUpRemindersToken],
    )
    .inSingletonScope();
  bind<ScheduledJob>(ScheduledJobContribution)
    .toResolvedValue(
      (r: TaskRuleRunner) => ({ name: 'workcenter.task_rules', everySeconds: 3600, run: async (_slot: Date, now: Date) => { await r.run(now); } }),
      [TaskRuleRunnerToken],
    )
    .inSingletonScope();
});

export const workcenterArea = defineArea({
  name: 'workcenter',
  module,
  facade: {
    /** 消息: the actor's notifications, unread counts, mark read. */
    messages: MessageServiceToken,
    /** 任务管理: tasks by hand, their status and comments. */
    tasks: TaskServiceToken,
    /** 自动任务规则: the firm's task rules and their settings. */
    taskRules: TaskRuleServiceToken,
    /** The task rules' pass (a scheduled job; callable by hosts and tests). */
    taskRuleRunner: TaskRuleRunnerToken,
    /** 跟进提醒: one pass of the follow-up reminders (a scheduled job). */
    followUpReminders: FollowUpRemindersToken,
  },
});
