// The console's words: one file per area and language (zh/<area>.ts, en/<area>.ts, the English typed as
// the Chinese so a missing key fails the type check). Chinese by default; the choice stays on the device.
import { createI18n } from 'vue-i18n';

type Messages = Record<string, unknown>;
const load = (files: Record<string, { default: Messages }>): Messages =>
  Object.fromEntries(Object.entries(files).map(([path, m]) => [/([\w-]+)\.ts$/.exec(path)?.[1] ?? path, m.default]));

const zh = load(import.meta.glob<{ default: Messages }>('./zh/*.ts', { eager: true }));
const en = load(import.meta.glob<{ default: Messages }>('./en/*.ts', { eager: true }));

export type Locale = 'zh' | 'en';
const KEY = 'yunzhou.locale';
const saved = (typeof localStorage !== 'undefined' && localStorage.getItem(KEY)) as Locale | null;
const initial: Locale = saved === 'en' || saved === 'zh' ? saved : 'zh';

export const i18n = createI18n({ legacy: false, locale: initial, fallbackLocale: 'zh', messages: { zh, en } as never });

export function currentLocale(): Locale {
  return (i18n.global.locale as unknown as { value: Locale }).value;
}

export function setLocale(locale: Locale): void {
  (i18n.global.locale as unknown as { value: Locale }).value = locale;
  localStorage.setItem(KEY, locale);
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
}
document.documentElement.lang = initial === 'zh' ? 'zh-CN' : 'en';
