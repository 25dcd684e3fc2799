// 审批 use cases: submit a business object, decide (通过 / 否决, 代审), transfer (转交), withdraw (撤回), and the
// queries (my pending tasks, what I submitted, an instance's full record, a record's approvals). Each change
// locks the instance row, applies one pure engine step, saves it under its version and writes the timeline,
// the outbox events and the business object's reaction in the same transaction.
import {
  isDomainError, type Clock, type EventSink, type IdGenerator, type Timeline, type Tx, type UnitOfWork, type Page,
  type PageRequest,
} from '../shared/index.js';
import { can, PERMISSIONS, type Actor } from '../organisation/index.js';
import type { BusinessType } from './flow-definition.js';
import type { ApprovalInstance, Decision } from './instance.js';
import type { ApprovalStep } from './effects.js';
import type { Directory } from './directory.js';
import { submit } from './submit.js';
import { decide } from './decide.js';
import { transfer } from './transfer.js';
import { withdraw } from './withdraw.js';
import { nextTimerAt } from './timer.js';
import { namedUsers } from './step-records.js';
import { recordStep, subjectOf } from './record-step.js';
import { instanceView, type InstanceView } from './instance-view.js';
import type { ApprovalSubject, ApprovalSubjects } from './subjects.js';
import type {
  ApprovalDirectoryLoader, ApprovalFlowRepository, ApprovalInstanceRepository, DecidedTaskRow, InstanceSummary, PendingTaskRow, SubmittedFilter,
} from './ports.js';
import { alreadyPending, instanceChanged, instanceNotFound, noFlow, submitRequestMismatch } from './use-case-errors.js';

export interface ApprovalDeps {
  readonly uow: UnitOfWork;
  readonly flows: ApprovalFlowRepository;
  readonly instances: ApprovalInstanceRepository;
  readonly directory: ApprovalDirectoryLoader;
  readonly subjects: ApprovalSubjects;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface SubmitInput {
  readonly businessType: BusinessType;
  readonly businessId: string;
  /** 请选择审批人: per node key, the approvers chosen. */
  readonly chosenApprovers?: Readonly<Record<string, readonly string[]>> | undefined;
  /** A retry with the same requestId returns the instance it started instead of a conflict. */
  readonly requestId?: string | undefined;
}

export interface DecideInput {
  readonly taskId: string;
  readonly decision: Decision;
  readonly opinion?: string | null | undefined;
  /** 代审: an administrator decides for the appointed approver. */
  readonly onBehalf?: boolean | undefined;
  /** The client's id of this attempt (Idempotency-Key); a retry with the same one does not decide twice. */
  readonly requestId?: string | undefined;
}

export interface TransferInput {
  readonly taskId: string;
  readonly toUserId: string;
  readonly opinion?: string | null | undefined;
  readonly onBehalf?: boolean | undefined;
  readonly requestId?: string | undefined;
}

/** The instance after a command; `replayed` when the command was a retry that changed nothing. */
export interface ApprovalResult extends InstanceView {
  readonly replayed: boolean;
}

export class ApprovalService {
  constructor(private readonly d: ApprovalDeps) {}

  /** 提交审批: the record goes through the tenant's active flow; the first node's approvers are notified. */
  submit(actor: Actor, input: SubmitInput): Promise<ApprovalResult> {
    return this.d.uow.run((tx) => this.submitIn(tx, actor, input));
  }

  /**
   * 提交审批 inside the caller's transaction, for an area whose own change and the submission are one use case
   * (invoice submit): facts read, instance stored, the record's onSubmitted, timeline and outbox, all in `tx`.
   */
  async submitIn(tx: Tx, actor: Actor, input: SubmitInput): Promise<ApprovalResult> {
    const subject = this.d.subjects.get(input.businessType);
    const requestId = input.requestId?.trim() || null;
    const retried = requestId === null ? null : await this.priorSubmission(tx, actor, input, requestId);
    if (retried) return this.result(tx, retried, actor, true);
    const data = await subject.facts(tx, actor, input.businessId, 'submit');
    const flow = await this.d.flows.activeFor(tx, actor.tenantId, input.businessType);
    if (!flow) throw noFlow(input.businessType);
    const directory = await this.d.directory.load(tx, actor.tenantId, actor.userId);
    const step = submit({
      flow, businessType: input.businessType, businessId: input.businessId, subject: data, submitterId: actor.userId,
      chosenApprovers: input.chosenApprovers ?? {}, directory, now: this.d.clock.now(), ids: () => this.d.ids.id(),
    });
    if (!(await this.d.instances.insert(tx, step.instance, nextTimerAt(step.instance), requestId))) {
      // Lost a race: the same submission retried concurrently, or another person submitted the record first.
      const again = requestId === null ? null : await this.priorSubmission(tx, actor, input, requestId);
      if (again) return this.result(tx, again, actor, true);
      throw alreadyPending(input.businessType, input.businessId);
    }
    // The record's own move first, so its timeline line comes before the approval's.
    await subject.onSubmitted?.(tx, actor, step.instance);
    await recordStep(this.d, tx, null, step, subject, actor.userId);
    return this.result(tx, step.instance, actor, false);
  }

  /** 通过 / 否决 (or 代审 with onBehalf): exactly one decision counts on a settled task; a retry decides nothing. */
  decide(actor: Actor, instanceId: string, input: DecideInput): Promise<ApprovalResult> {
    const requestId = this.requestId(input.requestId);
    return this.change(actor, instanceId, (instance, directory) =>
      decide(instance, {
        taskId: input.taskId, actorId: actor.userId, decision: input.decision, opinion: input.opinion ?? null, onBehalf: input.onBehalf === true,
        requestId, now: this.d.clock.now(), directory, ids: () => this.d.ids.id(),
      }));
  }

  /** 转交: the task's turn moves to another active person of the tenant. */
  transfer(actor: Actor, instanceId: string, input: TransferInput): Promise<ApprovalResult> {
    const requestId = this.requestId(input.requestId);
    return this.change(actor, instanceId, (instance, directory) =>
      transfer(instance, {
        taskId: input.taskId, actorId: actor.userId, toUserId: input.toUserId, opinion: input.opinion ?? null, onBehalf: input.onBehalf === true,
        requestId, now: this.d.clock.now(), directory, ids: () => this.d.ids.id(),
      }));
  }

  /** 撤回: the submitter takes the request back before anyone decided. */
  withdraw(actor: Actor, instanceId: string, input: { requestId?: string | undefined } = {}): Promise<ApprovalResult> {
    const requestId = this.requestId(input.requestId);
    return this.change(actor, instanceId, (instance) => withdraw(instance, { actorId: actor.userId, requestId, now: this.d.clock.now() }));
  }

  /** The instance with its full 审批信息 record, for the submitter, anyone involved, an approval admin, or
   * whoever may see the business object; anyone else gets `approval.not_found`. */
  async get(actor: Actor, id: string): Promise<InstanceView> {
    return this.d.uow.read(async (tx) => {
      const instance = await this.d.instances.get(tx, actor.tenantId, id);
      if (!instance || !(await this.mayView(tx, actor, instance))) throw instanceNotFound(id);
      return this.view(tx, instance, actor);
    });
  }

  /** A business object's approvals, newest first (for the order's 审批 tab); needs sight of the object. */
  async listForBusiness(actor: Actor, businessType: BusinessType, businessId: string): Promise<InstanceSummary[]> {
    const subject = this.d.subjects.get(businessType);
    return this.d.uow.read(async (tx) => {
      await subject.facts(tx, actor, businessId, 'read');
      return this.d.instances.listForBusiness(tx, actor.tenantId, businessType, businessId);
    });
  }

  /** 我提交的: the actor's own submissions, newest first. */
  submittedByMe(actor: Actor, filter: SubmittedFilter, page: PageRequest): Promise<Page<InstanceSummary>> {
    return this.d.uow.read((tx) => this.d.instances.listSubmittedBy(tx, actor.tenantId, actor.userId, filter, page));
  }

  /** 待我审批: the open tasks appointed to the actor, oldest first (the work center lists them). */
  myPendingTasks(actor: Actor, page: PageRequest): Promise<Page<PendingTaskRow>> {
    return this.d.uow.read((tx) => this.d.instances.pendingTasksOf(tx, actor.tenantId, actor.userId, page));
  }

  /** 已办: the tasks the actor settled (通过, 否决, 转交, 代审 included), newest decision first. */
  myDecidedTasks(actor: Actor, page: PageRequest): Promise<Page<DecidedTaskRow>> {
    return this.d.uow.read((tx) => this.d.instances.decidedTasksOf(tx, actor.tenantId, actor.userId, page));
  }

  private requestId(given: string | undefined): string {
    const trimmed = given?.trim();
    // Without a client id a request is still applied once; only a retry cannot be recognised.
    return trimmed ? trimmed : `server:${this.d.ids.id()}`;
  }

  private async priorSubmission(tx: Tx, actor: Actor, input: SubmitInput, requestId: string): Promise<ApprovalInstance | null> {
    const prior = await this.d.instances.findBySubmitRequest(tx, actor.tenantId, actor.userId, requestId);
    if (prior && (prior.businessType !== input.businessType || prior.businessId !== input.businessId)) throw submitRequestMismatch(requestId);
    return prior;
  }

  /** Lock, step, save, record: one transaction, so concurrent commands on an instance take turns. */
  private change(actor: Actor, id: string, step: (instance: ApprovalInstance, directory: Directory) => ApprovalStep): Promise<ApprovalResult> {
    return this.d.uow.run(async (tx) => {
      const instance = await this.d.instances.getForUpdate(tx, actor.tenantId, id);
      if (!instance) throw instanceNotFound(id);
      const directory = await this.d.directory.load(tx, actor.tenantId, instance.submitterId);
      const result = step(instance, directory);
      if (result.replayed || result.instance === instance) return this.result(tx, result.instance, actor, result.replayed);
      if (!(await this.d.instances.update(tx, result.instance, nextTimerAt(result.instance)))) throw instanceChanged(id);
      await recordStep(this.d, tx, instance, result, this.subjectOf(instance.businessType), actor.userId);
      return this.result(tx, result.instance, actor, false);
    });
  }

  private subjectOf(businessType: BusinessType): ApprovalSubject | null {
    return subjectOf(this.d.subjects, businessType);
  }

  private async mayView(tx: Tx, actor: Actor, instance: ApprovalInstance): Promise<boolean> {
    if (instance.submitterId === actor.userId || can(actor, PERMISSIONS.approvalAdmin)) return true;
    if (instance.tasks.some((t) => t.appointedApproverId === actor.userId || t.actualApproverId === actor.userId)) return true;
    const subject = this.subjectOf(instance.businessType);
    if (!subject) return false;
    try {
      await subject.facts(tx, actor, instance.businessId, 'read');
      return true;
    } catch (e) {
      if (isDomainError(e) && (e.kind === 'not_found' || e.kind === 'forbidden')) return false;
      throw e;
    }
  }

  private async view(tx: Tx, instance: ApprovalInstance, actor: Actor): Promise<InstanceView> {
    const names = await this.d.directory.names(tx, instance.tenantId, namedUsers(instance));
    return instanceView(instance, (id) => names.get(id) ?? id, actor.userId);
  }

  private async result(tx: Tx, instance: ApprovalInstance, actor: Actor, replayed: boolean): Promise<ApprovalResult> {
    return { ...(await this.view(tx, instance, actor)), replayed };
  }
}
