// The package's public entry for a host that embeds yunzhou: createCrm() and the HTTP adapter, the domain
// rules as plain functions, the PDF renderers and the types a host needs. Plugins build on the other
// entry, yunzhou/plugin (plugin.ts).
export { createCrm, defaultDataDir, databaseFromEnv, type Crm, type CrmOptions } from './adapters/composition/create-crm.js';
export type { CrmConfig } from './adapters/composition/config.js';
export type { AreaDescriptor } from './adapters/composition/area.js';
export type { ScheduledJob } from './adapters/composition/plugin-api.js';
export type { DatabaseOptions, Database } from './adapters/knex/database.js';
export type { Migration } from './adapters/knex/migrator.js';
export { seedDemo } from './adapters/demo/seed-demo.js';
export { createHttpApp, type HttpOptions } from './http/app.js';
export { startServer, type ServerOptions, type RunningServer } from './http/server.js';
export type { Authenticator } from './http/authenticator.js';

// Domain rules (pure, usable without a database).
export { DomainError, type ErrorKind, type FieldError, type LocalizedText } from './core/shared/domain-error.js';
// Ports double as container tokens (a host may bind its own clock or read the container).
export { Clock, IdGenerator, UnitOfWork, EventSink, type DomainEvent, type Tx } from './core/shared/ports.js';
export { fire, validateMachine, toMermaid, eventsFrom, type MachineDef } from './core/shared/state-machine.js';
export type { Actor, DataScope } from './core/organisation/actor.js';
export { PERMISSIONS } from './core/organisation/permissions.js';
export type { Page, PageRequest } from './core/shared/pagination.js';
export * from './core/identity/index.js';
export * from './core/money/index.js';
export * from './core/loans/index.js';
export * from './core/grading/index.js';
// 发票 rules: lines by 价税分离, the buyer of a special invoice, the cap, red-letter reversal, numbering.
export {
  INVOICE_MACHINE, DEFAULT_INVOICE_SETTINGS, defaultRate, checkBuyer, buildBlueLines, separateLine, unitPriceText, invoiceTotals, planRedLetter,
  reversalsByLine, invoiceCap, invoiceableAmounts, requestProblem, formatInvoiceNumber, parseInvoiceNumber, buildInvoiceDocument,
  type Invoice, type InvoiceState, type InvoiceSettings, type InvoiceLineRecord, type InvoiceBuyer, type SellerProfile, type LineInput, type BuyerInput,
  type RedLineRequest, type OrderInvoicingFacts, type InvoiceableAmounts,
} from './core/invoices/index.js';
// 回款 and 数据简报 rules: plan generation and revision, allocation, instalment states, the receipt table, periods, funnel.
export * from './core/collections/index.js';
export * from './core/briefing/index.js';

// The outbox and the scheduler, as a host that drives them sees them.
export { EventSubscriber, type OutboxEvent } from './core/events/subscriber.js';
export { MessageRuleContribution, DEFAULT_MESSAGE_RULES, type MessageRule } from './core/workcenter/message-rules.js';
export type { TextTemplate } from './core/workcenter/text-template.js';
export type { Scheduler, JobRun, JobOutcome, StartOptions } from './adapters/scheduler/scheduler.js';
export { slotOf } from './adapters/scheduler/slots.js';
export type { OutboxRelay, RelayReport } from './adapters/events/outbox-relay.js';
export { domainError, notFound, validationFailed, isDomainError } from './core/shared/domain-error.js';
export { can, requirePermission, inScope } from './core/organisation/actor.js';

// PDF documents from plain data (no database needed).
export {
  createPdfRenderer, renderInvoicePdf, renderContractPdf, renderPlanPdf,
  renderInvoicePdfStream, renderContractPdfStream, renderPlanPdfStream, defaultFontPath,
  PdfkitRenderer, type PdfRendererOptions,
} from './adapters/pdf/index.js';
export type * from './core/documents/types.js';
export { PdfRenderer, type PdfBytes } from './core/documents/ports.js';
export { DocumentCharset, requireDrawable, undrawableCharacters, undrawableFields, type DocumentTexts } from './core/shared/document-charset.js';
export { fillTemplate, placeholdersIn } from './core/documents/template.js';

// The 咨询 rules, ports and types hosts build on: the lifecycle moves (orders) and merge participants.
export {
  InquiryRepository, InquirySettingsRepository, checkInquiryFields, duplicateMobileError, gradingPolicyOf, stageLabel, LIFECYCLE_LABELS, POOL_LABELS,
  InquiryLifecycle, MergeParticipant, DEFAULT_INQUIRY_SETTINGS,
  type Inquiry, type InquiryDetail, type InquiryView, type InquiryInput, type InquiryFields, type InquiryListQuery, type InquirySettings, type TenantInquirySettings,
  type Lifecycle, type InquiryService, type LifecycleChange, type DuplicateMatch, type FollowUp,
} from './core/inquiries/index.js';
export type { OrganisationService } from './core/organisation/organisation.service.js';
export type { Tenant, Department, Role, User } from './core/organisation/types.js';
export { SpreadsheetWriter, XLSX_CONTENT_TYPE, type SheetSpec, type SheetRow, type SheetColumn } from './core/documents/spreadsheet.js';
export { instantOfLocal, isLocalDateText, localDate, localDateTime } from './core/shared/zoned-time.js';
export { isCleanText, BAD_TEXT_MESSAGE } from './core/shared/clean-text.js';
