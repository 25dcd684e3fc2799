import test from 'ava';
import { buildFunnel, percentOf } from '../../../core/briefing/funnel.js';

const stages = [
  { key: 'initial_contact', name: '初次沟通' }, { key: 'plan_negotiation', name: '方案洽谈' }, { key: 'application_approval', name: '申请批核' },
  { key: 'contract_won', name: '合同赢单' }, { key: 'completed', name: '订单完成' },
];

test('the funnel counts every order up to where it got, lost and cancelled ones up to the stage they left', (t) => {
  const f = buildFunnel(stages, [
    { stageKey: 'initial_contact', offFrom: null, count: 4 },
    { stageKey: 'plan_negotiation', offFrom: null, count: 3 },
    { stageKey: 'contract_won', offFrom: null, count: 2 },
    { stageKey: 'completed', offFrom: null, count: 1 },
    { stageKey: 'lost', offFrom: 'plan_negotiation', count: 2 },
    { stageKey: 'cancelled', offFrom: 'initial_contact', count: 1 },
    { stageKey: 'retired_stage', offFrom: null, count: 5 },
  ]);
  // Hand-computed: reached initial 13, plan 8, approval 3, contract 3, completed 1.
  t.deepEqual(f.stages.map((s) => [s.key, s.current, s.reached, s.conversionPercent]), [
    ['initial_contact', 4, 13, null],
    ['plan_negotiation', 3, 8, 61.5],
    ['application_approval', 0, 3, 37.5],
    ['contract_won', 2, 3, 100],
    ['completed', 1, 1, 33.3],
  ]);
  t.deepEqual([f.lost, f.cancelled, f.total], [2, 1, 18]);
});

test('conversion after a stage nobody reached is null, and percentages round half up to one decimal', (t) => {
  const f = buildFunnel(stages, []);
  t.deepEqual(f.stages.map((s) => s.conversionPercent), [null, null, null, null, null]);
  t.is(percentOf(2, 3), 66.7);
  t.is(percentOf(1, 8), 12.5);
  t.is(percentOf(1, 0), null);
});
