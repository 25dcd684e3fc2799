// Invariants of the pipeline over random walks: random events with random facts, on the shipped presets and on
// any valid configuration.
import test from 'ava';
import fc from 'fast-check';
import { isDomainError } from '../../../core/shared/domain-error.js';
import type { OrderGuardContext } from '../../../core/orders/order-guards.js';
import { transition, type PipelineEvent, type PipelineState, type PipelineTransition } from '../../../core/orders/pipeline.js';
import { buildPipelineMachine } from '../../../core/orders/pipeline-machine.js';
import { stageProgress } from '../../../core/orders/pipeline-progress.js';
import type { PipelineConfig } from '../../../core/orders/stage-config.js';
import { aWalk, holds } from './pipeline-arbitraries.js';

interface Step {
  readonly before: PipelineState;
  readonly event: PipelineEvent;
  readonly context: OrderGuardContext;
  readonly result: PipelineTransition;
}

/** Runs a walk from the first stage and returns the steps that were accepted. */
function accepted(config: PipelineConfig, steps: readonly { event: PipelineEvent; context: OrderGuardContext }[]): Step[] {
  let order: PipelineState = { stageKey: config.stages[0]?.key ?? '', handlerId: 'user-sun' };
  const out: Step[] = [];
  for (const { event, context } of steps) {
    const result = transition(order, event, context, config);
    if (isDomainError(result)) continue;
    out.push({ before: order, event, context, result });
    order = result.order;
  }
  return out;
}

const finalKey = (config: PipelineConfig): string => config.stages.find((s) => s.final)?.key ?? '';

test('订单完成 is reached only by 结单 with the contract confirmed, the fee fully collected and the close approved', (t) => {
  holds(
    t,
    fc.property(aWalk, ({ config, steps }) =>
      accepted(config, steps).every(({ before, event, context, result }) => {
        const entersFinal = result.order.stageKey === finalKey(config) && before.stageKey !== finalKey(config);
        const announces = result.events.some((e) => e.type === 'completed');
        const closeHeld = event.type === 'complete' && context.contractConfirmed && context.fullyCollected && context.closeApproved;
        return entersFinal === announces && (!entersFinal || closeHeld) && before.stageKey !== finalKey(config);
      }),
    ),
    500,
  );
});

test('the random walks do reach 订单完成 (the property above is not vacuous)', (t) => {
  const walks = fc.sample(aWalk, { numRuns: 300, seed: 20210826 });
  const completed = walks.filter(({ config, steps }) => accepted(config, steps).some((s) => s.event.type === 'complete')).length;
  t.true(completed >= 30, `only ${completed} of 300 walks completed`);
});

test('progress never decreases except through 回退, 输单 or 取消; 回退 always decreases it', (t) => {
  holds(
    t,
    fc.property(aWalk, ({ config, steps }) =>
      accepted(config, steps).every(({ before, event, result }) => {
        const from = stageProgress(config, before);
        const to = stageProgress(config, result.order);
        if (event.type === 'rollback') return to < from;
        if (event.type === 'mark_lost' || event.type === 'cancel') return to <= from;
        return to >= from;
      }),
    ),
    500,
  );
});

test('every accepted step leaves a consistent order: a known state, a remembered stage exactly while off, the handler changed only by 转交', (t) => {
  holds(
    t,
    fc.property(aWalk, ({ config, steps }) => {
      const states = buildPipelineMachine(config).states;
      return accepted(config, steps).every(({ before, event, result }) => {
        const off = result.order.stageKey === 'lost' || result.order.stageKey === 'cancelled';
        const handlerKept = event.type === 'hand_over' ? result.order.handlerId !== before.handlerId : result.order.handlerId === before.handlerId;
        return states.includes(result.order.stageKey) && off === (result.order.stageBeforeOff !== undefined) && handlerKept;
      });
    }),
    500,
  );
});

test('stage_changed events carry the progress the order had before and has after', (t) => {
  holds(
    t,
    fc.property(aWalk, ({ config, steps }) =>
      accepted(config, steps).every(({ before, result }) =>
        result.events.every(
          (e) =>
            e.type !== 'stage_changed' ||
            (e.from === before.stageKey &&
              e.to === result.order.stageKey &&
              e.fromProgress === stageProgress(config, before) &&
              e.toProgress === stageProgress(config, result.order)),
        ),
      ),
    ),
    500,
  );
});

test('every refusal carries one of the pipeline codes, never a crash', (t) => {
  const expected = new Set([
    'order.transition_not_allowed',
    'order.guard_failed',
    'order.invalid_rollback_target',
    'order.reason_required',
    'order.handler_required',
    'order.hand_over_to_current_handler',
  ]);
  holds(
    t,
    fc.property(aWalk, ({ config, steps }) => {
      let order: PipelineState = { stageKey: config.stages[0]?.key ?? '', handlerId: 'user-sun' };
      for (const { event, context } of steps) {
        const r = transition(order, event, context, config);
        if (isDomainError(r)) {
          if (!expected.has(r.code)) return false;
        } else order = r.order;
      }
      return true;
    }),
  );
});
