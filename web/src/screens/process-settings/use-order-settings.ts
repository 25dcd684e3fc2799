// The firm's order settings (GET /order-settings) and saving them: one loader for the stages and the
// required profile fields, which share one version (a save of either bumps it).
import { ref } from 'vue';
import { api, ok, problemOf, type ApiProblem } from '../../api/client.js';
import type { OrderSettingsView } from '@core/orders/order-settings.service.js';
import type { StageConfig } from '@core/orders/stage-config.js';
import type { Json } from '../../api/json.js';
import type { PipelineProblem } from './stage-form.js';

export type SettingsView = Json<OrderSettingsView>;

/** A refusal with the pipeline's problems, each naming its stage (details.problems of order.invalid_pipeline). */
export interface PipelineRefusal {
  readonly problem: ApiProblem;
  readonly problems: readonly PipelineProblem[];
}

export function useOrderSettings() {
  const settings = ref<SettingsView | null>(null);

  async function load(): Promise<SettingsView> {
    settings.value = await ok<SettingsView>(api.GET('/api/v1/order-settings'));
    return settings.value;
  }

  /** Saves the stages: the new settings, or the refusal with its per-stage problems. */
  async function saveStages(stages: readonly StageConfig[]): Promise<PipelineRefusal | null> {
    const r = await api.PUT('/api/v1/order-settings/pipeline', { body: { version: settings.value?.version ?? 0, stages: stages.map((s) => ({ ...s, exitGuards: [...s.exitGuards] as never[] })) } });
    if (!r.response.ok) {
      const details = (r.error as { details?: { problems?: PipelineProblem[] } } | undefined)?.details;
      return { problem: await problemOf(r.response, r.error), problems: details?.problems ?? [] };
    }
    await load();
    return null;
  }

  async function saveProfileFields(fields: readonly string[]): Promise<void> {
    await ok(api.PUT('/api/v1/order-settings/profile-fields', { body: { version: settings.value?.version ?? 0, requiredProfileFields: [...fields] as never } }));
    await load();
  }

  return { settings, load, saveStages, saveProfileFields };
}
