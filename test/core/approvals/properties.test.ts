import test from 'ava';
import fc from 'fast-check';
import { DomainError } from '../../../core/shared/domain-error.js';
import {
  decide, flowProblems, onTimer, submit, transfer, withdraw,
  type ApprovalInstance, type ApprovalStep, type ApproverSpec, type Directory, type FlowDefinition, type NodeDef,
} from '../../../core/approvals/index.js';
import { hoursAfter, T0 } from './builders.js';

const PEOPLE = ['u1', 'u2', 'u3', 'u4'];
const ROLES = ['r1', 'r2'];
const ADMIN = 'admin';
const SUBMITTER = 'sub';
const EVERYONE = [...PEOPLE, ADMIN, SUBMITTER, 'stranger'];

const directoryArb: fc.Arbitrary<Directory> = fc
  .record({
    active: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    roles: fc.array(fc.subarray(ROLES), { minLength: 4, maxLength: 4 }),
    heads: fc.array(fc.option(fc.constantFrom(...PEOPLE), { nil: null }), { maxLength: 3 }),
  })
  .map(({ active, roles, heads }) => ({
    users: [
      ...PEOPLE.map((id, i) => ({ id, active: active[i] !== false || i === 0, roles: roles[i] ?? [] })),
      { id: ADMIN, active: true, roles: [] },
      { id: SUBMITTER, active: true, roles: [] },
    ],
    submitterDepartmentHeads: heads,
    administratorIds: [ADMIN],
  }));

const approversArb: fc.Arbitrary<ApproverSpec> = fc.oneof(
  fc.subarray(PEOPLE, { minLength: 1 }).map((userIds): ApproverSpec => ({ kind: 'users', userIds })),
  fc.constantFrom(...ROLES).map((role): ApproverSpec => ({ kind: 'role', role })),
  fc.integer({ min: 0, max: 3 }).map((levelsUp): ApproverSpec => ({ kind: 'department_head', levelsUp })),
  fc.option(fc.constantFrom(...ROLES), { nil: undefined }).map((role): ApproverSpec => (role ? { kind: 'submitter_chooses', role } : { kind: 'submitter_chooses' })),
);

const nodeArb = (key: string): fc.Arbitrary<NodeDef> =>
  fc
    .record({
      approvers: approversArb,
      mode: fc.constantFrom('sequential', 'any', 'all' as const),
      threshold: fc.option(fc.constantFrom(0, 5_000_000, 20_000_000), { nil: undefined }),
      onReject: fc.constantFrom('end', 'previous' as const),
      timeLimitHours: fc.option(fc.integer({ min: 1, max: 48 }), { nil: undefined }),
      onTimeout: fc.constantFrom('remind', 'escalate', 'auto_approve', 'auto_reject' as const),
      graceHours: fc.integer({ min: 0, max: 6 }),
    })
    .map(({ approvers, mode, threshold, onReject, timeLimitHours, onTimeout, graceHours }) => ({
      key, name: `节点${key}`, approvers, mode, onReject,
      ...(threshold === undefined ? {} : { condition: { field: 'amountFen', op: 'gt' as const, value: threshold } }),
      ...(timeLimitHours === undefined ? {} : { timeLimitHours, onTimeout, ...(onTimeout === 'remind' ? {} : { graceHours }) }),
    }));

const flowArb: fc.Arbitrary<FlowDefinition> = fc
  .record({
    nodes: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => nodeArb(`n${i}`)))),
    noApproverRule: fc.constantFrom('skip', 'admin' as const),
  })
  .map(({ nodes, noApproverRule }) => ({ id: 'f', tenantId: 'tenant', businessType: 'order_review', name: 'flow', version: 1, nodes, noApproverRule }));

const attemptArb = fc.record({
  kind: fc.constantFrom('decide', 'decide', 'decide', 'transfer', 'withdraw', 'timer', 'retry'),
  preferOpen: fc.boolean(),
  pick: fc.nat(),
  who: fc.constantFrom('appointed', 'appointed', 'admin', 'anyone'),
  anyone: fc.constantFrom(...EVERYONE),
  onBehalf: fc.boolean(),
  decision: fc.constantFrom('approve', 'reject' as const),
  toUser: fc.constantFrom(...EVERYONE),
  hours: fc.integer({ min: 0, max: 30 }),
});
type Attempt = typeof attemptArb extends fc.Arbitrary<infer A> ? A : never;

/** The submitter chooses eligible people where a node asks (none eligible: the submission is refused). */
function choices(flow: FlowDefinition, directory: Directory, pick: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const node of flow.nodes) {
    if (node.approvers.kind !== 'submitter_chooses') continue;
    const role = node.approvers.role;
    const eligible = directory.users.filter((u) => u.active && PEOPLE.includes(u.id) && (role === undefined || u.roles.includes(role))).map((u) => u.id);
    out[node.key] = eligible.slice(0, 1 + (pick % Math.max(1, eligible.length)));
  }
  return out;
}

const EXPECTED_CODES = new Set([
  'approval.already_decided', 'approval.not_your_task', 'approval.task_not_open', 'approval.withdraw_not_allowed',
  'approval.not_submitter', 'approval.transfer_to_self', 'approval.transferee_inactive', 'approval.transferee_already_assigned',
  'approval.opinion_required', 'approval.task_not_found', 'approval.request_id_reused',
]);

function check(holds: boolean, what: string): void {
  if (!holds) throw new Error(what);
}

test('for random flows and random attempts by random people, an instance ends exactly once and every decision was allowed', (t) => {
  const ended = new Map<string, number>();
  let refused = 0;
  fc.assert(
    fc.property(flowArb, directoryArb, fc.nat(), fc.integer({ min: 0, max: 30_000_000 }), fc.array(attemptArb, { maxLength: 25 }), (flow, directory, pick, amountFen, attempts) => {
      if (flowProblems(flow).length > 0) throw new Error(`generator made an invalid flow: ${JSON.stringify(flowProblems(flow))}`);
      let n = 0;
      const ids = (): string => `id${++n}`;
      let step: ApprovalStep;
      try {
        step = submit({ flow, businessType: 'order_review', businessId: 'b1', subject: { amountFen }, submitterId: SUBMITTER, chosenApprovers: choices(flow, directory, pick), directory, now: T0, ids });
      } catch (e) {
        // Only a chooser node with nobody eligible refuses a generated submission.
        if (e instanceof DomainError && e.code === 'validation.failed') {
          refused++;
          return true;
        }
        throw e;
      }
      let instance = step.instance;
      const outcomes: string[] = step.effects.events.filter((e) => e.type !== 'approval.submitted').map((e) => e.type);
      let clock = 0;
      let last: ((i: ApprovalInstance) => ApprovalStep) | null = null;

      const run = (a: Attempt, k: number): void => {
        clock += a.hours;
        const now = hoursAfter(clock);
        const open = instance.tasks.filter((x) => x.status === 'pending');
        const pool = a.preferOpen && open.length > 0 ? open : instance.tasks;
        const task = pool[a.pick % pool.length];
        const actor = a.who === 'appointed' ? task?.appointedApproverId ?? SUBMITTER : a.who === 'admin' ? ADMIN : a.anyone;
        const requestId = `req${k}`;
        let action: ((i: ApprovalInstance) => ApprovalStep) | null;
        switch (a.kind) {
          case 'decide':
            action = task ? (i) => decide(i, { taskId: task.id, actorId: actor, onBehalf: a.onBehalf, decision: a.decision, opinion: '意见', requestId, now, directory, ids }) : null;
            break;
          case 'transfer':
            action = task ? (i) => transfer(i, { taskId: task.id, actorId: actor, onBehalf: a.onBehalf, toUserId: a.toUser, requestId, now, directory, ids }) : null;
            break;
          case 'withdraw':
            action = (i) => withdraw(i, { actorId: a.who === 'appointed' ? SUBMITTER : actor, requestId, now });
            break;
          case 'timer':
            action = (i) => onTimer(i, { now, directory, ids });
            break;
          case 'retry':
            action = last;
            break;
        }
        if (!action) return;
        const before = instance;
        let result: ApprovalStep;
        try {
          result = action(before);
        } catch (e) {
          if (!(e instanceof DomainError) || !EXPECTED_CODES.has(e.code)) throw e;
          return;
        }
        if (a.kind === 'retry') {
          check(result.replayed && result.instance === before && result.effects.events.length === 0, 'a retry with the same requestId changed something');
        } else {
          check(result.instance === before || result.instance.version === before.version + 1, `version went from ${before.version} to ${result.instance.version}`);
        }
        check(before.status === 'pending' || result.instance.status === before.status, `an ended instance moved: ${before.status} → ${result.instance.status}`);
        // Open tasks belong only to the current opening of the current node.
        const live = result.instance.tasks.filter((x) => x.status === 'pending' || x.status === 'waiting');
        check(live.every((x) => x.nodeIndex === result.instance.currentNodeIndex && x.activation === result.instance.activations), 'a task stayed open outside the current node');
        outcomes.push(...result.effects.events.map((e) => e.type));
        instance = result.instance;
        if (a.kind !== 'timer' && a.kind !== 'retry') last = action;
      };
      attempts.forEach(run);

      // Ends exactly once: one outcome event iff the instance left pending, matching its status.
      const expected = instance.status === 'pending' ? [] : [`approval.${instance.status}`];
      check(JSON.stringify(outcomes) === JSON.stringify(expected), `outcome events ${JSON.stringify(outcomes)} for status ${instance.status}`);
      ended.set(instance.status, (ended.get(instance.status) ?? 0) + 1);
      // Never silently stuck: a pending instance always has an open task someone can act on.
      check(instance.status !== 'pending' || instance.tasks.some((x) => x.status === 'pending'), 'a pending instance has no open task');
      check(instance.status === 'pending' || !instance.tasks.some((x) => x.status === 'pending' || x.status === 'waiting'), 'an ended instance kept an open task');
      // Every recorded decision or transfer was made by someone allowed.
      for (const x of instance.tasks) {
        if (!['approved', 'rejected', 'transferred'].includes(x.status)) continue;
        const allowed = x.automatic
          ? x.actualApproverId === null
          : x.onBehalf
            ? x.actualApproverId === ADMIN
            : x.actualApproverId !== null && x.actualApproverId === x.appointedApproverId;
        check(allowed, `task ${x.id} settled by ${x.actualApproverId} (appointed ${x.appointedApproverId}, onBehalf ${x.onBehalf})`);
        if (x.status === 'transferred') {
          const next = instance.tasks.find((y) => y.transferredFromTaskId === x.id);
          check(next?.appointedApproverId === x.transferredToUserId, `transfer of ${x.id} did not reach its transferee`);
        }
      }
      return true;
    }),
    { numRuns: 400 },
  );
  // The runs are not vacuous: every ending (and still pending) is reached, few submissions are refused.
  t.deepEqual([...ended.keys()].sort(), ['approved', 'pending', 'rejected', 'withdrawn']);
  t.true(refused < 100, `${refused} of 400 generated submissions were refused`);
});
