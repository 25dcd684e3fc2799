// 调整: an amount finance adds to or takes off a draft statement, always with a reason people can read later.
import { validationFailed, isLocalDateText, type DomainError, type FieldError } from '../shared/index.js';
import type { Adjustment } from './types.js';

export const MAX_REASON_LENGTH = 200;

/** An adjustment needs an id, a non-zero whole number of fen (±), a reason of 1–200 characters, who and when. */
export function validateAdjustment(input: Adjustment): Adjustment | DomainError {
  const errors: FieldError[] = [];
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!input.id) errors.push({ path: '/id', code: 'required', zh: '缺少调整编号', en: 'the adjustment needs an id' });
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen === 0) {
    errors.push({ path: '/amountFen', code: 'not_whole_nonzero', zh: '调整金额须为非零的整数分（可为负数）', en: 'must be a non-zero whole number of fen (may be negative)' });
  }
  if (reason === '' || reason.length > MAX_REASON_LENGTH) {
    errors.push({ path: '/reason', code: 'reason_required', zh: `请填写调整原因（1 到 ${MAX_REASON_LENGTH} 字）`, en: `give the reason (1 to ${MAX_REASON_LENGTH} characters)` });
  }
  if (!input.createdBy) errors.push({ path: '/createdBy', code: 'required', zh: '缺少调整人', en: 'who made the adjustment is missing' });
  if (typeof input.createdOn !== 'string' || !isLocalDateText(input.createdOn)) {
    errors.push({ path: '/createdOn', code: 'invalid_date', zh: '调整日期须为 YYYY-MM-DD 格式的日期', en: 'must be a date written YYYY-MM-DD' });
  }
  return errors.length ? validationFailed(errors) : { ...input, reason };
}
