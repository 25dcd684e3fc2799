// Checks a tenant's grading policy when it is saved or loaded, so that the rules never meet a broken one.
import { DomainError, isLocalDateText, isValidTimeZone, type FieldError } from '../shared/index.js';
import type { GradingPolicy, WorkingHours } from './grading-policy.js';
import { minutesOfDay } from './working-hours.js';

const CODE_RE = /^[A-Za-z0-9]{1,8}$/;
const NAME_MAX = 20;

function problem(path: string, code: string, zh: string, en: string): FieldError {
  return { path, code, zh, en };
}

function isPositiveInteger(n: unknown): boolean {
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
}

function workingHoursProblems(w: WorkingHours): FieldError[] {
  const out: FieldError[] = [];
  const start = minutesOfDay(w.start);
  const end = minutesOfDay(w.end);
  if (start === null) out.push(problem('/workingHours/start', 'bad_time', '上班时间应为 HH:mm（如 09:00）', 'start must be HH:mm (e.g. 09:00)'));
  if (end === null) out.push(problem('/workingHours/end', 'bad_time', '下班时间应为 HH:mm（如 18:00）', 'end must be HH:mm (e.g. 18:00)'));
  if (start !== null && end !== null && start >= end) {
    out.push(problem('/workingHours/end', 'end_not_after_start', '下班时间应晚于上班时间', `end ${w.end} must be later than start ${w.start}`));
  }
  if (w.workdays.length === 0) out.push(problem('/workingHours/workdays', 'no_workdays', '至少选择一个工作日', 'choose at least one workday'));
  const seen = new Set<number>();
  w.workdays.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || d > 7) {
      out.push(problem(`/workingHours/workdays/${i}`, 'unknown_workday', `工作日 ${d} 无效，应为 1（周一）到 7（周日）`, `workday ${d} is unknown: use 1 (Monday) to 7 (Sunday)`));
    } else if (seen.has(d)) {
      out.push(problem(`/workingHours/workdays/${i}`, 'duplicate_workday', `工作日 ${d} 重复`, `workday ${d} is listed twice`));
    }
    seen.add(d);
  });
  for (const list of ['holidays', 'extraWorkdays'] as const) {
    w[list].forEach((date, i) => {
      if (!isLocalDateText(date)) {
        out.push(problem(`/workingHours/${list}/${i}`, 'bad_date', `日期「${date}」应为 YYYY-MM-DD`, `"${date}" must be a YYYY-MM-DD date`));
      }
    });
  }
  w.extraWorkdays.forEach((date, i) => {
    if (w.holidays.includes(date)) {
      out.push(problem(`/workingHours/extraWorkdays/${i}`, 'holiday_and_workday', `${date} 不能既是节假日又是调休工作日`, `${date} cannot be both a holiday and a make-up workday`));
    }
  });
  return out;
}

/** A grading policy must have uniquely coded, named levels with positive intervals and sane working hours. */
export function validateGradingPolicy(policy: GradingPolicy): DomainError | null {
  const out: FieldError[] = [];
  if (policy.levels.length === 0) out.push(problem('/levels', 'no_levels', '至少需要一个客户级别', 'there must be at least one level'));
  const codes = new Set<string>();
  policy.levels.forEach((l, i) => {
    const at = `/levels/${i}`;
    if (!CODE_RE.test(l.code)) {
      out.push(problem(`${at}/code`, 'bad_code', `级别代码「${l.code}」应为 1–8 位字母或数字`, `level code "${l.code}" must be 1–8 letters or digits`));
    } else if (codes.has(l.code)) {
      out.push(problem(`${at}/code`, 'duplicate_code', `级别代码「${l.code}」重复`, `level code "${l.code}" is used twice`));
    }
    codes.add(l.code);
    if (l.name.trim().length === 0 || l.name.length > NAME_MAX) {
      out.push(problem(`${at}/name`, 'bad_name', `级别名称不能为空，且不超过 ${NAME_MAX} 个字`, `level name must be 1–${NAME_MAX} characters`));
    }
    if (!isPositiveInteger(l.followUpIntervalMinutes)) {
      out.push(problem(`${at}/followUpIntervalMinutes`, 'non_positive_interval', '跟进间隔应为正整数分钟', `follow-up interval must be a positive whole number of minutes, not ${l.followUpIntervalMinutes}`));
    }
    for (const k of ['noFollowUpDays', 'overdueDays'] as const) {
      const days = l.poolRecycle[k];
      if (days !== null && !isPositiveInteger(days)) {
        out.push(problem(`${at}/poolRecycle/${k}`, 'non_positive_days', '回收天数应为正整数，或留空表示不回收', `${k} must be a positive whole number of days, or null for never, not ${days}`));
      }
    }
  });
  if (!isValidTimeZone(policy.timeZone)) {
    out.push(problem('/timeZone', 'unknown_time_zone', `未知时区「${policy.timeZone}」`, `unknown time zone "${policy.timeZone}"`));
  }
  if (policy.workingHours) out.push(...workingHoursProblems(policy.workingHours));
  if (out.length === 0) return null;
  return new DomainError(
    'grading.invalid_policy',
    'invalid',
    {
      zh: `客户级别设置有误：${out.map((p) => p.zh).join('；')}`,
      en: `The grading policy is invalid: ${out.map((p) => p.en).join('; ')}`,
    },
    { problems: out.map((p) => `${p.path} ${p.code}`) },
    out,
  );
}
