// Message and task texts as data: '{key}' takes a value from the event's data, '[[…]]' is an optional part
// left out when a value inside it is missing, times (ISO text under a key ending in 'At') are shown as the
// tenant's wall clock and money (integer fen under a key ending in 'Fen') as yuan. Kept as data so that a
// firm could one day edit them.
import { localDateTime, type LocalizedText } from '../shared/index.js';
import { formatYuanGrouped } from '../money/index.js';

export interface TextTemplate {
  readonly zh: string;
  readonly en: string;
}

/** Labels of coded values, per data key: { reason: { overdue: { zh: '跟进逾期', en: 'overdue' } } }. */
export type ValueLabels = Readonly<Record<string, Readonly<Record<string, TextTemplate>>>>;

export type TemplateValues = Readonly<Record<string, unknown>>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function textOf(key: string, value: unknown, lang: 'zh' | 'en', zone: string, labels: ValueLabels): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const label = labels[key]?.[String(value)];
    if (label) return label[lang];
    if (typeof value === 'string' && key.endsWith('At') && ISO_INSTANT.test(value)) return localDateTime(new Date(value), zone).slice(0, 16);
    if (typeof value === 'number' && key.endsWith('Fen') && Number.isSafeInteger(value)) {
      const yuan = formatYuanGrouped(value, { decimals: 'auto' });
      return lang === 'zh' ? `${yuan} 元` : `CNY ${yuan}`;
    }
    if (typeof value === 'string' && value.trim() === '') return null;
    return String(value);
  }
  if (value instanceof Date) return localDateTime(value, zone).slice(0, 16);
  return null;
}

function fill(template: string, lang: 'zh' | 'en', values: TemplateValues, zone: string, labels: ValueLabels): { text: string; missing: boolean } {
  let missing = false;
  const text = template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, key: string) => {
    const t = textOf(key, values[key], lang, zone, labels);
    if (t === null) missing = true;
    return t ?? '';
  });
  return { text, missing };
}

/** One language of a template: optional parts with a missing value vanish, other missing values print as ''. */
export function renderText(template: string, lang: 'zh' | 'en', values: TemplateValues, zone: string, labels: ValueLabels = {}): string {
  const withOptional = template.replace(/\[\[(.*?)\]\]/g, (_, part: string) => {
    const r = fill(part, lang, values, zone, labels);
    return r.missing ? '' : r.text;
  });
  return fill(withOptional, lang, values, zone, labels).text.trim();
}

/** Both languages of a template. */
export function renderTemplate(template: TextTemplate, values: TemplateValues, zone: string, labels: ValueLabels = {}): LocalizedText {
  return { zh: renderText(template.zh, 'zh', values, zone, labels), en: renderText(template.en, 'en', values, zone, labels) };
}
