// A stage configuration is checked when loaded; each kind of mistake is named, every one of them listed.
import test from 'ava';
import fc from 'fast-check';
import { validateMachine } from '../../../core/shared/state-machine.js';
import { pipelineConfigProblems, validatePipelineConfig, type PipelineConfigProblemCode } from '../../../core/orders/pipeline-validation.js';
import { buildPipelineMachine } from '../../../core/orders/pipeline-machine.js';
import { DEFAULT_PIPELINE_CONFIG, PIPELINE_PRESETS, type PipelineConfig, type StageConfig } from '../../../core/orders/stage-config.js';
import { aValidConfig, holds } from './pipeline-arbitraries.js';

const BASE = DEFAULT_PIPELINE_CONFIG.stages;
/** The default stages with the i-th one changed. */
const withStage = (i: number, change: Partial<StageConfig>): PipelineConfig => ({
  stages: BASE.map((s, j) => (j === i ? { ...s, ...change } : s)),
});
const codes = (config: PipelineConfig): PipelineConfigProblemCode[] => pipelineConfigProblems(config).map((p) => p.code);

for (const [name, config] of Object.entries(PIPELINE_PRESETS)) {
  test(`the ${name} preset is a valid configuration whose machine validates`, (t) => {
    t.is(validatePipelineConfig(config), null);
    t.deepEqual(validateMachine(buildPipelineMachine(config)), []);
  });
}

const [ic, pn, aa, cw, done] = BASE as [StageConfig, StageConfig, StageConfig, StageConfig, StageConfig];

const BAD: readonly [string, PipelineConfig, PipelineConfigProblemCode[]][] = [
  ['no stages at all', { stages: [] }, ['too_few_stages', 'final_count']],
  ['only the final stage', { stages: [done] }, ['too_few_stages']],
  ['a key with spaces and capitals', withStage(0, { key: 'Initial Contact' }), ['invalid_key']],
  ['an empty key', withStage(1, { key: '' }), ['invalid_key']],
  ['a key named like an off-pipeline state', withStage(1, { key: 'lost' }), ['reserved_key']],
  ['a key named like an event', withStage(2, { key: 'advance' }), ['reserved_key']],
  ['the same key twice', withStage(1, { key: 'initial_contact' }), ['duplicate_key']],
  ['a blank name', withStage(2, { name: '  ' }), ['empty_name']],
  ['progress above 100', withStage(1, { progress: 120 }), ['progress_out_of_range']],
  ['negative progress', withStage(0, { progress: -1 }), ['progress_out_of_range']],
  ['fractional progress', withStage(1, { progress: 33.5 }), ['progress_out_of_range']],
  ['progress that is not a number', withStage(1, { progress: Number.NaN }), ['progress_out_of_range']],
  ['progress equal to the previous stage', withStage(1, { progress: 20 }), ['progress_not_rising']],
  ['progress below the previous stage', withStage(2, { progress: 30 }), ['progress_not_rising']],
  ['an unknown condition name', withStage(1, { exitGuards: ['has_plan', 'has_contract'] }), ['unknown_guard']],
  ['no final stage', withStage(4, { final: false }), ['final_count']],
  ['two final stages', { stages: [ic, pn, aa, { ...cw, exitGuards: [], final: true }, done] }, ['final_count', 'final_not_last', 'final_not_100']],
  ['a final stage below 100%', withStage(4, { progress: 90 }), ['final_not_100']],
  ['a final stage with exit conditions', withStage(4, { exitGuards: ['close_approved'] }), ['final_has_exit_guards']],
  [
    'the final stage in the middle, leaving the stages after it unreachable',
    { stages: [{ ...ic, progress: 10 }, { ...done, progress: 20 }, pn, aa, cw] },
    ['final_not_last', 'final_not_100', 'unreachable', 'unreachable', 'unreachable'],
  ],
];

for (const [what, config, expected] of BAD) {
  test(`a configuration with ${what} is refused: ${expected.join(', ')}`, (t) => {
    t.deepEqual(codes(config), expected);
    const e = validatePipelineConfig(config);
    if (e === null) return t.fail('expected order.invalid_pipeline');
    t.is(e.code, 'order.invalid_pipeline');
    t.is(e.kind, 'invalid');
    t.deepEqual(e.details.problems, pipelineConfigProblems(config));
    for (const p of pipelineConfigProblems(config)) t.true(e.text.zh.includes(p.zh) && e.text.en.includes(p.en));
  });
}

test('unreachable stages are named', (t) => {
  const problems = pipelineConfigProblems({ stages: [{ ...ic, progress: 10 }, { ...done, progress: 20 }, pn, aa, cw] });
  t.deepEqual(problems.filter((p) => p.code === 'unreachable').map((p) => p.stageKey), ['plan_negotiation', 'application_approval', 'contract_won']);
});

test('several mistakes are all listed at once', (t) => {
  const config = { stages: [{ ...ic, key: 'Bad' }, { ...pn, progress: 10, exitGuards: ['nope'] }, { ...done, progress: 99 }] };
  t.deepEqual(codes(config), ['invalid_key', 'unknown_guard', 'progress_not_rising', 'final_not_100']);
});

// Each mistake applied to any valid configuration is caught under its own code.
type Mutation = readonly [PipelineConfigProblemCode, (stages: StageConfig[], i: number) => StageConfig[]];
const MUTATIONS: readonly Mutation[] = [
  ['too_few_stages', (s) => s.slice(-1)],
  ['invalid_key', (s, i) => s.map((x, j) => (j === i ? { ...x, key: 'Not-A-Key' } : x))],
  ['reserved_key', (s, i) => s.map((x, j) => (j === i ? { ...x, key: 'cancelled' } : x))],
  ['duplicate_key', (s, i) => s.map((x, j) => (j === Math.max(i, 1) ? { ...x, key: s[0]?.key ?? '' } : x))],
  ['empty_name', (s, i) => s.map((x, j) => (j === i ? { ...x, name: '' } : x))],
  ['progress_out_of_range', (s, i) => s.map((x, j) => (j === i ? { ...x, progress: 101 } : x))],
  ['progress_not_rising', (s, i) => s.map((x, j) => (j === Math.max(i, 1) ? { ...x, progress: s[j - 1]?.progress ?? 0 } : x))],
  ['unknown_guard', (s, i) => s.map((x, j) => (j === i ? { ...x, exitGuards: [...x.exitGuards, 'no_such_guard'] } : x))],
  ['final_count', (s) => s.map((x) => ({ ...x, final: false }))],
  ['final_count', (s, i) => s.map((x, j) => (j === i ? { ...x, final: true } : x)).concat([{ key: 'extra_final', name: '另一终点', progress: 100, exitGuards: [], final: true }])],
  ['final_not_last', (s) => [...s.slice(-1), ...s.slice(0, -1)]],
  ['final_not_100', (s) => s.map((x) => (x.final ? { ...x, progress: 99 } : x))],
  ['final_has_exit_guards', (s) => s.map((x) => (x.final ? { ...x, exitGuards: ['close_approved'] } : x))],
  ['unreachable', (s) => [...s.slice(-1), ...s.slice(0, -1)]],
];

test('any valid configuration passes, and each kind of mistake made to it is caught by name', (t) => {
  holds(
    t,
    fc.property(aValidConfig, fc.nat(), (config, n) => {
      if (validatePipelineConfig(config) !== null) return false;
      const stages = [...config.stages];
      return MUTATIONS.every(([code, mutate]) => codes({ stages: mutate(stages, n % (stages.length - 1)) }).includes(code));
    }),
  );
});
