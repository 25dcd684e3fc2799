// `yunzhou/plugin`: everything a plugin may use (docs/plugins.md). A plugin imports this entry and npm
// packages only (a lint rule and test/architecture/layers.test.ts keep it so); the package's main entry
// is for hosts that embed yunzhou.

// Defining a plugin: definePlugin({ name, uses, migrations, settings, facade, setup }) → a descriptor for
// createCrm({ plugins }).
export {
  definePlugin, type PluginSpec, type PluginContext, type PluginParts, type PluginServices, type ServiceName, type PluginData,
  type PluginSubscriber, type PluginCommand, type DeliveredEvent,
} from './adapters/composition/plugin-sdk.js';
export type { PluginSettings, SettingsSpec } from './adapters/composition/plugin-settings.js';
export { token, type Token, type AreaDescriptor, type CommandIo, type FacadeTokens } from './adapters/composition/area.js';
export type { ScheduledJob } from './adapters/composition/plugin-api.js';
export type { Migration } from './adapters/knex/migrator.js';

// Routes as data: a handler returns JSON, or respond({ status, headers, body | stream }).
export { respond, type RouteDef, type RouteRequest, type RouteResult, type JsonSchema } from './adapters/composition/route-def.js';
export { contentDisposition } from './http/content-disposition.js';
// The console's session cookie, for plugins that sign people in otherwise than by password.
export { sessionCookie } from './http/session-cookie.js';

// Errors with a stable code and zh + en messages (the HTTP layer maps their kind to a status).
export { DomainError, domainError, notFound, validationFailed, isDomainError, type ErrorKind, type FieldError, type LocalizedText } from './core/shared/domain-error.js';

// Who is asking: permissions and data scope.
export { can, requirePermission, inScope, type Actor, type DataScope } from './core/organisation/actor.js';
export { PERMISSIONS } from './core/organisation/permissions.js';
export { buildActor } from './core/organisation/build-actor.js';
export type { Tenant, Department, Role, User } from './core/organisation/types.js';

// Pagination (opaque cursors over a sort key) and the firm's calendar (its time zone).
export { encodeCursor, decodeCursor, MAX_PAGE_SIZE, type Page, type PageRequest } from './core/shared/pagination.js';
export { instantOfLocal, isLocalDateText, localDate, localDateTime, startOfLocalDay, addLocalDays } from './core/shared/zoned-time.js';

// The types of the services and ports a plugin may declare in `uses`, and of what they carry.
export type { Clock, IdGenerator, EventSink, Timeline, Tx, DomainEvent, ActivityEntry } from './core/shared/ports.js';
export type { OutboxEvent } from './core/events/subscriber.js';
export type { OrganisationService } from './core/organisation/organisation.service.js';
export type { OrganisationRepository, UserListFilter } from './core/organisation/ports.js';
export type { AuthService, LoginResult } from './core/organisation/auth.service.js';
export type { Cipher } from './core/security/ports.js';
export { XLSX_CONTENT_TYPE, type SpreadsheetWriter, type SheetSpec, type SheetRow, type SheetColumn } from './core/documents/spreadsheet.js';
export { undrawableFields, type DocumentCharset } from './core/shared/document-charset.js';

// 咨询 rules and types, for plugins that import, export or react to inquiries; and the 咨询 list's HTTP
// filters, so an export takes the same query as the list it exports.
export {
  checkInquiryFields, duplicateMobileError, gradingPolicyOf, stageLabel,
  type Inquiry, type InquiryDetail, type InquiryFields, type InquiryInput, type InquiryListQuery, type InquirySettings, type InquiryService,
  type InquiryRepository, type InquirySettingsRepository,
} from './core/inquiries/index.js';
export { listQuery as inquiryListQuerySchema, listQueryOf as inquiryListQueryOf } from './http/routes/inquiries.routes.js';
export { findLevel, levelLabel, nextFollowUpAt } from './core/grading/index.js';
export { normalizeMobile } from './core/identity/index.js';
export { isCleanText, BAD_TEXT_MESSAGE } from './core/shared/clean-text.js';

// Notifications (issue 17): who an event tells, each person's preferences and when a copy goes out, the words
// on each channel within the vendor's limits, and the delivery state machine of one copy.
export {
  NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, CHANNELS, isNotificationKind, notificationKey, defaultPreferences, updatePreferences, plan, digest,
  wecomTextCard, dingtalkActionCard, smsMessage, consoleUrl, newDelivery, afterAttempt, requeue, DELIVERY_MACHINE, DEFAULT_RETRY_POLICY,
  type NotificationSource, type Notification, type NotificationKind, type Channel, type NotificationPreferences, type DeliveryPlan, type Delivery,
  type DeliveryState, type AttemptOutcome, type VendorFailure, type RetryPolicy, type DigestItem,
} from './core/notifications/index.js';
