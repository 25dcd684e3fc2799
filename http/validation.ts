// One ajv instance compiles every route's JSON Schemas; a failure becomes `validation.failed` with the
// field paths, in both languages.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { validationFailed, type FieldError } from '../core/shared/domain-error.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, coerceTypes: coerce ? 'array' : false, useDefaults: true, removeAdditional: false, strict: false });
  addFormats(ajv);
  return ajv;
}
const bodies = makeAjv(false);
const strings = makeAjv(true); // query and path values arrive as text

const ZH: Record<string, (e: ErrorObject) => string> = {
  required: () => '不能为空',
  type: (e) => `类型应为 ${String(e.params.type)}`,
  minLength: (e) => `至少 ${String(e.params.limit)} 个字符`,
  maxLength: (e) => `最多 ${String(e.params.limit)} 个字符`,
  minimum: (e) => `不能小于 ${String(e.params.limit)}`,
  maximum: (e) => `不能大于 ${String(e.params.limit)}`,
  enum: (e) => `只能是 ${(e.params.allowedValues as unknown[]).join('、')} 之一`,
  format: (e) => `格式应为 ${String(e.params.format)}`,
  additionalProperties: (e) => `不认识的字段 ${String(e.params.additionalProperty)}`,
  pattern: () => '格式不正确',
  minItems: (e) => `至少 ${String(e.params.limit)} 项`,
  maxItems: (e) => `最多 ${String(e.params.limit)} 项`,
};

function toFieldError(e: ErrorObject, prefix: string): FieldError {
  const path =
    e.keyword === 'required' ? `${e.instancePath}/${String(e.params.missingProperty)}`
    : e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.additionalProperty)}`
    : e.instancePath || '/';
  return { path: `${prefix}${path}`, code: e.keyword, zh: (ZH[e.keyword] ?? (() => '不符合要求'))(e), en: e.message ?? 'is not valid' };
}

export type Validator = (value: unknown) => void;

/** Compiles a schema once; the validator throws `validation.failed` listing every field's problem. */
export function compileValidator(schema: Record<string, unknown>, where: 'body' | 'query' | 'params'): Validator {
  const fn: ValidateFunction = (where === 'body' ? bodies : strings).compile(schema);
  const prefix = where === 'body' ? '' : `/${where}`;
  return (value) => {
    if (!fn(value)) throw validationFailed((fn.errors ?? []).map((e) => toFieldError(e, prefix)));
  };
}
