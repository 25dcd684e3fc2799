// The tenant's order settings (订单设置): its pipeline stages, chosen from a preset or its own, and the profile
// fields that make a profile 已完善. Everyone who reads orders may read them; administrators change them.
import { domainError, validationFailed, type Tx } from '../shared/index.js';
import { settingsChange } from '../audit/index.js';
import { requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import { ORDER_GUARD_NAMES, ORDER_GUARD_TEXT } from './order-guards.js';
import { orderSettings, type OrdersDeps } from './order-records.js';
import { checkPipelineConfig, checkRequiredProfileFields, droppedStagesInUse, isPresetName } from './order-settings.js';
import { PIPELINE_PRESETS, type PipelineConfig, type StageConfig } from './stage-config.js';
import type { OrderSettings } from './types.js';

export interface PipelineChange {
  readonly version: number;
  /** A preset's name (default, contract_first), or … */
  readonly preset?: string | undefined;
  /** … the tenant's own stages. */
  readonly stages?: readonly StageConfig[] | undefined;
}

export interface OrderSettingsView extends OrderSettings {
  readonly presets: Readonly<Record<string, PipelineConfig>>;
  readonly conditions: readonly { readonly name: string; readonly zh: string; readonly en: string }[];
}

const staleSettings = () =>
  domainError('order.settings_version_conflict', 'conflict', '订单设置已被他人修改，请刷新后重试', 'Someone else changed the order settings first; reload and try again');

export class OrderSettingsService {
  constructor(private readonly d: Pick<OrdersDeps, 'uow' | 'orders' | 'settings' | 'events' | 'clock' | 'operations'>) {}

  /** The settings in force, with the presets and the conditions a stage can require. */
  async get(actor: Actor): Promise<OrderSettingsView> {
    requirePermission(actor, PERMISSIONS.orderRead);
    const settings = await this.d.uow.read((tx) => orderSettings(this.d, tx, actor.tenantId));
    return {
      ...settings,
      presets: PIPELINE_PRESETS,
      conditions: ORDER_GUARD_NAMES.map((name) => ({ name, zh: ORDER_GUARD_TEXT[name].zh, en: ORDER_GUARD_TEXT[name].en })),
    };
  }

  /**
   * Sets the stages from a preset or the tenant's own list: refused with `order.invalid_pipeline` (every
   * problem listed) or `order.stage_in_use` (a dropped stage still holds orders).
   */
  async savePipeline(actor: Actor, change: PipelineChange): Promise<OrderSettings> {
    requirePermission(actor, PERMISSIONS.orgManage);
    let pipeline: PipelineConfig;
    let preset: string | null = null;
    if ((change.preset === undefined) === (change.stages === undefined)) {
      throw validationFailed([{ path: '/preset', code: 'one_of', zh: '请选择一个预设或给出阶段列表（二选一）', en: 'give either a preset or the stages, not both' }]);
    }
    if (change.preset !== undefined) {
      if (!isPresetName(change.preset)) {
        throw validationFailed([{ path: '/preset', code: 'unknown_preset', zh: `没有预设「${change.preset}」`, en: `there is no preset "${change.preset}"` }]);
      }
      pipeline = PIPELINE_PRESETS[change.preset];
      preset = change.preset;
    } else {
      pipeline = { stages: (change.stages ?? []).map(cleanStage) };
    }
    const problem = checkPipelineConfig(pipeline);
    if (problem) throw problem;
    return this.d.uow.run(async (tx) => {
      const current = await orderSettings(this.d, tx, actor.tenantId);
      if (current.version !== change.version) throw staleSettings();
      const inUse = droppedStagesInUse(pipeline, await this.d.orders.stagesInUse(tx, actor.tenantId));
      if (inUse) throw inUse;
      return this.save(tx, actor, current, { ...current, pipeline, preset, version: current.version + 1 });
    });
  }

  /** Sets which profile fields make a profile 已完善 (the company name always does). */
  async saveRequiredProfileFields(actor: Actor, change: { version: number; fields: readonly string[] }): Promise<OrderSettings> {
    requirePermission(actor, PERMISSIONS.orgManage);
    const fields = checkRequiredProfileFields(change.fields);
    return this.d.uow.run(async (tx) => {
      const current = await orderSettings(this.d, tx, actor.tenantId);
      if (current.version !== change.version) throw staleSettings();
      return this.save(tx, actor, current, { ...current, requiredProfileFields: fields, version: current.version + 1 });
    });
  }

  private async save(tx: Tx, actor: Actor, before: OrderSettings, next: OrderSettings): Promise<OrderSettings> {
    if (!(await this.d.settings.save(tx, actor.tenantId, next, actor.userId, this.d.clock.now()))) throw staleSettings();
    await this.d.operations?.record(tx, [settingsChange(actor, 'order', before, next)]);
    await this.d.events.publish(tx, [{
      type: 'order.settings_changed', tenantId: actor.tenantId, subjectType: 'tenant', subjectId: actor.tenantId, actorId: actor.userId,
      data: { version: next.version, preset: next.preset, stages: next.pipeline.stages.map((s) => s.key), requiredProfileFields: next.requiredProfileFields },
    }]);
    return next;
  }
}

// Only the properties a stage has, trimmed, so that stray input is neither stored nor compared.
function cleanStage(s: StageConfig): StageConfig {
  return {
    key: s.key.trim(),
    name: s.name.trim(),
    progress: s.progress,
    exitGuards: [...new Set(s.exitGuards)],
    ...(s.final === true ? { final: true } : {}),
    ...(s.won === true ? { won: true } : {}),
  };
}
