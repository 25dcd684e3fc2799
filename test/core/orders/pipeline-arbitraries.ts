// fast-check generators for the pipeline properties: valid stage configurations, facts and events.
import type { ExecutionContext } from 'ava';
import fc from 'fast-check';
import { ORDER_GUARD_NAMES, type OrderGuardContext } from '../../../core/orders/order-guards.js';
import type { PipelineEvent } from '../../../core/orders/pipeline.js';
import { PIPELINE_PRESETS, type PipelineConfig } from '../../../core/orders/stage-config.js';

/** Any valid configuration: 2–7 stages, rising whole percentages, any conditions, a final stage at 100%. */
export const aValidConfig: fc.Arbitrary<PipelineConfig> = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { minLength: n - 1, maxLength: n - 1 }),
      fc.array(fc.subarray([...ORDER_GUARD_NAMES]), { minLength: n - 1, maxLength: n - 1 }),
    )
    .map(([percentages, guards]) => ({
      stages: [
        ...[...percentages]
          .sort((a, b) => a - b)
          .map((progress, i) => ({ key: `stage_${i}`, name: `阶段${i + 1}`, progress, exitGuards: guards[i] ?? [] })),
        { key: 'done', name: '订单完成', progress: 100, exitGuards: [], final: true },
      ],
    })),
);

/** The shipped presets most of the time, any valid configuration otherwise. */
export const aConfig: fc.Arbitrary<PipelineConfig> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...Object.values(PIPELINE_PRESETS)) },
  { weight: 1, arbitrary: aValidConfig },
);

// Facts lean towards "met" so that random walks get far enough down the pipeline to matter.
const likely = fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
export const aGuardContext: fc.Arbitrary<OrderGuardContext> = fc.record({
  profileComplete: likely,
  hasPlan: likely,
  matchedProductCount: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) }),
  internalReviewApproved: likely,
  contractConfirmed: likely,
  fullyCollected: likely,
  closeApproved: likely,
});

const aText = fc.constantFrom('', '  ', '客户资料需补充', '客户选择了其他机构');

/** Any event, well-formed or not; a rollback target is drawn from the configuration's keys and a few others. */
export function anEventFor(config: PipelineConfig): fc.Arbitrary<PipelineEvent> {
  const targets = fc.constantFrom(...config.stages.map((s) => s.key), 'lost', 'nowhere');
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant<PipelineEvent>({ type: 'advance' }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('rollback' as const), toStage: targets, reason: aText }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('hand_over' as const), toUserId: fc.constantFrom('', 'user-sun', 'user-zheng', 'user-li'), remark: aText }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('mark_lost' as const), reason: aText }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('cancel' as const), reason: aText }) },
    { weight: 2, arbitrary: fc.constant<PipelineEvent>({ type: 'reopen' }) },
    { weight: 3, arbitrary: fc.constant<PipelineEvent>({ type: 'complete' }) },
  );
}

/** A config with a random walk of (event, facts) steps over it. */
export const aWalk: fc.Arbitrary<{ config: PipelineConfig; steps: { event: PipelineEvent; context: OrderGuardContext }[] }> = aConfig.chain(
  (config) =>
    fc.record({
      config: fc.constant(config),
      steps: fc.array(fc.record({ event: anEventFor(config), context: aGuardContext }), { minLength: 10, maxLength: 60 }),
    }),
);

/** Asserts a property in ava terms: a failure shows fast-check's counterexample and seed. */
export function holds<T>(t: ExecutionContext, property: fc.IProperty<T>, runs = 300): void {
  const details = fc.check(property, { numRuns: runs });
  t.false(details.failed, fc.defaultReportMessage(details) ?? 'property failed');
}
