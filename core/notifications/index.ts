/**
 * Notifications (issue 17): the pure core of telling staff in WeCom, DingTalk or by SMS what the work center
 * tells them. No database, no HTTP: the outbox subscriber, the channel plugins and the settings screen use
 * these rules.
 *
 * - Who and what: notificationsForEvent() runs the work center's message rules (the same recipients and
 *   words as the 消息 list) and adds a kind, a Chinese text saying what to do and the console screen to open;
 *   notificationOf() does the same for a message made without an event (the follow-up reminder).
 *   notificationKey() is each copy's idempotency key: source (event) × recipient × channel.
 * - When: plan() from a person's preferences (channels per kind, quiet hours in the firm's zone, urgent
 *   kinds, daily digest); digest() gathers what was held for the digest into one message.
 *   updatePreferences() validates a change (`validation.failed`, field codes `notification.*`);
 *   defaultPreferences() is what a firm's people start with.
 * - How: wecomTextCard(), dingtalkActionCard(), smsMessage() within each vendor's limits; truncate*() cut
 *   between characters.
 * - Delivery: the state machine of one copy (afterAttempt(), requeue(), backoffDelay()).
 */
export {
  NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, NOTIFICATION_KIND_ACTIONS, kindOfMessage, isNotificationKind, type NotificationKind,
} from './kinds.js';
export {
  CHANNELS, consoleLink, notificationOf, notificationsForEvent, notificationKey,
  type Channel, type Notification, type NotificationText, type NotificationContext, type EventNotificationOptions,
} from './notification.js';
export {
  defaultPreferences, updatePreferences, inQuietMinute, minutesOf,
  type NotificationPreferences, type QuietHours, type DigestSetting, type LocalTime,
} from './preferences.js';
export { plan, nextLocalTime, inQuietHours, quietHoursEnd, type DeliveryPlan } from './planning.js';
export { digest, type Digest, type DigestItem } from './digest.js';
export {
  wecomTextCard, dingtalkActionCard, smsMessage, consoleUrl, SMS_TEMPLATE_PARAMS,
  WECOM_TITLE_BYTES, WECOM_DESCRIPTION_BYTES, DINGTALK_TITLE_BYTES, DINGTALK_MARKDOWN_BYTES, SMS_PARAM_CHARS,
  type WeComCardContent, type DingTalkCardContent, type SmsContent,
} from './channel-format.js';
export { truncate, truncateUtf8, truncateUnits, utf8Length, costOf, utf8Bytes, utf16Units, escapeHtml, escapeHtmlWithin, type Cost } from './truncate.js';
export {
  DELIVERY_MACHINE, DEFAULT_RETRY_POLICY, backoffDelay, newDelivery, afterAttempt, requeue,
  type Delivery, type DeliveryState, type DeliveryEvent, type AttemptOutcome, type VendorFailure, type RetryPolicy, type FailurePayload,
} from './delivery.js';
export { NotificationSource, type NotificationSourceDeps } from './source.js';
