// The console's words: one file per area and language (zh/<area>.ts, en/<area>.ts, the English typed as
// the Chinese so a missing key fails the type check). Chinese by default and part of the first download;
// English arrives in a file of its own when someone chooses it (most people never do), so it costs the
// home screen nothing. The choice stays on the device.
import { createI18n } from 'vue-i18n';

type Messages = Record<string, unknown>;
type AreaFiles = Record<string, { default: Messages }>;
const byArea = (files: AreaFiles): Messages =>
  Object.fromEntries(Object.entries(files).map(([path, m]) => [/([\w-]+)\.ts$/.exec(path)?.[1] ?? path, m.default]));

const zh = byArea(import.meta.glob<{ default: Messages }>('./zh/*.ts', { eager: true }));
const english = import.meta.glob<{ default: Messages }>('./en/*.ts', { import: 'default' }) as unknown as Record<string, () => Promise<Messages>>;

export type Locale = 'zh' | 'en';
const KEY = 'yunzhou.locale';
const saved = (typeof localStorage !== 'undefined' && localStorage.getItem(KEY)) as Locale | null;
const initial: Locale = saved === 'en' ? 'en' : 'zh';

export const i18n = createI18n({ legacy: false, locale: 'zh', fallbackLocale: 'zh', messages: { zh } as never });

let englishLoaded: Promise<void> | null = null;
function loadEnglish(): Promise<void> {
  englishLoaded ??= (async () => {
    const areas = await Promise.all(Object.entries(english).map(async ([path, load]) => [/([\w-]+)\.ts$/.exec(path)?.[1] ?? path, await load()] as const));
    i18n.global.setLocaleMessage('en', Object.fromEntries(areas) as never);
  })();
  return englishLoaded;
}

export function currentLocale(): Locale {
  return (i18n.global.locale as unknown as { value: Locale }).value;
}

/** Switches the language (loading the English words the first time) and remembers it on the device. */
export async function setLocale(locale: Locale): Promise<void> {
  if (locale === 'en') await loadEnglish();
  (i18n.global.locale as unknown as { value: Locale }).value = locale;
  localStorage.setItem(KEY, locale);
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
}

/** The saved language, ready before the first screen shows (English is fetched only for those who chose it). */
export const localeReady: Promise<void> = initial === 'en' ? setLocale('en') : Promise.resolve();
document.documentElement.lang = 'zh-CN';
