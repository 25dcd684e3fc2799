// A tenant's order settings: its pipeline stages (a preset or its own set) and the profile fields that make
// a profile 已完善. Checked when saved, so that no order ever runs on a broken configuration.
import { domainError, validationFailed, type DomainError } from '../shared/index.js';
import { LOST, CANCELLED } from './pipeline-machine.js';
import { pipelineConfigProblems, type PipelineConfigProblem } from './pipeline-validation.js';
import { DEFAULT_REQUIRED_PROFILE_FIELDS, PROFILE_FIELDS, isProfileField } from './profile-fields.js';
import { PIPELINE_PRESETS, type PipelineConfig, type StageConfig } from './stage-config.js';
import type { Order, OrderSettings } from './types.js';

export type PipelinePresetName = keyof typeof PIPELINE_PRESETS;

/** What a new tenant runs on: the default stages and the brochure's starred profile fields. */
export const DEFAULT_ORDER_SETTINGS: OrderSettings = {
  pipeline: PIPELINE_PRESETS.default,
  preset: 'default',
  requiredProfileFields: DEFAULT_REQUIRED_PROFILE_FIELDS,
  version: 0,
};

export function isPresetName(name: string): name is PipelinePresetName {
  return Object.hasOwn(PIPELINE_PRESETS, name);
}

/** The won stage (合同赢单) of a configuration, if it marks one. */
export function wonStage(config: PipelineConfig): StageConfig | undefined {
  return config.stages.find((s) => s.won === true);
}

/** A problem of the won flag, listed with the pipeline's own problems. */
export interface WonStageProblem {
  readonly code: 'won_count' | 'won_position';
  readonly stageKey?: string;
  readonly zh: string;
  readonly en: string;
}

/** The won flag's own rules: at most one stage, never the first (nothing leads into it) nor the final one. */
export function wonStageProblems(config: PipelineConfig): WonStageProblem[] {
  const won = config.stages.filter((s) => s.won === true);
  const problems: WonStageProblem[] = [];
  if (won.length > 1) {
    problems.push({ code: 'won_count', zh: `只能有一个赢单阶段，现有 ${won.length} 个`, en: `At most one stage can be the won stage, found ${won.length}` });
  }
  for (const s of won) {
    if (s === config.stages[0] || s.final === true) {
      problems.push({ code: 'won_position', stageKey: s.key, zh: `赢单阶段「${s.name}」不能是第一个或最终阶段`, en: `The won stage "${s.key}" cannot be the first or the final stage` });
    }
  }
  return problems;
}

/** A stage configuration a tenant saves: usable (pipeline-validation.ts) and with a sensible won stage. */
export function checkPipelineConfig(config: PipelineConfig): DomainError | null {
  const problems: (PipelineConfigProblem | WonStageProblem)[] = [...pipelineConfigProblems(config), ...wonStageProblems(config)];
  if (problems.length === 0) return null;
  return domainError(
    'order.invalid_pipeline',
    'invalid',
    `阶段配置有误：${problems.map((p) => p.zh).join('；')}`,
    `The stage configuration is not usable: ${problems.map((p) => p.en).join('; ')}`,
    { problems },
  );
}

/** The stages orders sit in now (or left, while lost or cancelled), with how many orders each. */
export type StagesInUse = Readonly<Record<string, number>>;

/**
 * A new stage set may not drop a stage that orders are in (or would reopen into): those orders could not move.
 * Refused with `order.stage_in_use`, naming the stages and how many orders each holds.
 */
export function droppedStagesInUse(config: PipelineConfig, inUse: StagesInUse): DomainError | null {
  const keys = new Set(config.stages.map((s) => s.key));
  const dropped = Object.entries(inUse).filter(([k, n]) => n > 0 && k !== LOST && k !== CANCELLED && !keys.has(k));
  if (dropped.length === 0) return null;
  return domainError(
    'order.stage_in_use',
    'conflict',
    `以下阶段仍有订单，不能删除：${dropped.map(([k, n]) => `${k}（${n} 个订单）`).join('、')}`,
    `These stages still hold orders and cannot be removed: ${dropped.map(([k, n]) => `${k} (${n})`).join(', ')}`,
    { stages: Object.fromEntries(dropped) },
  );
}

/** The required-field list must name known fields; the company name is always required. */
export function checkRequiredProfileFields(fields: readonly string[]): string[] {
  const unknown = fields.filter((f) => !isProfileField(f));
  if (unknown.length) {
    throw validationFailed(unknown.map((f) => ({
      path: '/requiredProfileFields', code: 'unknown_field',
      zh: `没有资料项「${f}」，可选：${PROFILE_FIELDS.join('、')}`, en: `there is no profile field "${f}"; known: ${PROFILE_FIELDS.join(', ')}`,
    })));
  }
  return PROFILE_FIELDS.filter((f) => f === 'companyName' || fields.includes(f));
}

/** Whether an order still moves through the pipeline: not completed, lost or cancelled. */
export function isOpenStage(config: PipelineConfig, stageKey: string): boolean {
  if (stageKey === LOST || stageKey === CANCELLED) return false;
  return config.stages.find((s) => s.key === stageKey)?.final !== true;
}

/** The status a person reads from the order's stage. */
export function orderStatus(config: PipelineConfig, order: Pick<Order, 'stageKey'>): 'open' | 'completed' | 'lost' | 'cancelled' {
  if (order.stageKey === LOST) return 'lost';
  if (order.stageKey === CANCELLED) return 'cancelled';
  return config.stages.find((s) => s.key === order.stageKey)?.final === true ? 'completed' : 'open';
}
