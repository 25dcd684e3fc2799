// The approval use cases over the real repositories, with a test business type ('receipt', timeline subject
// 'receipt') whose records live in memory: so these suites do not depend on another area's tables, and they
// exercise the registration API exactly as a business area uses it.
import { randomUUID } from 'node:crypto';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { EventSink, IdGenerator, Timeline, UnitOfWork, type Tx } from '../../../core/shared/ports.js';
import { isDomainError, notFound } from '../../../core/shared/domain-error.js';
import type { Actor } from '../../../core/organisation/actor.js';
import { ApprovalService } from '../../../core/approvals/approval.service.js';
import { ApprovalTimers } from '../../../core/approvals/approval-timers.js';
import { ApprovalDirectoryLoader, ApprovalFlowRepository, ApprovalInstanceRepository } from '../../../core/approvals/ports.js';
import { ApprovalSubjects, type ApprovalOutcome, type ApprovalSubject, type SubjectPurpose } from '../../../core/approvals/subjects.js';
import type { ConditionSubject } from '../../../core/approvals/condition.js';
import type { ApprovalInstance } from '../../../core/approvals/instance.js';
import type { NodeDef } from '../../../core/approvals/flow-definition.js';
import { sql } from '../../../adapters/knex/unit-of-work.js';
import { aFirm, type TestFirm } from '../../support/tenant.js';

interface FakeReceipt {
  readonly tenantId: string;
  readonly ownerId: string;
  readonly amountFen: number;
}

/** Receipts in memory: the owner submits; the owner and people whose scope is wider than their own records read
 * (a stand-in for a real area's data scope); outcomes are written in the deciding transaction. */
export class FakeReceipts implements ApprovalSubject {
  readonly timelineSubjectType = 'receipt';
  readonly records = new Map<string, FakeReceipt>();
  /** Set to make onOutcome fail (to prove the decision rolls back with it). */
  failOutcome = false;
  /** Set to make onSubmitted fail (to prove the submission rolls back with it). */
  failSubmitted = false;
  /** Every onSubmitted call: the record and the instance. */
  readonly submitted: { businessId: string; instanceId: string }[] = [];

  add(owner: Actor, amountFen = 1_000_000): string {
    const id = randomUUID();
    this.records.set(id, { tenantId: owner.tenantId, ownerId: owner.userId, amountFen });
    return id;
  }

  async facts(_tx: Tx, actor: Actor, id: string, purpose: SubjectPurpose): Promise<ConditionSubject> {
    const r = this.records.get(id);
    const own = r?.ownerId === actor.userId;
    if (!r || r.tenantId !== actor.tenantId || (!own && (purpose === 'submit' || actor.dataScope === 'self'))) throw notFound('receipt', '回款单', id);
    return { amountFen: r.amountFen };
  }

  async onSubmitted(tx: Tx, actor: Actor, instance: ApprovalInstance): Promise<void> {
    this.submitted.push({ businessId: instance.businessId, instanceId: instance.id });
    // A row in the submitting transaction, which the tests read back (or find missing after a rollback).
    await sql(tx)('activities').insert({
      tenant_id: instance.tenantId, id: randomUUID(), subject_type: 'receipt_submitted', subject_id: instance.businessId, actor_id: actor.userId,
      action: 'receipt.submitted', summary: 'submitted', data: JSON.stringify({ instanceId: instance.id }), at: new Date(),
    });
    if (this.failSubmitted) throw new Error('receipt could not be submitted');
  }

  async onOutcome(tx: Tx, outcome: ApprovalOutcome, instance: ApprovalInstance): Promise<void> {
    if (this.failOutcome) throw new Error('receipt could not react');
    // A row in the same transaction: the tests read it back to see the reaction committed with the decision.
    await sql(tx)('activities').insert({
      tenant_id: instance.tenantId, id: randomUUID(), subject_type: 'receipt_outcome', subject_id: instance.businessId, actor_id: outcome.actorId,
      action: outcome.type, summary: 'outcome', data: JSON.stringify({ instanceId: instance.id }), at: new Date(),
    });
  }
}

export interface Harness {
  readonly approvals: ApprovalService;
  readonly timers: ApprovalTimers;
  readonly receipts: FakeReceipts;
}

export function harness(crm: Crm): Harness {
  const c = crm.container;
  const receipts = new FakeReceipts();
  const subjects = new ApprovalSubjects([{ businessType: 'receipt', subject: receipts }]);
  const deps = {
    uow: c.get<UnitOfWork>(UnitOfWork), flows: c.get<ApprovalFlowRepository>(ApprovalFlowRepository), instances: c.get<ApprovalInstanceRepository>(ApprovalInstanceRepository),
    directory: c.get<ApprovalDirectoryLoader>(ApprovalDirectoryLoader), subjects, timeline: c.get<Timeline>(Timeline), events: c.get<EventSink>(EventSink),
    clock: crm.clock, ids: c.get<IdGenerator>(IdGenerator),
  };
  return { approvals: new ApprovalService(deps), timers: new ApprovalTimers(deps), receipts };
}

export interface Person {
  readonly actor: Actor;
  readonly token: string;
}

/**
 * One firm per suite (people cost a password hash each): 孙露露 and 周销售 in sales, 赵财务 and 周财务 in finance,
 * 钱运营 in operations, nobody with the approver role; and another firm for isolation checks. Tests tell their own
 * instances apart by id.
 */
export interface Cast {
  readonly firm: TestFirm;
  readonly other: TestFirm;
  readonly sales: Person;
  readonly fin: Person;
  readonly fin2: Person;
  readonly ops: Person;
  /** Another sales person: self scope, so 孙露露's records are out of sight. */
  readonly sales2: Person;
  /** Saves the firm's receipt flow with these nodes (a new version when it exists) and returns its id. */
  receiptFlow(nodes: readonly NodeDef[], noApproverRule?: 'skip' | 'admin'): Promise<string>;
}

export async function aCast(crm: Crm): Promise<Cast> {
  const firm = await aFirm(crm);
  const other = await aFirm(crm);
  const [sales, fin, fin2, ops, sales2] = [
    await firm.person(['sales'], { name: '孙露露' }), await firm.person(['finance'], { name: '赵财务' }),
    await firm.person(['finance'], { name: '周财务' }), await firm.person(['operations'], { name: '钱运营' }), await firm.person(['sales'], { name: '周销售' }),
  ];
  let flow: { id: string; version: number } | null = null;
  return {
    firm, other, sales, fin, fin2, ops, sales2,
    async receiptFlow(nodes, noApproverRule = 'admin') {
      const saved = flow
        ? await crm.approvalFlows.update(firm.admin, flow.id, { version: flow.version, nodes, noApproverRule })
        : await crm.approvalFlows.create(firm.admin, { businessType: 'receipt', name: '回款审批', nodes, noApproverRule });
      flow = { id: saved.flow.id, version: saved.flow.version };
      return flow.id;
    },
  };
}

/** The error code of a promise that should fail, or 'ok'. */
export async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
}

/** Outbox event types of one instance, in order. */
export async function eventTypes(crm: Crm, tenantId: string, instanceId: string): Promise<string[]> {
  const rows = await crm.database.knex('outbox_events').where({ tenant_id: tenantId, subject_id: instanceId }).orderBy('id').select('type');
  return rows.map((r: { type: string }) => r.type);
}
