// The briefing's 完成率: which target period a briefing period is, whose target the scope's figures meet, and the
// ranking rows beside their targets.
import test from 'ava';
import { figuresAttainment, periodsToLoad, rankingAttainment, scopeSubject, targetPeriodOf } from '../../../core/briefing/attainment.js';
import type { Target } from '../../../core/targets/index.js';

test('a month, a quarter and a year have a target period; a day, a week and custom dates none', (t) => {
  t.is(targetPeriodOf({ kind: 'month', fromDate: '2026-11-01' }), '2026-11');
  t.is(targetPeriodOf({ kind: 'quarter', fromDate: '2026-10-01' }), '2026-Q4');
  t.is(targetPeriodOf({ kind: 'year', fromDate: '2026-01-01' }), '2026');
  for (const kind of ['today', 'week', 'custom'] as const) t.is(targetPeriodOf({ kind, fromDate: '2026-11-26' }), null);
  t.deepEqual(periodsToLoad('2026-11'), ['2026-11', '2026-Q4']);
  t.deepEqual(periodsToLoad('2026-Q4'), ['2026-Q4', '2026-10', '2026-11', '2026-12']);
  t.is(periodsToLoad('2026').length, 16);
  t.deepEqual(periodsToLoad(null), []);
});

const figures = { contractFen: 1_000_000, contractCount: 1, disbursedFen: 0, collectedFen: 300_000, receiptCount: 1, newInquiries: 0, followUps: 0 };
const targets: Target[] = [
  { subjectKind: 'person', subjectId: 'p1', metric: 'collected', period: '2026-11', amountFen: 900_000 },
  { subjectKind: 'person', subjectId: 'p1', metric: 'contract', period: '2026-Q4', amountFen: 3_000_000 },
  { subjectKind: 'department', subjectId: 'd1', metric: 'collected', period: '2026-11', amountFen: 600_000 },
];

test('the figures against the scope subject’s targets; the whole firm has none', (t) => {
  const person = { kind: 'person' as const, departmentId: null, userId: 'p1', departmentIds: null, ownerId: 'p1' };
  const a = figuresAttainment(figures, targets, '2026-11', person);
  t.deepEqual([a.collected.attainment?.text, a.contract.targetFen, a.contract.attainment?.text, a.disbursed.attainment], ['33.3%', 1_000_000, '100.0%', null]);
  const firm = { kind: 'tenant' as const, departmentId: null, userId: null, departmentIds: null, ownerId: null };
  t.is(scopeSubject(firm), null);
  t.is(figuresAttainment(figures, targets, '2026-11', firm).collected.attainment, null);
  t.is(figuresAttainment(figures, targets, null, person).collected.targetFen, null);
  const dept = { kind: 'department' as const, departmentId: 'd1', userId: null, departmentIds: ['d1'], ownerId: null };
  t.is(figuresAttainment(figures, targets, '2026-11', dept).collected.attainment?.text, '50.0%');
});

test('each ranking row keeps its place and shows its 回款 target', (t) => {
  const rows = [{ id: 'p2', name: '周', amountFen: 500_000, rank: 1 }, { id: 'p1', name: '孙', amountFen: 300_000, rank: 2 }];
  t.deepEqual(rankingAttainment(rows, 'person', targets, '2026-11').map((r) => [r.id, r.targetFen, r.attainment?.text ?? null]), [['p2', null, null], ['p1', 900_000, '33.3%']]);
});
