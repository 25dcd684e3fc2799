// Each person's choices: which channels per kind (none is an empty list: the 消息 list still has it), quiet
// hours in the firm's time zone, kinds allowed through quiet hours, and kinds gathered into one daily digest.
import { validationFailed, type FieldError } from '../shared/index.js';
import { NOTIFICATION_KINDS, isNotificationKind, type NotificationKind } from './kinds.js';
import { CHANNELS, type Channel } from './notification.js';

/** A wall-clock time 'HH:MM' in the firm's time zone. */
export type LocalTime = string;

export interface QuietHours {
  /** Held from here … */
  readonly start: LocalTime;
  /** … until here (may be on the next day: 22:00–08:00). */
  readonly end: LocalTime;
}

export interface DigestSetting {
  /** When the day's digest goes out. */
  readonly at: LocalTime;
  /** The kinds gathered into it instead of being sent one by one. */
  readonly kinds: readonly NotificationKind[];
}

export interface NotificationPreferences {
  readonly channels: Readonly<Record<NotificationKind, readonly Channel[]>>;
  readonly quietHours: QuietHours | null;
  /** Kinds sent even in quiet hours. */
  readonly urgentKinds: readonly NotificationKind[];
  readonly digest: DigestSetting | null;
}

/** What waits on a person goes to the firm's chat app; news stays in the 消息 list. SMS costs money: off. */
const ACTION_KINDS: readonly NotificationKind[] = ['follow_up_due', 'approval_waiting', 'receipt_to_confirm', 'instalment_due', 'instalment_overdue', 'task_assigned'];

/** The preferences a firm's people start with, given the chat app the firm connected (or none). */
export function defaultPreferences(chatApp: 'wecom' | 'dingtalk' | null): NotificationPreferences {
  const channels = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, chatApp !== null && ACTION_KINDS.includes(k) ? [chatApp] : []])) as Record<NotificationKind, Channel[]>;
  return { channels, quietHours: { start: '22:00', end: '08:00' }, urgentKinds: [], digest: null };
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of an 'HH:MM' time. */
export function minutesOf(time: LocalTime): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new Error(`not an HH:MM time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Whether a minute of the day lies in quiet hours [start, end), which may wrap past midnight. */
export function inQuietMinute(q: QuietHours, minute: number): boolean {
  const s = minutesOf(q.start);
  const e = minutesOf(q.end);
  return s < e ? minute >= s && minute < e : minute >= s || minute < e;
}

type Errors = FieldError[];
const err = (errors: Errors, path: string, code: string, zh: string, en: string): void => { errors.push({ path, code: `notification.${code}`, zh, en }); };
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function timeAt(errors: Errors, path: string, v: unknown): LocalTime | null {
  if (typeof v === 'string' && TIME_RE.test(v)) return v;
  err(errors, path, 'time_invalid', '时间应为 HH:MM（00:00–23:59）', 'A time must be HH:MM (00:00–23:59)');
  return null;
}

function kindList(errors: Errors, path: string, v: unknown): NotificationKind[] {
  if (!Array.isArray(v)) { err(errors, path, 'list_expected', '应为通知类型的列表', 'Must be a list of notification kinds'); return []; }
  const out: NotificationKind[] = [];
  v.forEach((k, i) => {
    if (!isNotificationKind(k)) err(errors, `${path}/${i}`, 'kind_unknown', `没有通知类型「${String(k)}」`, `There is no notification kind "${String(k)}"`);
    else if (!out.includes(k)) out.push(k);
  });
  return out;
}

function channelList(errors: Errors, path: string, v: unknown): Channel[] {
  if (!Array.isArray(v)) { err(errors, path, 'list_expected', '应为渠道列表', 'Must be a list of channels'); return []; }
  if (v.includes('none')) {
    if (v.length > 1) err(errors, path, 'none_with_others', '「不通知」不能与其他渠道同选', '"none" cannot be chosen with other channels');
    return [];
  }
  const out: Channel[] = [];
  v.forEach((c, i) => {
    if (!(CHANNELS as readonly unknown[]).includes(c)) err(errors, `${path}/${i}`, 'channel_unknown', `没有渠道「${String(c)}」（可选 wecom、dingtalk、sms、none）`, `There is no channel "${String(c)}" (wecom, dingtalk, sms, none)`);
    else if (out.includes(c as Channel)) err(errors, `${path}/${i}`, 'channel_duplicate', `渠道「${String(c)}」重复`, `Channel "${String(c)}" is listed twice`);
    else out.push(c as Channel);
  });
  return out;
}

/**
 * A person's changes applied to their current preferences (fields left out keep their value; `channels`
 * changes only the kinds it names; null switches quiet hours or the digest off). Refuses the whole change
 * with `validation.failed` listing every field's problem (codes `notification.*`).
 */
export function updatePreferences(current: NotificationPreferences, input: unknown): NotificationPreferences {
  const errors: Errors = [];
  if (!isObject(input)) throw validationFailed([{ path: '', code: 'notification.object_expected', zh: '应为对象', en: 'Must be an object' }]);
  const channels: Record<NotificationKind, readonly Channel[]> = { ...current.channels };
  if (input['channels'] !== undefined) {
    if (!isObject(input['channels'])) err(errors, '/channels', 'object_expected', '应为「通知类型 → 渠道」的对象', 'Must map notification kinds to channels');
    else for (const [k, v] of Object.entries(input['channels'])) {
      if (!isNotificationKind(k)) err(errors, `/channels/${k}`, 'kind_unknown', `没有通知类型「${k}」`, `There is no notification kind "${k}"`);
      else channels[k] = channelList(errors, `/channels/${k}`, v);
    }
  }
  let quietHours = current.quietHours;
  if (input['quietHours'] !== undefined) {
    const q = input['quietHours'];
    if (q === null) quietHours = null;
    else if (!isObject(q)) err(errors, '/quietHours', 'object_expected', '应为 { start, end } 或 null', 'Must be { start, end } or null');
    else {
      const start = timeAt(errors, '/quietHours/start', q['start']);
      const end = timeAt(errors, '/quietHours/end', q['end']);
      if (start !== null && end !== null && start === end) err(errors, '/quietHours/end', 'quiet_hours_empty', '免打扰的开始与结束时间不能相同', 'Quiet hours must not start and end at the same time');
      if (start !== null && end !== null) quietHours = { start, end };
    }
  }
  const urgentKinds = input['urgentKinds'] === undefined ? current.urgentKinds : kindList(errors, '/urgentKinds', input['urgentKinds']);
  let digest = current.digest;
  if (input['digest'] !== undefined) {
    const d = input['digest'];
    if (d === null) digest = null;
    else if (!isObject(d)) err(errors, '/digest', 'object_expected', '应为 { at, kinds } 或 null', 'Must be { at, kinds } or null');
    else {
      const at = timeAt(errors, '/digest/at', d['at']);
      const kinds = kindList(errors, '/digest/kinds', d['kinds']);
      if (Array.isArray(d['kinds']) && d['kinds'].length === 0) err(errors, '/digest/kinds', 'digest_kinds_empty', '汇总至少包含一种通知', 'A digest needs at least one kind');
      if (at !== null) digest = { at, kinds };
    }
  }
  // A digest sent inside quiet hours would wake the person it is meant to spare.
  if (digest !== null && quietHours !== null && TIME_RE.test(digest.at) && inQuietMinute(quietHours, minutesOf(digest.at))) {
    err(errors, '/digest/at', 'digest_in_quiet_hours', `汇总时间 ${digest.at} 在免打扰时段内`, `The digest time ${digest.at} falls in quiet hours`);
  }
  if (errors.length) throw validationFailed(errors);
  return { channels, quietHours, urgentKinds, digest };
}
