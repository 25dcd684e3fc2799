// Task rules as data: a firm's settings over the product's rules, the threshold, and the task a rule makes.
import test from 'ava';
import { DomainError } from '../../../core/shared/domain-error.js';
import { checkRuleSetting, DEFAULT_TASK_RULES, effectiveRules, ruleTaskDraft, ruleThreshold, type RuleCandidate } from '../../../core/workcenter/task-rules.js';

const applying = DEFAULT_TASK_RULES.find((r) => r.key === 'application_applying');

test('the product ships "follow up an application after 3 days in 申请中", switched on', (t) => {
  t.like(applying, { condition: { kind: 'application_in_status', status: 'applying' }, afterDays: 3, enabled: true, priority: 'high' });
});

test('a firm\'s setting replaces enabled, days, hours and priority of its rule only', (t) => {
  const rules = effectiveRules(DEFAULT_TASK_RULES, [{ ruleKey: 'application_applying', enabled: false, afterDays: 5, dueInHours: 48, priority: 'urgent' }]);
  t.like(rules.find((r) => r.key === 'application_applying'), { enabled: false, afterDays: 5, dueInHours: 48, priority: 'urgent' });
  t.deepEqual(rules.find((r) => r.key === 'follow_up_overdue'), DEFAULT_TASK_RULES.find((r) => r.key === 'follow_up_overdue'));
});

test('records qualify once the condition began at least afterDays before now', (t) => {
  t.deepEqual(ruleThreshold({ afterDays: 3 }, new Date('2026-11-30T08:00:00Z')), new Date('2026-11-27T08:00:00Z'));
});

test('settings outside their ranges, or for an unknown rule, are refused', (t) => {
  t.is(t.throws(() => checkRuleSetting(DEFAULT_TASK_RULES, { ruleKey: 'nope', enabled: true, afterDays: 1, dueInHours: 1, priority: 'low' }), { instanceOf: DomainError })?.code, 'task_rule.not_found');
  const e = t.throws(() => checkRuleSetting(DEFAULT_TASK_RULES, { ruleKey: 'application_applying', enabled: true, afterDays: -1, dueInHours: 0, priority: 'asap' as never }), { instanceOf: DomainError });
  t.deepEqual(e?.fieldErrors.map((f) => f.path), ['/afterDays', '/dueInHours', '/priority']);
});

test('a rule\'s task reads the record\'s values and is due dueInHours after it is made', (t) => {
  const candidate: RuleCandidate = {
    record: 'application:l-1', occasion: new Date('2026-11-20T00:00:00Z'), relatedType: 'order', relatedId: 'o-1', assigneeId: 'u-1', departmentId: null,
    values: { productName: '税E贷', companyName: '盛博科技', orderTitle: '企业信用贷', institution: '建设银行' },
  };
  const now = new Date('2026-11-27T01:00:00Z');
  const draft = ruleTaskDraft(applying as NonNullable<typeof applying>, candidate, now, 'Asia/Shanghai');
  t.deepEqual(draft, {
    title: '跟进申请：税E贷（盛博科技）',
    description: '订单「企业信用贷」的税E贷申请已在「申请中」3 天，请向建设银行了解进度并更新申请状态。',
    dueAt: new Date('2026-11-28T01:00:00Z'),
    priority: 'high',
  });
});
