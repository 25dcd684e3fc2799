// The inputs of the fee decisions are amounts the caller already holds (fen from the database): a bad one
// is refused as `fee.invalid_input` with its field, never turned into a wrong decision.
import { DomainError, type FieldError } from '../shared/index.js';

export function amountErrors(amounts: Readonly<Record<string, number | null>>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, v] of Object.entries(amounts)) {
    if (v === null) continue;
    if (!Number.isSafeInteger(v)) errors.push({ path: `/${name}`, code: 'not_integer', zh: '须为整数（分）', en: 'must be a whole number of fen' });
    else if (v < 0) errors.push({ path: `/${name}`, code: 'negative', zh: '不能为负数', en: 'must not be negative' });
  }
  return errors;
}

export function invalidFeeInput(errors: readonly FieldError[]): DomainError {
  return new DomainError('fee.invalid_input', 'invalid', {
    zh: `收费计算的输入有误：${errors.map((e) => `${e.path} ${e.zh}`).join('；')}`,
    en: `Invalid input to the fee computation: ${errors.map((e) => `${e.path} ${e.en}`).join('; ')}`,
  }, {}, errors);
}
