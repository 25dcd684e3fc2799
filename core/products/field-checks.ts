// Small checks shared by the product validators: each one appends a FieldError (path, code, zh, en) and
// returns the value only when it is good, so that one pass reports every problem instead of the first.
import type { FieldError } from '../shared/index.js';

export function fieldError(path: string, code: string, zh: string, en: string): FieldError {
  return { path, code, zh, en };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reports each field that the shape does not know: a misspelt field must not be silently dropped. */
export function checkKnownFields(obj: Record<string, unknown>, allowed: readonly string[], path: string, errors: FieldError[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) errors.push(fieldError(`${path}/${key}`, 'unknown_field', '未知字段', 'unknown field'));
  }
}

export function checkRequired(v: unknown, path: string, errors: FieldError[]): boolean {
  if (v === undefined || v === null) {
    errors.push(fieldError(path, 'required', '必填', 'is required'));
    return false;
  }
  return true;
}

/** An integer within [min, max]; reports missing, non-integer and out-of-range values. */
export function checkInteger(v: unknown, path: string, errors: FieldError[], min: number, max: number): number | undefined {
  if (!checkRequired(v, path, errors)) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
    errors.push(fieldError(path, 'not_integer', '须为整数', 'must be an integer'));
    return undefined;
  }
  if (v < min) {
    errors.push(min === 0
      ? fieldError(path, 'negative', '不能为负数', 'must not be negative')
      : fieldError(path, 'too_small', `不能小于 ${min}`, `must be at least ${min}`));
    return undefined;
  }
  if (v > max) {
    errors.push(fieldError(path, 'too_large', `不能大于 ${max}`, `must be at most ${max}`));
    return undefined;
  }
  return v;
}

/** An amount of money in fen: a non-negative safe integer. */
export function checkFen(v: unknown, path: string, errors: FieldError[]): number | undefined {
  return checkInteger(v, path, errors, 0, Number.MAX_SAFE_INTEGER);
}

/** A non-empty text of at most `maxLength` characters, trimmed. */
export function checkText(v: unknown, path: string, errors: FieldError[], maxLength: number): string | undefined {
  if (!checkRequired(v, path, errors)) return undefined;
  if (typeof v !== 'string') {
    errors.push(fieldError(path, 'not_string', '须为文本', 'must be text'));
    return undefined;
  }
  const text = v.trim();
  if (text.length === 0) {
    errors.push(fieldError(path, 'empty', '不能为空', 'must not be empty'));
    return undefined;
  }
  if ([...text].length > maxLength) {
    errors.push(fieldError(path, 'too_long', `不能超过 ${maxLength} 个字`, `must be at most ${maxLength} characters`));
    return undefined;
  }
  return text;
}

export function checkArray(v: unknown, path: string, errors: FieldError[], nonEmpty: boolean): readonly unknown[] | undefined {
  if (!checkRequired(v, path, errors)) return undefined;
  if (!Array.isArray(v)) {
    errors.push(fieldError(path, 'not_array', '须为列表', 'must be a list'));
    return undefined;
  }
  if (nonEmpty && v.length === 0) {
    errors.push(fieldError(path, 'empty', '至少选择一项', 'must list at least one item'));
    return undefined;
  }
  return v;
}

/** Reports the second and later copies of a value in a list, at their own index. */
export function checkNoDuplicates(items: readonly unknown[], path: string, errors: FieldError[]): boolean {
  const seen = new Set<unknown>();
  let ok = true;
  items.forEach((item, i) => {
    if (seen.has(item)) {
      errors.push(fieldError(`${path}/${i}`, 'duplicate', '重复', 'is listed twice'));
      ok = false;
    }
    seen.add(item);
  });
  return ok;
}

/** A `{ min, max }` pair is reported at `/min` when the lower bound is above the upper one. */
export function checkOrdered(min: number | undefined, max: number | undefined, path: string, errors: FieldError[]): void {
  if (min !== undefined && max !== undefined && min > max) {
    errors.push(fieldError(`${path}/min`, 'min_above_max', '下限不能大于上限', 'must not be above max'));
  }
}
