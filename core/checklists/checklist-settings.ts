// 资料到期提醒提前天数: how many days before a collected document stops being good its order's owner is
// reminded. A firm setting of whole days 1–90; a firm that never saved one runs on the default.
import { validationFailed, type DomainError } from '../shared/index.js';

export interface ChecklistSettings {
  readonly reminderDaysBefore: number;
  /** 0 while the firm runs on the defaults. */
  readonly version: number;
}

export const MIN_REMINDER_DAYS_BEFORE = 1;
export const MAX_REMINDER_DAYS_BEFORE = 90;
export const DEFAULT_REMINDER_DAYS_BEFORE = 7;

export const DEFAULT_CHECKLIST_SETTINGS: ChecklistSettings = { reminderDaysBefore: DEFAULT_REMINDER_DAYS_BEFORE, version: 0 };

/** Saved only with a whole number of days 1–90. */
export function checkChecklistSettings(s: Omit<ChecklistSettings, 'version'>): DomainError | null {
  const n = s.reminderDaysBefore;
  if (Number.isSafeInteger(n) && n >= MIN_REMINDER_DAYS_BEFORE && n <= MAX_REMINDER_DAYS_BEFORE) return null;
  return validationFailed([{ path: '/reminderDaysBefore', code: 'out_of_range', zh: '资料到期提醒提前天数须为 1 到 90 的整数', en: 'must be a whole number of days from 1 to 90' }]);
}
