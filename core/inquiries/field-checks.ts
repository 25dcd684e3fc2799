// Field checks for inquiry and follow-up input: each appends its problem to a list and returns the cleaned
// value only when it is good, so that one pass reports every field at once (validation.failed).
import { isDomainError, type FieldError } from '../shared/index.js';

/** Ten minutes of leeway: a time picked on a form may have passed by the time the form is saved. */
export const PAST_GRACE_MS = 10 * 60_000;

export function fieldError(path: string, code: string, zh: string, en: string): FieldError {
  return { path, code, zh, en };
}

/** A required text: trimmed, non-empty, at most `max` characters. */
export function requiredText(v: unknown, path: string, max: number, errors: FieldError[]): string | undefined {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    errors.push(fieldError(path, 'required', '不能为空', 'is required'));
    return undefined;
  }
  if (typeof v !== 'string') {
    errors.push(fieldError(path, 'type', '应为文本', 'must be text'));
    return undefined;
  }
  const s = v.trim();
  if (s.length > max) {
    errors.push(fieldError(path, 'too_long', `最多 ${max} 个字`, `must be at most ${max} characters`));
    return undefined;
  }
  return s;
}

/** A required choice from a tenant list (客户来源, 客户房产, 跟进类型, 客户级别), naming the choices when wrong. */
export function requiredChoice(v: unknown, path: string, choices: readonly string[], zhName: string, errors: FieldError[]): string | undefined {
  const s = requiredText(v, path, 50, errors);
  if (s === undefined) return undefined;
  if (!choices.includes(s)) {
    errors.push(fieldError(path, 'not_in_list', `${zhName}「${s}」不在可选项中：${choices.join('、')}`, `"${s}" is not one of: ${choices.join(', ')}`));
    return undefined;
  }
  return s;
}

/** A required instant, not in the past (beyond a few minutes' leeway). */
export function futureInstant(v: unknown, path: string, now: Date, errors: FieldError[]): Date | undefined {
  if (v === undefined || v === null || v === '') {
    errors.push(fieldError(path, 'required', '不能为空', 'is required'));
    return undefined;
  }
  const d = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime())) {
    errors.push(fieldError(path, 'bad_time', '时间格式不正确', 'is not a date and time'));
    return undefined;
  }
  if (d.getTime() < now.getTime() - PAST_GRACE_MS) {
    errors.push(fieldError(path, 'in_past', '不能早于当前时间', 'must not be in the past'));
    return undefined;
  }
  return d;
}

/** Runs an identity rule (normalizeMobile, normalizeUscc) and turns its DomainError into a field error. */
export function identityField(v: unknown, path: string, rule: (text: string) => string, errors: FieldError[]): string | undefined {
  const s = requiredText(v, path, 40, errors);
  if (s === undefined) return undefined;
  try {
    return rule(s);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    errors.push(fieldError(path, e.code, e.text.zh, e.text.en));
    return undefined;
  }
}
