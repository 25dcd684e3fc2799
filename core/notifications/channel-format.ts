// Each channel's message from a notification's words, within the vendor's limits (cut between characters,
// with an ellipsis): WeCom's text card (title ≤ 128 bytes, description ≤ 512 bytes, button ≤ 4 characters;
// developer.work.weixin.qq.com/document/path/90236), DingTalk's action card in a work notification (limits
// not published per field: we keep the title to 128 bytes and the markdown to 2048), and Aliyun SMS, which
// carries no free text: an approved template per kind and its variables, each at most 35 characters.
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from './kinds.js';
import type { Notification, NotificationText } from './notification.js';
import { escapeHtmlWithin, truncateUnits, truncateUtf8, utf8Length } from './truncate.js';

export const WECOM_TITLE_BYTES = 128;
export const WECOM_DESCRIPTION_BYTES = 512;
export const DINGTALK_TITLE_BYTES = 128;
export const DINGTALK_MARKDOWN_BYTES = 2048;
export const SMS_PARAM_CHARS = 35;

/** The console's address for a path: a firm's base URL (its own domain or proxy) and the screen. */
export function consoleUrl(base: string, link: string): string {
  return `${base.replace(/\/+$/, '')}${link.startsWith('/') ? link : `/${link}`}`;
}

export interface WeComCardContent {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly buttonText: string;
}

/** A WeCom text card: the text in WeCom's 'normal' style, the kind as a grey first line. */
export function wecomTextCard(n: NotificationText & { readonly kind?: NotificationKind }, base: string): WeComCardContent {
  const head = n.kind ? `<div class="gray">${NOTIFICATION_KIND_LABELS[n.kind].zh}</div>` : '';
  const open = '<div class="normal">';
  const close = '</div>';
  const room = WECOM_DESCRIPTION_BYTES - utf8Length(head + open + close);
  return {
    title: truncateUtf8(n.title, WECOM_TITLE_BYTES),
    description: `${head}${open}${escapeHtmlWithin(n.text.replace(/\n/g, '；'), room)}${close}`,
    url: consoleUrl(base, n.link),
    buttonText: '详情',
  };
}

export interface DingTalkCardContent {
  readonly title: string;
  readonly markdown: string;
  readonly buttonText: string;
  readonly url: string;
}

// Characters that would turn into markdown in DingTalk's renderer.
const escapeMarkdown = (s: string): string => s.replace(/([\\`*_[\]#>|])/g, '\\$1');

/** A DingTalk action card with one button that opens the console. */
export function dingtalkActionCard(n: NotificationText, base: string): DingTalkCardContent {
  const title = truncateUtf8(n.title, DINGTALK_TITLE_BYTES);
  const heading = `### ${escapeMarkdown(title)}\n\n`;
  const body = truncateUtf8(n.text.split('\n').map(escapeMarkdown).join('  \n'), DINGTALK_MARKDOWN_BYTES - utf8Length(heading));
  // Cutting after escaping could leave a lone '\' at the end: drop it rather than escape the ellipsis.
  return { title, markdown: heading + body.replace(/\\…$/, '…'), buttonText: '查看详情', url: consoleUrl(base, n.link) };
}

/** The variables a kind's template uses, with the wording the firm registers (docs/notifications-rules.md). */
export const SMS_TEMPLATE_PARAMS: Readonly<Record<NotificationKind, readonly string[]>> = {
  follow_up_due: ['name', 'time'],
  approval_waiting: ['name', 'submitter'],
  receipt_to_confirm: ['name', 'submitter'],
  instalment_due: ['name', 'number', 'dueOn'],
  instalment_overdue: ['name', 'number', 'dueOn'],
  task_assigned: ['name', 'due'],
  task_update: ['name'],
  assignment: ['name'],
  approval_result: ['name'],
  application: ['name'],
  finance: ['name'],
  pool: ['name'],
};

export interface SmsContent {
  readonly templateCode: string;
  readonly params: Readonly<Record<string, string>>;
}

/** The SMS for a notification, or null when the firm registered no template for its kind. */
export function smsMessage(n: Pick<Notification, 'kind' | 'values'>, templateCodes: Readonly<Partial<Record<NotificationKind, string>>>): SmsContent | null {
  const templateCode = templateCodes[n.kind];
  if (!templateCode) return null;
  const params = Object.fromEntries(SMS_TEMPLATE_PARAMS[n.kind].map((p) => {
    const v = (n.values[p] ?? '').replace(/\s+/g, ' ').trim();
    // Aliyun refuses an empty variable.
    return [p, truncateUnits(v === '' ? '—' : v, SMS_PARAM_CHARS)];
  }));
  return { templateCode, params };
}
