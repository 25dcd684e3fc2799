// Exhaustive: every state × every event, for both shipped stage sets, with all conditions met and well-formed
// payloads, so that only the table decides. A cell is the state the event leads to, or ✗ for refused.
import test from 'ava';
import { isDomainError } from '../../../core/shared/domain-error.js';
import { eventsFrom, validateMachine } from '../../../core/shared/state-machine.js';
import { transition } from '../../../core/orders/pipeline.js';
import { PIPELINE_EVENT_TYPES, buildPipelineMachine, type PipelineEventType } from '../../../core/orders/pipeline-machine.js';
import { PIPELINE_PRESETS, type PipelineConfig } from '../../../core/orders/stage-config.js';
import { ALL_MET, anEvent, anOrder } from './pipeline-fixtures.js';

type Row = readonly [state: string, ...cells: string[]];
const X = '✗';

// Lost and cancelled orders in these tables left the second stage.
const DEFAULT_MATRIX: readonly Row[] = [
  // state                  advance                 rollback           hand_over               mark_lost cancel       reopen              complete
  ['initial_contact',       'plan_negotiation',     X,                 'initial_contact',      'lost',   'cancelled', X,                  X],
  ['plan_negotiation',      'application_approval', 'initial_contact', 'plan_negotiation',     'lost',   'cancelled', X,                  X],
  ['application_approval',  'contract_won',         'initial_contact', 'application_approval', 'lost',   'cancelled', X,                  X],
  ['contract_won',          X,                      'initial_contact', 'contract_won',         'lost',   'cancelled', X,                  'completed'],
  ['completed',             X,                      X,                 X,                      X,        X,           X,                  X],
  ['lost',                  X,                      X,                 X,                      X,        X,           'plan_negotiation', X],
  ['cancelled',             X,                      X,                 X,                      X,        X,           'plan_negotiation', X],
];

const CONTRACT_FIRST_MATRIX: readonly Row[] = [
  // state                  advance                 rollback           hand_over               mark_lost cancel       reopen                  complete
  ['initial_contact',       'contract_negotiation', X,                 'initial_contact',      'lost',   'cancelled', X,                      X],
  ['contract_negotiation',  'product_application',  'initial_contact', 'contract_negotiation', 'lost',   'cancelled', X,                      X],
  ['product_application',   'internal_review',      'initial_contact', 'product_application',  'lost',   'cancelled', X,                      X],
  ['internal_review',       X,                      'initial_contact', 'internal_review',      'lost',   'cancelled', X,                      'completed'],
  ['completed',             X,                      X,                 X,                      X,        X,           X,                      X],
  ['lost',                  X,                      X,                 X,                      X,        X,           'contract_negotiation', X],
  ['cancelled',             X,                      X,                 X,                      X,        X,           'contract_negotiation', X],
];

const MATRICES: readonly [string, PipelineConfig, readonly Row[]][] = [
  ['default', PIPELINE_PRESETS.default, DEFAULT_MATRIX],
  ['contract_first', PIPELINE_PRESETS.contract_first, CONTRACT_FIRST_MATRIX],
];

for (const [preset, config, matrix] of MATRICES) {
  const second = config.stages[1]?.key ?? '';
  const orderIn = (state: string) => (state === 'lost' || state === 'cancelled' ? anOrder(state, { stageBeforeOff: second }) : anOrder(state));

  test(`${preset}: the matrix covers every state of the built machine, and the machine validates`, (t) => {
    t.deepEqual(matrix.map((r) => r[0]), buildPipelineMachine(config).states);
    t.deepEqual(validateMachine(buildPipelineMachine(config)), []);
  });

  for (const [state, ...cells] of matrix) {
    PIPELINE_EVENT_TYPES.forEach((type: PipelineEventType, i) => {
      const expected = cells[i] ?? X;
      const outcome = expected === X ? 'is refused with order.transition_not_allowed' : `leads to ${expected}`;
      test(`${preset}: ${type} in ${state} ${outcome}`, (t) => {
        const r = transition(orderIn(state), anEvent(type, config), ALL_MET, config);
        if (expected === X) {
          if (!isDomainError(r)) return t.fail(`expected a refusal, got ${JSON.stringify(r.order)}`);
          t.is(r.code, 'order.transition_not_allowed');
          t.is(r.kind, 'rule');
          t.deepEqual(r.details, { state, event: type });
        } else {
          if (isDomainError(r)) return t.fail(`expected ${expected}, got ${r.code}`);
          t.is(r.order.stageKey, expected);
        }
      });
    });

    test(`${preset}: the events offered in ${state} are exactly the allowed cells`, (t) => {
      const allowed = PIPELINE_EVENT_TYPES.filter((_, i) => cells[i] !== X);
      t.deepEqual([...eventsFrom(buildPipelineMachine(config), state)].sort(), [...allowed].sort());
    });
  }
}
