// The order pipeline as a data table for the generic state machine, built from a tenant's stage configuration:
// the configured stages, plus the off-pipeline states 输单 (lost) and 已取消 (cancelled).
import { domainError, type DomainError, type Guard, type MachineDef, type TransitionDef } from '../shared/index.js';
import { FINANCE_CLOSE_GUARDS, ORDER_GUARDS, isOrderGuardName, type OrderGuardContext } from './order-guards.js';
import type { PipelineConfig, StageConfig } from './stage-config.js';

export const LOST = 'lost';
export const CANCELLED = 'cancelled';
/** States outside the configured stages: the order left the pipeline and may be reopened. */
export type OffPipelineState = typeof LOST | typeof CANCELLED;
export const OFF_PIPELINE_STATES: readonly OffPipelineState[] = [LOST, CANCELLED];

export const PIPELINE_EVENT_TYPES = ['advance', 'rollback', 'hand_over', 'mark_lost', 'cancel', 'reopen', 'complete'] as const;
export type PipelineEventType = (typeof PIPELINE_EVENT_TYPES)[number];

/** What the computed targets read: the rollback's chosen stage, the stage a lost/cancelled order left. */
export interface PipelinePayload {
  readonly toStage?: string;
  readonly stageBeforeOff?: string;
}

export type PipelineMachine = MachineDef<string, PipelineEventType, OrderGuardContext, PipelinePayload>;

export const PIPELINE_EVENT_LABELS: Readonly<Record<PipelineEventType, string>> = {
  advance: '下一步',
  rollback: '回退',
  hand_over: '转交',
  mark_lost: '输单',
  cancel: '取消订单',
  reopen: '重新打开',
  complete: '结单',
};
export const OFF_PIPELINE_LABELS: Readonly<Record<OffPipelineState, string>> = { lost: '输单', cancelled: '已取消' };

function guardsOf(names: readonly string[]): Guard<OrderGuardContext>[] {
  return names.map((n) => {
    if (!isOrderGuardName(n)) throw new Error(`unknown order guard "${n}": validate the pipeline configuration before use`);
    return ORDER_GUARDS[n];
  });
}

/** Rolling back (回退) goes only to a stage before the current one, chosen by the user. */
function rollbackTarget(stages: readonly StageConfig[]) {
  return (from: string, payload: PipelinePayload): string | DomainError => {
    const at = stages.findIndex((s) => s.key === from);
    const earlier = stages.slice(0, Math.max(at, 0)).filter((s) => !s.final);
    const target = earlier.find((s) => s.key === payload.toStage);
    if (target) return target.key;
    const fromName = stages[at]?.name ?? from;
    return domainError(
      'order.invalid_rollback_target',
      'invalid',
      `只能从「${fromName}」回退到之前的阶段：${earlier.map((s) => s.name).join('、')}`,
      `From "${from}" an order can only roll back to an earlier stage: ${earlier.map((s) => s.key).join(', ')}`,
      { stage: from, toStage: payload.toStage ?? null, allowed: earlier.map((s) => s.key) },
    );
  };
}

/** Reopening a lost or cancelled order returns it to the stage it was in, if the tenant still has that stage. */
function reopenTarget(stages: readonly StageConfig[]) {
  return (from: string, payload: PipelinePayload): string | DomainError => {
    const back = stages.find((s) => s.key === payload.stageBeforeOff && !s.final);
    if (back) return back.key;
    return domainError(
      'order.reopen_stage_unknown',
      'conflict',
      `无法重新打开：订单原来所在的阶段「${payload.stageBeforeOff ?? ''}」已不在阶段配置中`,
      `Cannot reopen: the stage the order left ("${payload.stageBeforeOff ?? ''}") is no longer configured`,
      { state: from, stageBeforeOff: payload.stageBeforeOff ?? null },
    );
  };
}

/**
 * The pipeline's transition table: 下一步 to the next stage (never into the final one), 结单 from the stage
 * before the final one, 回退 to an earlier stage, 转交 within a stage, 输单 and 取消 off the pipeline, and
 * 重新打开 back to the stage the order left. The final stage allows nothing.
 */
export function buildPipelineMachine(config: PipelineConfig): PipelineMachine {
  const stages = config.stages;
  const open = stages.filter((s) => !s.final).map((s) => s.key);
  const transitions: TransitionDef<string, PipelineEventType, OrderGuardContext, PipelinePayload>[] = [];
  stages.forEach((s, i) => {
    const next = stages[i + 1];
    if (s.final || !next || next.final) return;
    transitions.push({ from: [s.key], event: 'advance', to: next.key, guards: guardsOf(s.exitGuards) });
  });
  stages.forEach((s, i) => {
    const next = stages[i + 1];
    if (s.final || !next?.final) return;
    const names = [...new Set([...s.exitGuards, ...FINANCE_CLOSE_GUARDS])];
    transitions.push({ from: [s.key], event: 'complete', to: next.key, guards: guardsOf(names) });
  });
  const first = stages[0]?.key;
  transitions.push(
    { from: open.filter((k) => k !== first), event: 'rollback', to: rollbackTarget(stages) },
    // One row per stage so that handing over visibly stays in the stage (and the diagram shows it so).
    ...open.map((k) => ({ from: [k], event: 'hand_over' as const, to: k })),
    { from: open, event: 'mark_lost', to: LOST },
    { from: open, event: 'cancel', to: CANCELLED },
    { from: [LOST, CANCELLED], event: 'reopen', to: reopenTarget(stages) },
  );
  const labels: Record<string, string> = { ...PIPELINE_EVENT_LABELS, ...OFF_PIPELINE_LABELS };
  for (const s of stages) labels[s.key] = s.name;
  return {
    name: 'order',
    states: [...stages.map((s) => s.key), LOST, CANCELLED],
    initial: first ?? '',
    final: stages.filter((s) => s.final).map((s) => s.key),
    transitions,
    labels,
  };
}
