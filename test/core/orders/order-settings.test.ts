// A tenant's order settings: the stage set is checked when saved (the pipeline's rules and the won stage's),
// no stage that holds orders may be dropped, and the required-field list names known fields.
import test from 'ava';
import {
  DEFAULT_ORDER_SETTINGS, checkPipelineConfig, checkRequiredProfileFields, droppedStagesInUse, isOpenStage, orderStatus, wonStage,
} from '../../../core/orders/order-settings.js';
import { CONTRACT_FIRST_PIPELINE_CONFIG, DEFAULT_PIPELINE_CONFIG, PIPELINE_PRESETS, type PipelineConfig, type StageConfig } from '../../../core/orders/stage-config.js';
import { isDomainError } from '../../../core/shared/domain-error.js';

const withWon = (keys: string[]): PipelineConfig => ({ stages: DEFAULT_PIPELINE_CONFIG.stages.map((s): StageConfig => ({ ...s, won: keys.includes(s.key) })) });
const problemCodes = (c: PipelineConfig): string[] => ((checkPipelineConfig(c)?.details.problems ?? []) as { code: string }[]).map((p) => p.code);

test('a new tenant runs on the default stages with the brochure\'s required fields, at version 0', (t) => {
  t.is(DEFAULT_ORDER_SETTINGS.pipeline, DEFAULT_PIPELINE_CONFIG);
  t.is(DEFAULT_ORDER_SETTINGS.version, 0);
  t.is(DEFAULT_ORDER_SETTINGS.preset, 'default');
});

test('both presets pass the save-time check and name their won stage', (t) => {
  for (const p of Object.values(PIPELINE_PRESETS)) t.is(checkPipelineConfig(p), null);
  t.is(wonStage(DEFAULT_PIPELINE_CONFIG)?.name, '合同赢单');
  t.is(wonStage(CONTRACT_FIRST_PIPELINE_CONFIG)?.key, 'product_application');
});

const WON: readonly [string, string[], string[]][] = [
  ['no won stage at all', [], []],
  ['one won stage in the middle', ['plan_negotiation'], []],
  ['two won stages', ['plan_negotiation', 'contract_won'], ['won_count']],
  ['the first stage (nothing leads into it)', ['initial_contact'], ['won_position']],
  ['the final stage (reached only by the close)', ['completed'], ['won_position']],
];
for (const [what, keys, codes] of WON) {
  test(`the won flag on ${what}: ${codes.join(', ') || 'accepted'}`, (t) => {
    t.deepEqual(problemCodes(withWon(keys)), codes);
  });
}

test('a broken stage set lists the pipeline\'s problems and the won stage\'s under order.invalid_pipeline', (t) => {
  const broken: PipelineConfig = { stages: [{ key: 'only', name: '唯一', progress: 100, exitGuards: [], final: true, won: true }] };
  const e = checkPipelineConfig(broken);
  t.is(e?.code, 'order.invalid_pipeline');
  t.deepEqual(problemCodes(broken), ['too_few_stages', 'won_position']);
});

test('a stage that holds orders, or that lost and cancelled orders left, cannot be dropped', (t) => {
  const e = droppedStagesInUse(CONTRACT_FIRST_PIPELINE_CONFIG, { initial_contact: 3, plan_negotiation: 2, lost: 1, application_approval: 0 });
  t.is(e?.code, 'order.stage_in_use');
  t.deepEqual(e?.details.stages, { plan_negotiation: 2 });
  t.is(droppedStagesInUse(DEFAULT_PIPELINE_CONFIG, { initial_contact: 3, cancelled: 4 }), null);
});

test('the required-field list keeps form order, always includes the company name, and refuses unknown fields', (t) => {
  t.deepEqual(checkRequiredProfileFields(['idCardFront', 'taxId']), ['companyName', 'taxId', 'idCardFront']);
  const e = (() => {
    try {
      checkRequiredProfileFields(['taxId', 'shoeSize']);
    } catch (x) {
      return isDomainError(x) ? x : null;
    }
    return null;
  })();
  t.deepEqual(e?.fieldErrors.map((f) => f.code), ['unknown_field']);
});

const STATUS: readonly [string, 'open' | 'completed' | 'lost' | 'cancelled', boolean][] = [
  ['initial_contact', 'open', true],
  ['contract_won', 'open', true],
  ['completed', 'completed', false],
  ['lost', 'lost', false],
  ['cancelled', 'cancelled', false],
];
for (const [stage, status, open] of STATUS) {
  test(`an order in ${stage} is ${status}`, (t) => {
    t.is(orderStatus(DEFAULT_PIPELINE_CONFIG, { stageKey: stage }), status);
    t.is(isOpenStage(DEFAULT_PIPELINE_CONFIG, stage), open);
  });
}
