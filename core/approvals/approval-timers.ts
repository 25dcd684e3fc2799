// 审批时限: the scheduler calls runApprovalTimers(now). Each instance whose next timer has come is claimed in
// its own transaction (a row another runner holds is skipped, one already handled is no longer due), gets
// the engine's onTimer step, and is saved with its next timer; so two runners never act twice on one timer.
import { isDomainError, type Clock, type IdGenerator, type UnitOfWork } from '../shared/index.js';
import { onTimer, nextTimerAt } from './timer.js';
import type { ApprovalDirectoryLoader, ApprovalInstanceRepository, DueInstanceRef } from './ports.js';
import type { ApprovalSubjects } from './subjects.js';
import { recordStep, subjectOf, type RecordDeps } from './record-step.js';

export interface ApprovalTimerDeps extends RecordDeps {
  readonly uow: UnitOfWork;
  readonly instances: ApprovalInstanceRepository;
  readonly directory: ApprovalDirectoryLoader;
  readonly subjects: ApprovalSubjects;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface TimerRunReport {
  /** Instances found due. */
  readonly due: number;
  /** Instances this run changed (reminded, escalated, decided automatically). */
  readonly changed: number;
  /** Instances whose step failed (e.g. nobody to take an escalated node); retried an hour later. */
  readonly failed: readonly (DueInstanceRef & { readonly code: string })[];
}

const RETRY_MS = 3_600_000;

export class ApprovalTimers {
  constructor(private readonly d: ApprovalTimerDeps) {}

  /** Applies every time limit due at `now` (default: the clock), at most `limit` instances per call. */
  async runApprovalTimers(now: Date = this.d.clock.now(), limit = 200): Promise<TimerRunReport> {
    const due = await this.d.uow.read((tx) => this.d.instances.dueTimers(tx, now, limit));
    let changed = 0;
    const failed: (DueInstanceRef & { code: string })[] = [];
    for (const ref of due) {
      try {
        if (await this.runOne(ref, now)) changed++;
      } catch (e) {
        if (!isDomainError(e)) throw e;
        failed.push({ ...ref, code: e.code });
        await this.d.uow.run((tx) => this.d.instances.setTimer(tx, ref.tenantId, ref.id, new Date(now.getTime() + RETRY_MS)));
      }
    }
    return { due: due.length, changed, failed };
  }

  private runOne(ref: DueInstanceRef, now: Date): Promise<boolean> {
    return this.d.uow.run(async (tx) => {
      const instance = await this.d.instances.claimDue(tx, ref.tenantId, ref.id, now);
      if (!instance) return false; // another runner has it, or it is no longer due
      const directory = await this.d.directory.load(tx, ref.tenantId, instance.submitterId);
      const step = onTimer(instance, { now, directory, ids: () => this.d.ids.id() });
      if (step.instance === instance) {
        // Nothing to do after all: store the recomputed timer so the instance stops being due.
        const next = nextTimerAt(instance);
        await this.d.instances.setTimer(tx, ref.tenantId, ref.id, next === null || next > now ? next : new Date(now.getTime() + RETRY_MS));
        return false;
      }
      if (!(await this.d.instances.update(tx, step.instance, nextTimerAt(step.instance)))) return false;
      await recordStep(this.d, tx, instance, step, subjectOf(this.d.subjects, instance.businessType), null);
      return true;
    });
  }
}
