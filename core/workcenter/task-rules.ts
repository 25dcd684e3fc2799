// Task rules (自动任务): conditions a scheduled job looks for, each making one task per record and occasion.
// A rule is data: what to look for, after how many days, who gets the task, its words, due time and priority.
// A firm switches rules on or off and tunes their numbers; the conditions themselves come with the product.
import { domainError, validationFailed, type LocalizedText, type FieldError } from '../shared/index.js';
import { renderTemplate, type TextTemplate } from './text-template.js';
import { TASK_PRIORITIES, type TaskPriority } from './task.js';

/** What a rule looks for; each kind has a query in the adapter (TaskRuleSource). */
export type TaskCondition =
  | { readonly kind: 'application_in_status'; readonly status: string } // an application sits in a status
  | { readonly kind: 'follow_up_overdue' }; // an owned inquiry's next follow-up time has passed

export interface TaskRule {
  readonly key: string;
  readonly name: LocalizedText;
  readonly condition: TaskCondition;
  /** Days the condition must have lasted. */
  readonly afterDays: number;
  /** The task is due this many hours after it is made. */
  readonly dueInHours: number;
  readonly priority: TaskPriority;
  readonly enabled: boolean;
  readonly title: TextTemplate;
  readonly description: TextTemplate;
}

/** A firm's settings of one rule (the rest of the rule is the product's). */
export interface TaskRuleSetting {
  readonly ruleKey: string;
  readonly enabled: boolean;
  readonly afterDays: number;
  readonly dueInHours: number;
  readonly priority: TaskPriority;
}

/** One record a rule's condition found. */
export interface RuleCandidate {
  /** The record the rule is about, e.g. 'application:<line id>': with the occasion, one task each. */
  readonly record: string;
  /** When the condition began (the application entered 申请中 …): a new occasion makes a new task. */
  readonly occasion: Date;
  readonly relatedType: string;
  readonly relatedId: string;
  readonly assigneeId: string;
  readonly departmentId: string | null;
  /** Values for the title and description. */
  readonly values: Readonly<Record<string, unknown>>;
}

export const DEFAULT_TASK_RULES: readonly TaskRule[] = [
  {
    key: 'application_applying',
    name: { zh: '申请中超过 N 天：跟进申请', en: 'Follow up an application N days in 申请中' },
    condition: { kind: 'application_in_status', status: 'applying' },
    afterDays: 3, dueInHours: 24, priority: 'high', enabled: true,
    title: { zh: '跟进申请：{productName}（{companyName}）', en: 'Follow up the application: {productName} ({companyName})' },
    description: {
      zh: '订单「{orderTitle}」的{productName}申请已在「申请中」{afterDays} 天，请向{institution}了解进度并更新申请状态。',
      en: 'The {productName} application of order "{orderTitle}" has been applying for {afterDays} days: ask {institution} and update its status.',
    },
  },
  {
    key: 'follow_up_overdue',
    name: { zh: '跟进逾期超过 N 天：补跟进', en: 'Catch up a follow-up overdue N days' },
    condition: { kind: 'follow_up_overdue' },
    afterDays: 1, dueInHours: 8, priority: 'normal', enabled: false,
    title: { zh: '补跟进：{companyName}', en: 'Catch up the follow-up: {companyName}' },
    description: {
      zh: '计划于 {nextFollowUpAt} 的跟进已逾期 {afterDays} 天，请尽快联系客户{contactName}。',
      en: 'The follow-up planned for {nextFollowUpAt} is {afterDays} days overdue: contact {contactName}.',
    },
  },
];

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The rules a firm runs: the product's rules with the firm's settings applied. */
export function effectiveRules(rules: readonly TaskRule[], settings: readonly TaskRuleSetting[]): TaskRule[] {
  const byKey = new Map(settings.map((s) => [s.ruleKey, s]));
  return rules.map((r) => {
    const s = byKey.get(r.key);
    return s ? { ...r, enabled: s.enabled, afterDays: s.afterDays, dueInHours: s.dueInHours, priority: s.priority } : r;
  });
}

/** Records qualify once their condition began at or before this instant. */
export function ruleThreshold(rule: Pick<TaskRule, 'afterDays'>, now: Date): Date {
  return new Date(now.getTime() - rule.afterDays * DAY_MS);
}

/** A setting a firm may save: whole days 0–365, 1–720 hours to do it, a known priority. */
export function checkRuleSetting(rules: readonly TaskRule[], s: TaskRuleSetting): void {
  if (!rules.some((r) => r.key === s.ruleKey)) {
    throw domainError('task_rule.not_found', 'not_found', `没有自动任务规则「${s.ruleKey}」`, `There is no task rule "${s.ruleKey}"`, { key: s.ruleKey });
  }
  const errors: FieldError[] = [];
  if (!Number.isInteger(s.afterDays) || s.afterDays < 0 || s.afterDays > 365) errors.push({ path: '/afterDays', code: 'range', zh: '天数应为 0–365 的整数', en: 'Days must be a whole number from 0 to 365' });
  if (!Number.isInteger(s.dueInHours) || s.dueInHours < 1 || s.dueInHours > 720) errors.push({ path: '/dueInHours', code: 'range', zh: '处理时限应为 1–720 小时', en: 'Hours to do it must be a whole number from 1 to 720' });
  if (!TASK_PRIORITIES.includes(s.priority)) errors.push({ path: '/priority', code: 'enum', zh: '优先级无效', en: 'Unknown priority' });
  if (errors.length) throw validationFailed(errors);
}

/** What a rule's task says and when it is due, for one candidate found at `now`. */
export interface RuleTaskDraft {
  readonly title: string;
  readonly description: string;
  readonly dueAt: Date;
  readonly priority: TaskPriority;
}

export function ruleTaskDraft(rule: TaskRule, candidate: RuleCandidate, now: Date, timeZone: string): RuleTaskDraft {
  const values = { ...candidate.values, afterDays: rule.afterDays };
  const title = renderTemplate(rule.title, values, timeZone);
  const description = renderTemplate(rule.description, values, timeZone);
  return { title: title.zh.slice(0, 200), description: description.zh, dueAt: new Date(now.getTime() + rule.dueInHours * HOUR_MS), priority: rule.priority };
}
