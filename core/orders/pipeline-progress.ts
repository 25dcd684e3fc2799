// The progress bar of the order detail screen (初次沟通 20% … 订单完成 100%), read from the stage configuration.
import { CANCELLED, LOST } from './pipeline-machine.js';
import { unknownStage, type PipelineState } from './pipeline.js';
import type { PipelineConfig, StageConfig } from './stage-config.js';

/** An order's position: a stage key, or the pipeline state itself (which a lost/cancelled order needs). */
export type PipelinePosition = string | Pick<PipelineState, 'stageKey' | 'stageBeforeOff'>;

// The stage an order is in or, when lost or cancelled, the stage it left.
function stageAt(config: PipelineConfig, position: PipelinePosition): { stage: StageConfig; off: boolean } {
  const state = typeof position === 'string' ? { stageKey: position } : position;
  const off = state.stageKey === LOST || state.stageKey === CANCELLED;
  const key = off ? state.stageBeforeOff : state.stageKey;
  if (off && key === undefined) throw new Error(`a ${state.stageKey} order needs stageBeforeOff: pass the pipeline state, not the key`);
  const stage = config.stages.find((s) => s.key === key);
  if (!stage) throw unknownStage(key ?? state.stageKey);
  return { stage, off };
}

/**
 * The order's progress in percent: its stage's, and for a lost or cancelled order the stage's it left.
 * Throws `order.unknown_stage` when the stage is no longer configured.
 */
export function stageProgress(config: PipelineConfig, position: PipelinePosition): number {
  return stageAt(config, position).stage.progress;
}

export interface StageRow {
  readonly key: string;
  readonly name: string;
  readonly progress: number;
  /** The order is in this stage or has passed it (for a lost/cancelled order: up to the stage it left). */
  readonly reached: boolean;
  /** The order is in this stage now; no row is current while the order is lost or cancelled. */
  readonly current: boolean;
  readonly final: boolean;
}

/** Every configured stage, in order, flagged as reached and current for the detail screen's progress bar. */
export function stageRows(config: PipelineConfig, position: PipelinePosition): StageRow[] {
  const { stage, off } = stageAt(config, position);
  const at = config.stages.indexOf(stage);
  return config.stages.map((s, i) => ({
    key: s.key,
    name: s.name,
    progress: s.progress,
    reached: i <= at,
    current: i === at && !off,
    final: s.final === true,
  }));
}
