// The firm's inquiry settings as read and saved: one shared copy with its version, so that each section saves
// only its own part (PATCH at the version read) and a change made meanwhile elsewhere is refused by the server.
import { ref } from 'vue';
import { api, ok, ApiProblem } from '../../api/client.js';
import type { Json } from '../../api/json.js';
import { forgetFormLists } from '../inquiries/data.js';
import type { InquirySettingsChanges, InquirySettingsView } from '@core/inquiries/settings.service.js';

export type Settings = Json<InquirySettingsView>;
export type Changes = Omit<Json<InquirySettingsChanges>, 'version'>;

export const settings = ref<Settings | null>(null);

export async function loadSettings(): Promise<void> {
  settings.value = await ok<Settings>(api.GET('/api/v1/inquiry-settings'));
}

/** Saves some sections at the version read; the answer (the whole settings) becomes the shared copy. */
export async function saveSettings(changes: Changes): Promise<Settings> {
  const version = settings.value?.version ?? 0;
  const saved = await ok<Settings>(api.PATCH('/api/v1/inquiry-settings', { body: { ...changes, version } as never }));
  settings.value = saved;
  forgetFormLists(); // the forms offer the new levels and lists at once, not after a reload
  return saved;
}

/** 常用语 through their own endpoint; the version moves on like any other save. */
export async function savePhrases(phrases: string[]): Promise<void> {
  const version = settings.value?.version ?? 0;
  const r = await ok<{ phrases: string[]; version: number }>(api.PUT('/api/v1/inquiry-settings/canned-phrases', { body: { version, phrases } }));
  if (settings.value) settings.value = { ...settings.value, cannedPhrases: r.phrases, version: r.version };
  forgetFormLists();
}

/** A whole number as typed; '' is null (the settings' "never" / "no limit"); anything else is sent as typed for the server to name. */
export function daysOf(text: string): number | null {
  const s = text.trim();
  if (!s) return null;
  return /^\d+$/.test(s) ? Number(s) : (s as unknown as number);
}

export const asProblem = (e: unknown): ApiProblem => (e instanceof ApiProblem ? e : new ApiProblem(0, 'unknown', String(e)));

/** The server's message for a path, e.g. '/grading/levels/0/name'. */
export function messageAt(p: ApiProblem | null, path: string): string | undefined {
  return p?.errors.find((e) => e.path === path)?.message;
}
