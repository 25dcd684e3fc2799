import test from 'ava';
import { DomainError } from '../../../core/shared/domain-error.js';
import { type ApproverSpec, type Condition } from '../../../core/approvals/index.js';
import { aDirectory, aFlow, aNode, decideBy, submitted, summary } from './builders.js';

const bigLoan: Condition = { field: 'amountFen', op: 'gt', value: 10_000_000 }; // over 100,000 yuan
const mortgage: Condition = { field: 'product.category', op: 'eq', value: '企业经营性抵押贷' };
const twoLevels = aFlow([
  aNode({ key: 'level1', name: '订单一级审批' }),
  aNode({ key: 'level2', name: '订单二级审批', approvers: { kind: 'users', userIds: ['wang'] }, condition: { any: [bigLoan, mortgage] } }),
]);

const applies: [string, Record<string, unknown>, boolean][] = [
  ['200,000 yuan (over 100,000)', { amountFen: 20_000_000 }, true],
  ['exactly 100,000 yuan', { amountFen: 10_000_000 }, false],
  ['50,000 yuan of 企业经营性抵押贷', { amountFen: 5_000_000, product: { category: '企业经营性抵押贷' } }, true],
  ['50,000 yuan of 税贷', { amountFen: 5_000_000, product: { category: '税贷' } }, false],
];

for (const [name, subject, expected] of applies) {
  test(`二级审批 ${expected ? 'applies' : 'is skipped'} for ${name}`, (t) => {
    const { instance } = decideBy(submitted(twoLevels, { subject }).instance, 'li', 'approve');
    t.deepEqual(instance.nodeApplies, [true, expected]);
    t.deepEqual(summary(instance), expected ? ['level1:li:approved', 'level2:wang:pending'] : ['level1:li:approved', 'level2:-:skipped']);
    t.is(instance.status, expected ? 'pending' : 'approved');
    if (!expected) t.like(instance.tasks[1], { automatic: true, reason: 'condition_not_met', actualApproverId: null });
  });
}

test('a first node whose condition fails is skipped at submission and the next one opens', (t) => {
  const flow = aFlow([aNode({ key: 'big', condition: bigLoan }), aNode({ key: 'std', approvers: { kind: 'users', userIds: ['wang'] } })]);
  const { instance } = submitted(flow, { subject: { amountFen: 100 } });
  t.deepEqual(summary(instance), ['big:-:skipped', 'std:wang:pending']);
  t.is(instance.currentNodeIndex, 1);
});

test('when no node applies the instance is approved at submission', (t) => {
  const { instance, effects } = submitted(aFlow([aNode({ key: 'big', condition: bigLoan })]), { subject: { amountFen: 100 } });
  t.is(instance.status, 'approved');
  t.deepEqual(effects.events.map((e) => e.type), ['approval.submitted', 'approval.approved']);
});

const resolved: [string, ApproverSpec, Record<string, string[]>, string[]][] = [
  ['named users, the inactive one left out', { kind: 'users', userIds: ['zhou', 'wang', 'li'] }, {}, ['wang', 'li']],
  ['everyone active with a role', { kind: 'role', role: 'finance' }, {}, ['zhao', 'qian']],
  ['the submitter\'s department head', { kind: 'department_head', levelsUp: 0 }, {}, ['li']],
  ['the head one level up', { kind: 'department_head', levelsUp: 1 }, {}, ['wang']],
  ['the people the submitter chose (请选择审批人)', { kind: 'submitter_chooses' }, { n: ['zhao', 'wang', 'zhao'] }, ['zhao', 'wang']],
];

for (const [name, approvers, chosenApprovers, expected] of resolved) {
  test(`approvers resolve to ${name}`, (t) => {
    const { instance } = submitted(aFlow([aNode({ key: 'n', approvers, mode: 'all' })]), { chosenApprovers });
    t.deepEqual(instance.tasks.map((x) => x.appointedApproverId), expected);
  });
}

const badChoices: [string, ApproverSpec, Record<string, string[]>, string[]][] = [
  ['no choice for a choosing node', { kind: 'submitter_chooses' }, {}, ['/chosenApprovers/n approval.approver_required']],
  ['an inactive person', { kind: 'submitter_chooses' }, { n: ['zhou'] }, ['/chosenApprovers/n approval.approver_not_eligible']],
  ['someone without the required role', { kind: 'submitter_chooses', role: 'finance' }, { n: ['li'] }, ['/chosenApprovers/n approval.approver_not_eligible']],
  ['a choice for a node that does not ask for one', { kind: 'users', userIds: ['li'] }, { n: ['wang'] }, ['/chosenApprovers/n approval.not_a_choosing_node']],
];

for (const [name, approvers, chosenApprovers, expected] of badChoices) {
  test(`submission is refused for ${name}`, (t) => {
    const e = t.throws(() => submitted(aFlow([aNode({ key: 'n', approvers })]), { chosenApprovers }), { instanceOf: DomainError });
    t.is(e?.code, 'validation.failed');
    t.deepEqual(e?.fieldErrors.map((f) => `${f.path} ${f.code}`), expected);
  });
}

test('a choosing node that does not apply needs no choice', (t) => {
  const flow = aFlow([aNode({ key: 'n', approvers: { kind: 'submitter_chooses' }, condition: bigLoan }), aNode({ key: 'm' })]);
  t.deepEqual(summary(submitted(flow, { subject: { amountFen: 1 } }).instance), ['n:-:skipped', 'm:li:pending']);
});

test('a flow of another business type is refused with approval.flow_mismatch', (t) => {
  const e = t.throws(() => submitted(twoLevels, { businessType: 'receipt' }), { instanceOf: DomainError });
  t.is(e?.code, 'approval.flow_mismatch');
});

test('an invalid stored flow is refused at submission with approval.invalid_flow', (t) => {
  const broken = aFlow([aNode({ key: 'n', condition: { field: 'amountFen', op: 'above', value: 1 } as unknown as Condition })]);
  t.is(t.throws(() => submitted(broken), { instanceOf: DomainError })?.code, 'approval.invalid_flow');
});

test('the directory is read, never changed', (t) => {
  const directory = aDirectory();
  const copy = structuredClone(directory);
  submitted(twoLevels, { directory });
  t.deepEqual(directory, copy);
});
