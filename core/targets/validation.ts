// A target is saved only with a known subject and figure, a month or quarter period and a whole, non-negative
// number of fen; a list of targets may hold one target per subject, figure and period.
import { validationFailed, type DomainError, type FieldError } from '../shared/index.js';
import { periodKindOf } from './period.js';
import { TARGET_METRICS, TARGET_SUBJECT_KINDS, type Target } from './types.js';

const err = (path: string, code: string, zh: string, en: string): FieldError => ({ path, code, zh, en });

function targetErrors(t: Target, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!TARGET_SUBJECT_KINDS.includes(t?.subjectKind)) errors.push(err(`${at}/subjectKind`, 'invalid_subject', '目标对象须为人员（person）或部门（department）', 'must be person or department'));
  if (typeof t?.subjectId !== 'string' || t.subjectId.trim() === '') errors.push(err(`${at}/subjectId`, 'required', '请选择人员或部门', 'choose the person or the department'));
  if (!TARGET_METRICS.includes(t?.metric)) errors.push(err(`${at}/metric`, 'invalid_metric', '目标指标须为合同金额、放款金额或回款金额', 'must be contract, disbursed or collected'));
  if (periodKindOf(t?.period) === null) {
    errors.push(err(`${at}/period`, 'invalid_period', '目标周期须为月份（YYYY-MM）或季度（YYYY-Q1 至 YYYY-Q4）', 'must be a month YYYY-MM or a quarter YYYY-Q1 to YYYY-Q4'));
  }
  if (!Number.isSafeInteger(t?.amountFen) || t.amountFen < 0) errors.push(err(`${at}/amountFen`, 'invalid_amount', '目标金额须为不小于 0 的整数分', 'must be a whole, non-negative number of fen'));
  return errors;
}

/** One target, or `validation.failed` listing every field's problem. */
export function validateTarget(t: Target): Target | DomainError {
  const errors = targetErrors(t, '');
  return errors.length ? validationFailed(errors) : { ...t, subjectId: t.subjectId.trim() };
}

/** A list saved at once (a month's or quarter's targets): each checked, and no subject, figure and period twice. */
export function validateTargets(list: readonly Target[]): Target[] | DomainError {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((t, i) => {
    const own = targetErrors(t, `/${i}`);
    errors.push(...own);
    if (own.length > 0) return;
    const key = [t.subjectKind, t.subjectId.trim(), t.metric, t.period].join('\u0000');
    if (seen.has(key)) errors.push(err(`/${i}`, 'duplicate_target', '同一对象、指标和周期只能设一个目标', 'one target per subject, figure and period'));
    seen.add(key);
  });
  return errors.length ? validationFailed(errors) : list.map((t) => ({ ...t, subjectId: t.subjectId.trim() }));
}
