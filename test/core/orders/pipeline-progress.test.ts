import test from 'ava';
import { DomainError } from '../../../core/shared/domain-error.js';
import { stageProgress, stageRows } from '../../../core/orders/pipeline-progress.js';
import { CONTRACT_FIRST_PIPELINE_CONFIG, DEFAULT_PIPELINE_CONFIG as CFG } from '../../../core/orders/stage-config.js';
import { anOrder } from './pipeline-fixtures.js';

const PROGRESS: readonly [string, number][] = [
  ['initial_contact', 20],
  ['plan_negotiation', 40],
  ['application_approval', 60],
  ['contract_won', 80],
  ['completed', 100],
];
for (const [stage, pct] of PROGRESS) {
  test(`an order in ${stage} is ${pct}% done, by key or by state`, (t) => {
    t.is(stageProgress(CFG, stage), pct);
    t.is(stageProgress(CFG, anOrder(stage)), pct);
  });
}

test('a lost or cancelled order shows the progress of the stage it left', (t) => {
  t.is(stageProgress(CFG, anOrder('lost', { stageBeforeOff: 'application_approval' })), 60);
  t.is(stageProgress(CFG, anOrder('cancelled', { stageBeforeOff: 'initial_contact' })), 20);
});

test('the brochure preset has its own names at the same percentages', (t) => {
  t.deepEqual(
    CONTRACT_FIRST_PIPELINE_CONFIG.stages.map((s) => [s.name, stageProgress(CONTRACT_FIRST_PIPELINE_CONFIG, s.key)]),
    [['初次沟通', 20], ['合同洽谈', 40], ['产品申请', 60], ['内部审核', 80], ['订单完成', 100]],
  );
});

test('a bare "lost" key is a programming error: the stage it left is needed', (t) => {
  const e = t.throws(() => stageProgress(CFG, 'lost'));
  t.false(e instanceof DomainError);
});

test('a stage the tenant no longer has is reported as order.unknown_stage', (t) => {
  const e = t.throws(() => stageProgress(CFG, 'retired_stage'));
  t.true(e instanceof DomainError);
  t.is((e as DomainError).code, 'order.unknown_stage');
});

const flags = (rows: ReturnType<typeof stageRows>): string => rows.map((r) => (r.current ? 'C' : r.reached ? 'R' : '-')).join('');

test('the detail screen marks the stages passed and the current one', (t) => {
  const rows = stageRows(CFG, 'application_approval');
  t.is(flags(rows), 'RRC--');
  t.deepEqual(rows[4], { key: 'completed', name: '订单完成', progress: 100, reached: false, current: false, final: true });
  t.deepEqual(rows[2], { key: 'application_approval', name: '申请批核', progress: 60, reached: true, current: true, final: false });
});

test('rows follow the order from first to final stage', (t) => {
  t.is(flags(stageRows(CFG, 'initial_contact')), 'C----');
  t.is(flags(stageRows(CFG, anOrder('completed'))), 'RRRRC');
});

test('a lost or cancelled order has no current stage, and is reached up to the stage it left', (t) => {
  t.is(flags(stageRows(CFG, anOrder('lost', { stageBeforeOff: 'plan_negotiation' }))), 'RR---');
  t.is(flags(stageRows(CFG, anOrder('cancelled', { stageBeforeOff: 'contract_won' }))), 'RRRR-');
});
