// Checks a tenant's stage configuration when it is loaded, so that a bad one is refused with every problem
// listed instead of failing later on some order.
import { domainError, validateMachine, type DomainError } from '../shared/index.js';
import { isOrderGuardName } from './order-guards.js';
import { OFF_PIPELINE_STATES, PIPELINE_EVENT_TYPES, buildPipelineMachine, type PipelineMachine } from './pipeline-machine.js';
import type { PipelineConfig } from './stage-config.js';

export type PipelineConfigProblemCode =
  | 'too_few_stages'
  | 'invalid_key'
  | 'reserved_key'
  | 'duplicate_key'
  | 'empty_name'
  | 'progress_out_of_range'
  | 'progress_not_rising'
  | 'unknown_guard'
  | 'final_count'
  | 'final_not_last'
  | 'final_not_100'
  | 'final_has_exit_guards'
  | 'unreachable';

export interface PipelineConfigProblem {
  readonly code: PipelineConfigProblemCode;
  readonly stageKey?: string;
  readonly zh: string;
  readonly en: string;
}

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
// Keys that would collide with the off-pipeline states or with event names in the machine's labels.
const RESERVED: readonly string[] = [...OFF_PIPELINE_STATES, ...PIPELINE_EVENT_TYPES];

/** Every problem of a stage configuration, in the order of the stages; empty when it is usable. */
export function pipelineConfigProblems(config: PipelineConfig): PipelineConfigProblem[] {
  const problems: PipelineConfigProblem[] = [];
  const add = (code: PipelineConfigProblemCode, zh: string, en: string, stageKey?: string): void => {
    problems.push(stageKey === undefined ? { code, zh, en } : { code, stageKey, zh, en });
  };
  const stages = config.stages;
  if (stages.length < 2) add('too_few_stages', `至少需要两个阶段，现有 ${stages.length} 个`, `At least two stages are needed, found ${stages.length}`);

  const seen = new Set<string>();
  let keysUsable = true;
  let previous: number | null = null;
  for (const s of stages) {
    if (!KEY.test(s.key)) {
      keysUsable = false;
      add('invalid_key', `阶段标识「${s.key}」须为小写字母开头的字母、数字、下划线（最多 40 个）`, `Stage key "${s.key}" must be lower snake_case starting with a letter (at most 40 characters)`, s.key);
    } else if (RESERVED.includes(s.key)) {
      keysUsable = false;
      add('reserved_key', `阶段标识「${s.key}」为系统保留`, `Stage key "${s.key}" is reserved`, s.key);
    }
    if (seen.has(s.key)) {
      keysUsable = false;
      add('duplicate_key', `阶段标识「${s.key}」重复`, `Stage key "${s.key}" is used twice`, s.key);
    }
    seen.add(s.key);
    if (s.name.trim() === '') add('empty_name', `阶段「${s.key}」缺少名称`, `Stage "${s.key}" has no name`, s.key);
    for (const g of s.exitGuards) {
      if (!isOrderGuardName(g)) add('unknown_guard', `阶段「${s.name}」的条件「${g}」不存在`, `Stage "${s.key}" names an unknown condition "${g}"`, s.key);
    }
    if (!Number.isInteger(s.progress) || s.progress < 0 || s.progress > 100) {
      add('progress_out_of_range', `阶段「${s.name}」的进度 ${s.progress} 须为 0 到 100 的整数`, `Stage "${s.key}" progress ${s.progress} must be a whole number from 0 to 100`, s.key);
      continue; // compare the next stage with the last usable figure, so one typo is reported once
    }
    if (previous !== null && s.progress <= previous) {
      add('progress_not_rising', `阶段「${s.name}」的进度 ${s.progress}% 须大于上一阶段的 ${previous}%`, `Stage "${s.key}" progress ${s.progress}% must be above the previous stage's ${previous}%`, s.key);
    }
    previous = s.progress;
  }

  const finals = stages.filter((s) => s.final === true);
  const last = stages[stages.length - 1];
  if (finals.length !== 1) {
    add('final_count', `须恰好有一个最终阶段（订单完成），现有 ${finals.length} 个`, `Exactly one final stage is needed, found ${finals.length}`);
  }
  for (const f of finals) {
    if (f !== last) add('final_not_last', `最终阶段「${f.name}」须是最后一个阶段`, `The final stage "${f.key}" must be the last stage`, f.key);
    if (f.progress !== 100) add('final_not_100', `最终阶段「${f.name}」的进度须为 100%`, `The final stage "${f.key}" must be at 100%`, f.key);
    if (f.exitGuards.length > 0) add('final_has_exit_guards', `最终阶段「${f.name}」不能离开，不应设置离开条件`, `The final stage "${f.key}" is never left, so it takes no exit conditions`, f.key);
  }

  // Reachability, from the generic machine's own check, once the table can be built at all.
  if (keysUsable && stages.length > 0 && finals.length === 1) {
    const buildable = { stages: stages.map((s) => ({ ...s, exitGuards: s.exitGuards.filter(isOrderGuardName) })) };
    const names = new Map(stages.map((s) => [s.key, s.name]));
    for (const p of validateMachine(forwardView(buildPipelineMachine(buildable)))) {
      const key = /^state "(.*)" cannot be reached$/.exec(p)?.[1];
      if (key === undefined) throw new Error(`pipeline table built wrong: ${p}`);
      if (!names.has(key)) continue; // lost/cancelled: unreachable only when no stage is open, reported already
      add('unreachable', `阶段「${names.get(key) ?? key}」无法到达`, `Stage "${key}" cannot be reached`, key);
    }
  }
  return problems;
}

// Computed targets (回退, 重新打开) only lead back to where an order already was, so reachability is judged on
// the fixed targets alone; the generic check would count a computed target as reaching everything.
function forwardView(def: PipelineMachine): PipelineMachine {
  return { ...def, transitions: def.transitions.filter((t) => typeof t.to === 'string') };
}

/** A stage configuration is refused when loaded unless it is usable: `order.invalid_pipeline` lists every problem. */
export function validatePipelineConfig(config: PipelineConfig): DomainError | null {
  const problems = pipelineConfigProblems(config);
  if (problems.length === 0) return null;
  return domainError(
    'order.invalid_pipeline',
    'invalid',
    `阶段配置有误：${problems.map((p) => p.zh).join('；')}`,
    `The stage configuration is not usable: ${problems.map((p) => p.en).join('; ')}`,
    { problems },
  );
}
