// Work center: messages (消息) made from events by a subscriber, tasks (任务管理) and their rules, follow-up
// reminders; and the two pieces of infrastructure every area leans on: the outbox relay (delivers events to
// EventSubscriber multi-bindings, plugins' included) and the one scheduler (runs ScheduledJobContribution
// multi-bindings, plugins' included). Core areas' periodic use cases are wired here as jobs.
import { hostname } from 'node:os';
import { OperationLog } from '../../core/audit/ports.js';
import { ContainerModule } from 'inversify';
import { Clock, EventSink, IdGenerator, UnitOfWork } from '../../core/shared/ports.js';
import { EventSubscriber } from '../../core/events/subscriber.js';
import { DEFAULT_MESSAGE_RULES, MessageRuleContribution, type MessageRule } from '../../core/workcenter/message-rules.js';
import {
  FollowUpDueSource, MessageRepository, TaskRepository, TaskRuleRepository, TaskRuleSource, WorkcenterDirectory,
} from '../../core/workcenter/ports.js';
import { MessageSubscriber } from '../../core/workcenter/message-subscriber.js';
import { MessageService } from '../../core/workcenter/message.service.js';
import { FollowUpReminders } from '../../core/workcenter/follow-up-reminders.js';
import { TaskService } from '../../core/workcenter/task.service.js';
import { TaskRuleService } from '../../core/workcenter/task-rule.service.js';
import { TaskRuleRunner } from '../../core/workcenter/task-rule-runner.js';
import { DEFAULT_TASK_RULES } from '../../core/workcenter/task-rules.js';
import type { ApprovalTimers } from '../../core/approvals/approval-timers.js';
import type { PoolRecycler } from '../../core/inquiries/pool-recycler.js';
import type { Database } from '../knex/database.js';
import { KnexMessageRepository } from '../knex/repositories/knex-message.repository.js';
import { KnexTaskRepository } from '../knex/repositories/knex-task.repository.js';
import { KnexTaskRuleRepository, KnexTaskRuleSource } from '../knex/repositories/knex-task-rules.js';
import { KnexWorkcenterDirectory } from '../knex/repositories/knex-workcenter-directory.js';
import { KnexOutboxStore } from '../events/knex-outbox-store.js';
import { OutboxRelay } from '../events/outbox-relay.js';
import { OutboxAdmin } from '../events/outbox-admin.js';
import { OutboxSignalToken, type OutboxSignal } from '../events/commit-signal.js';
import { KnexSlotStore } from '../scheduler/knex-slot-store.js';
import { Scheduler } from '../scheduler/scheduler.js';
import type { ScheduledJob } from './plugin-api.js';
import type { CrmConfig } from './config.js';
import {
  ApprovalTimersToken, Config, Db, FollowUpRemindersToken, MessageServiceToken, OutboxAdminToken, OutboxRelayToken, OutboxStoreToken, PoolRecyclerToken,
  ScheduledJobContribution, SchedulerToken, SlotStoreToken, TaskRuleRunnerToken, TaskRuleServiceToken, TaskServiceToken,
} from './tokens.js';

/** The relay's job: every 2 s in every process (claims make overlapping runs safe). */
export const RELAY_JOB = 'outbox.relay';

const many = (serviceIdentifier: symbol) => ({ serviceIdentifier, isMultiple: true as const, optional: true as const });

export const workcenterModule = new ContainerModule(({ bind }) => {
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
  bind<MessageService>(MessageServiceToken)
    .toResolvedValue((uow: UnitOfWork, messages: MessageRepository, clock: Clock) => new MessageService({ uow, messages, clock }), [UnitOfWork, MessageRepository, Clock])
    .inSingletonScope();
  bind<FollowUpReminders>(FollowUpRemindersToken)
    .toResolvedValue(
      (uow: UnitOfWork, source: FollowUpDueSource, messages: MessageRepository, dir: WorkcenterDirectory, clock: Clock, ids: IdGenerator) =>
        new FollowUpReminders({ uow, source, messages, directory: dir, clock, ids }),
      [UnitOfWork, FollowUpDueSource, MessageRepository, WorkcenterDirectory, Clock, IdGenerator],
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

  // The outbox relay and its administration.
  bind<KnexOutboxStore>(OutboxStoreToken).toResolvedValue((db: Database) => new KnexOutboxStore(db.knex), [Db]).inSingletonScope();
  bind<OutboxRelay>(OutboxRelayToken)
    .toResolvedValue(
      (store: KnexOutboxStore, clock: Clock, ids: IdGenerator, config: CrmConfig, subscribers: EventSubscriber[] | undefined) => new OutboxRelay({
        store, clock, ids, subscribers: subscribers ?? [], policy: config.outboxLeaseSeconds ? { leaseMs: config.outboxLeaseSeconds * 1000 } : {},
      }),
      [OutboxStoreToken, Clock, IdGenerator, Config, many(EventSubscriber)],
    )
    .inSingletonScope();
  bind<OutboxAdmin>(OutboxAdminToken).toResolvedValue((store: KnexOutboxStore) => new OutboxAdmin(store), [OutboxStoreToken]).inSingletonScope();

  // The scheduler with every contributed job.
  bind<KnexSlotStore>(SlotStoreToken).toResolvedValue((db: Database) => new KnexSlotStore(db.knex), [Db]).inSingletonScope();
  bind<Scheduler>(SchedulerToken)
    .toResolvedValue(
      (clock: Clock, store: KnexSlotStore, ids: IdGenerator, signal: OutboxSignal, jobs: ScheduledJob[] | undefined) => {
        const s = new Scheduler({ clock, store, runnerId: `${hostname()}:${process.pid}:${ids.secret(6)}`, wake: { signal, job: RELAY_JOB } });
        for (const job of jobs ?? []) s.register(job);
        return s;
      },
      [Clock, SlotStoreToken, IdGenerator, OutboxSignalToken, many(ScheduledJobContribution)],
    )
    .inSingletonScope();

  // Core jobs. Collections (instalment reminders, overdue marking) bind theirs to ScheduledJobContribution too.
  const job = (build: (...deps: any[]) => ScheduledJob, deps: symbol[]): void => {
    bind<ScheduledJob>(ScheduledJobContribution).toResolvedValue(build, deps).inSingletonScope();
  };
  job((relay: OutboxRelay) => ({ name: RELAY_JOB, everySeconds: 2, exclusive: false, run: async (_slot, now) => { await relay.runOnce(now); } }), [OutboxRelayToken]);
  job((timers: ApprovalTimers) => ({ name: 'approvals.timers', everySeconds: 60, run: async (_slot, now) => { await timers.runApprovalTimers(now); } }), [ApprovalTimersToken]);
  job((recycler: PoolRecycler) => ({ name: 'inquiries.recycle', everySeconds: 300, run: async (_slot, now) => { await recycler.run({ now }); } }), [PoolRecyclerToken]);
  job((r: FollowUpReminders) => ({ name: 'workcenter.follow_up_reminders', everySeconds: 300, run: async (_slot, now) => { await r.run(now); } }), [FollowUpRemindersToken]);
  job((r: TaskRuleRunner) => ({ name: 'workcenter.task_rules', everySeconds: 3600, run: async (_slot, now) => { await r.run(now); } }), [TaskRuleRunnerToken]);
  job((store: KnexSlotStore) => ({
    name: 'scheduler.prune', everySeconds: 6 * 3600,
    run: async (_slot, now) => { await store.prune(new Date(now.getTime() - 7 * 86_400_000)); },
  }), [SlotStoreToken]);
});
