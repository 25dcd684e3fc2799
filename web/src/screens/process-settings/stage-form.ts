// The stages as the settings screen edits them, and the pipeline rules' problems placed at the fields they
// concern. The checks are core's own (the ones the server runs on save), so a mistake shows as it is typed.
import { pipelineConfigProblems, type PipelineConfigProblemCode } from '@core/orders/pipeline-validation.js';
import { wonStageProblems } from '@core/orders/order-settings.js';
import type { PipelineConfig, StageConfig } from '@core/orders/stage-config.js';

/** One stage being edited; `uid` keeps Vue's rows stable while keys, names and order change. */
export interface StageDraft {
  uid: number;
  key: string;
  name: string;
  progress: string;
  exitGuards: string[];
  final: boolean;
  won: boolean;
  /** Saved before: its key is stored on orders, so it is shown but not edited. */
  saved: boolean;
}

export type StageField = 'name' | 'key' | 'progress' | 'guards' | 'stage';
/** Messages per stage uid and field, plus those about the whole list. */
export interface StageProblems {
  readonly at: Record<number, Partial<Record<StageField, string>>>;
  readonly list: string[];
}

/** A problem as core or the server states it: a code, maybe the stage's key, the text in both languages. */
export interface PipelineProblem {
  readonly code: string;
  readonly stageKey?: string;
  readonly zh: string;
  readonly en: string;
}

const FIELD_OF: Partial<Record<PipelineConfigProblemCode | 'won_count' | 'won_position', StageField>> = {
  invalid_key: 'key', reserved_key: 'key', duplicate_key: 'key', empty_name: 'name',
  progress_out_of_range: 'progress', progress_not_rising: 'progress', unknown_guard: 'guards',
  final_count: 'stage', final_not_last: 'stage', final_not_100: 'progress', final_has_exit_guards: 'guards',
  won_position: 'stage', unreachable: 'stage',
};

let nextUid = 1;
export function draftOf(s: StageConfig, saved = true): StageDraft {
  return { uid: nextUid++, key: s.key, name: s.name, progress: String(s.progress), exitGuards: [...s.exitGuards], final: s.final === true, won: s.won === true, saved };
}

/** A key for a new stage: lower snake case, not yet used (names are Chinese, so they cannot give one). */
export function newStageKey(stages: readonly StageDraft[]): string {
  for (let n = stages.length + 1; ; n++) {
    const key = `stage_${n}`;
    if (!stages.some((s) => s.key === key)) return key;
  }
}

/** The configuration the drafts describe (a progress that is not a number stays NaN, and core names it). */
export function configOf(stages: readonly StageDraft[]): PipelineConfig {
  return {
    stages: stages.map((s) => ({
      key: s.key.trim(), name: s.name.trim(), progress: s.progress.trim() === '' ? Number.NaN : Number(s.progress),
      exitGuards: s.final ? [] : s.exitGuards, ...(s.final ? { final: true } : {}), ...(s.won ? { won: true } : {}),
    })),
  };
}

/** Core's problems of the drafts (what the server would refuse), before anything is sent. */
export function localProblems(stages: readonly StageDraft[]): PipelineProblem[] {
  const config = configOf(stages);
  return [...pipelineConfigProblems(config), ...wonStageProblems(config)];
}

/** Places each problem beside the field of the stage it names; the rest are about the whole list. */
export function placeProblems(stages: readonly StageDraft[], problems: readonly PipelineProblem[], lang: 'zh' | 'en'): StageProblems {
  const at: StageProblems['at'] = {};
  const list: string[] = [];
  for (const p of problems) {
    const stage = p.stageKey === undefined ? undefined : stages.find((s) => s.key.trim() === p.stageKey);
    const field = FIELD_OF[p.code as keyof typeof FIELD_OF];
    if (!stage || !field) {
      list.push(p[lang]);
      continue;
    }
    const fields = (at[stage.uid] ??= {});
    fields[field] = fields[field] ? `${fields[field]}；${p[lang]}` : p[lang];
  }
  return { at, list };
}
