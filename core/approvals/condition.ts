// The small JSON condition language of approval nodes ("amountFen > 10000000", "category is 企业经营性抵押贷"):
// stored as data with the flow, checked when the flow is saved, evaluated here against the business object.
import type { FieldError } from '../shared/index.js';

export const CONDITION_OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'exists'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];
export type ConditionValue = string | number | boolean | null;

/**
 * `field` is a dotted path into the business object ('amountFen', 'product.category', 'lines.0.category').
 * eq/ne compare primitives exactly; gt/gte/lt/lte need two numbers or two strings (ISO dates sort as text);
 * in: the field equals one of the listed values; contains: an array field holds the value, or a text field
 * holds the text; exists: the field is present and not null (or absent, with value false).
 * A missing field makes every comparison false (and `ne` true, it is `not eq`).
 */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly field: string; readonly op: 'eq' | 'ne' | 'contains'; readonly value: ConditionValue }
  | { readonly field: string; readonly op: 'gt' | 'gte' | 'lt' | 'lte'; readonly value: number | string }
  | { readonly field: string; readonly op: 'in'; readonly value: readonly ConditionValue[] }
  | { readonly field: string; readonly op: 'exists'; readonly value?: boolean };

/** The business object a condition reads: JSON data (money in fen, times as ISO text). */
export type ConditionSubject = Readonly<Record<string, unknown>>;

const MAX_DEPTH = 10;
const FIELD_PATH = /^[^.\s]+(\.[^.\s]+)*$/;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isPrimitive(x: unknown): x is ConditionValue {
  return x === null || typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));
}

function problem(path: string, code: string, zh: string, en: string): FieldError {
  return { path, code: `approval.${code}`, zh, en };
}

/** Every problem of a condition's shape, with its path; empty when the condition can be evaluated. */
export function conditionProblems(input: unknown, path = '/condition', depth = 0): FieldError[] {
  if (depth > MAX_DEPTH) return [problem(path, 'condition_too_deep', `条件嵌套超过 ${MAX_DEPTH} 层`, `Conditions nest deeper than ${MAX_DEPTH} levels`)];
  if (!isRecord(input)) return [problem(path, 'condition_shape', '条件必须是对象', 'A condition must be an object')];
  const keys = Object.keys(input);
  const combinators = keys.filter((k) => k === 'all' || k === 'any' || k === 'not');
  if (combinators.length > 0) {
    const [c] = combinators;
    if (combinators.length > 1 || keys.length > 1 || c === undefined) {
      return [problem(path, 'condition_shape', '组合条件只能有 all、any、not 其中一个键', 'A combinator has exactly one key: all, any or not')];
    }
    if (c === 'not') return conditionProblems(input.not, `${path}/not`, depth + 1);
    const list = input[c];
    if (!Array.isArray(list)) return [problem(`${path}/${c}`, 'condition_shape', `${c} 必须是条件列表`, `"${c}" must be a list of conditions`)];
    if (list.length === 0) return [problem(`${path}/${c}`, 'condition_empty', `${c} 的条件列表为空`, `"${c}" has no conditions`)];
    return list.flatMap((x, i) => conditionProblems(x, `${path}/${c}/${i}`, depth + 1));
  }
  return comparisonProblems(input, path);
}

function comparisonProblems(input: Record<string, unknown>, path: string): FieldError[] {
  const problems: FieldError[] = [];
  for (const k of Object.keys(input)) {
    if (k !== 'field' && k !== 'op' && k !== 'value') problems.push(problem(`${path}/${k}`, 'condition_unknown_key', `未知的键「${k}」`, `Unknown key "${k}"`));
  }
  const { field, op, value } = input;
  if (typeof field !== 'string' || !FIELD_PATH.test(field)) {
    problems.push(problem(`${path}/field`, 'condition_bad_field', '字段路径必须是以点分隔的名称，如 amountFen 或 product.category', 'The field must be a dotted path such as amountFen or product.category'));
  }
  if (typeof op !== 'string' || !(CONDITION_OPERATORS as readonly string[]).includes(op)) {
    problems.push(problem(`${path}/op`, 'condition_unknown_operator', `未知的运算符「${String(op)}」，可用：${CONDITION_OPERATORS.join(' ')}`, `Unknown operator "${String(op)}"; use one of ${CONDITION_OPERATORS.join(' ')}`));
    return problems;
  }
  const bad = (zh: string, en: string): void => { problems.push(problem(`${path}/value`, 'condition_bad_value', zh, en)); };
  switch (op as ConditionOperator) {
    case 'eq':
    case 'ne':
    case 'contains':
      if (!isPrimitive(value)) bad(`${op} 的值必须是文字、数字、布尔值或 null`, `The value of ${op} must be a string, number, boolean or null`);
      break;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) bad(`${op} 的值必须是数字或文字`, `The value of ${op} must be a number or a string`);
      break;
    case 'in':
      if (!Array.isArray(value) || value.length === 0 || !value.every(isPrimitive)) bad('in 的值必须是非空的值列表', 'The value of in must be a non-empty list of values');
      break;
    case 'exists':
      if (value !== undefined && typeof value !== 'boolean') bad('exists 的值只能是 true 或 false', 'The value of exists must be true or false');
      break;
  }
  return problems;
}

/** Reads a dotted path through own properties only (a path never reaches into prototypes). */
export function readField(subject: unknown, path: string): unknown {
  let at: unknown = subject;
  for (const segment of path.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, segment)) return undefined;
    at = (at as Record<string, unknown>)[segment];
  }
  return at;
}

function ordered(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

/** Whether the business object meets the condition (a node applies only when it does). */
export function evaluateCondition(condition: Condition, subject: ConditionSubject): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, subject));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, subject));
  if ('not' in condition) return !evaluateCondition(condition.not, subject);
  const actual = readField(subject, condition.field);
  switch (condition.op) {
    case 'eq':
      return actual === condition.value;
    case 'ne':
      return actual !== condition.value;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const d = ordered(actual, condition.value);
      if (d === null) return false;
      return condition.op === 'gt' ? d > 0 : condition.op === 'gte' ? d >= 0 : condition.op === 'lt' ? d < 0 : d <= 0;
    }
    case 'in':
      return condition.value.some((v) => v === actual);
    case 'contains':
      if (Array.isArray(actual)) return actual.some((v) => v === condition.value);
      return typeof actual === 'string' && typeof condition.value === 'string' && actual.includes(condition.value);
    case 'exists':
      return (actual !== undefined && actual !== null) === (condition.value ?? true);
    default:
      throw new Error(`evaluateCondition: unknown operator ${String((condition as { op: unknown }).op)} (validate the flow first)`);
  }
}
