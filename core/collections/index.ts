// 回款: collection plans (generation, revision), instalment states, allocation of receipts, the receipt's state
// table and the close rules (pure, usable without a database); then the ports and the use cases.
export {
  INSTALMENT_STATES, INSTALMENT_STATE_LABELS, PLAN_METHODS, PLAN_METHOD_LABELS, RECEIPT_STATES,
  type InstalmentState, type PlanMethod, type InstalmentDraft, type Instalment, type CollectionPlan, type PlanRevision, type ReceiptState,
  type InvoiceKind as ReceiptInvoiceKind, type Allocation, type Receipt, type DictionaryEntry, type CollectionSettings,
} from './types.js';
export * from './plan-generation.js';
export { isLocked, openAmount, planTotalProblem, revisePlan, type PlannedInstalment } from './plan-revision.js';
export * from './instalment-state.js';
export * from './allocation.js';
export { RECEIPT_MACHINE, RECEIPT_STATE_LABELS, RESERVING_STATES, COLLECTED_STATES, fireReceipt, allocationDelta, type ReceiptEvent } from './receipt-machine.js';
export { checkReceiptInput, normalizeReceiptInput, type ReceiptInput } from './receipt-fields.js';
export { DEFAULT_COLLECTION_SETTINGS, checkCollectionSettings } from './settings.js';
export { closeProblems, type CloseFacts } from './close-rules.js';
export { INVOICE_KINDS as RECEIPT_INVOICE_KINDS, INVOICE_KIND_LABELS as RECEIPT_INVOICE_KIND_LABELS } from './types.js';
export { INSTALMENT_SHEET, OVERDUE_SHEET, RECEIPT_SHEET, instalmentSheetRow, receiptSheetRow } from './export-sheets.js';
export * from './ports.js';
// The use cases and the approval subjects (receipt 回款单, order close 结单).
export { CollectionPlanService, instalmentView, type InstalmentView, type PlanPreview, type PlanView, type SavePlanInput } from './plan.service.js';
export {
  ReceiptService, receiptNotFound, type ReceiptServiceDeps, type ApprovalSubmitter, type ApprovalRequestOptions, type CreateReceiptOptions, type CreatedReceipt,
  type ReceiptAllocationView, type ReceiptChanges, type ReceiptDetail,
} from './receipt.service.js';
export { AccountsService, type AccountsServiceDeps, type AccountsQuery, type InstalmentQuery, type ReceiptQuery } from './accounts.service.js';
export { CloseService, type CloseServiceDeps, type CloseStatus } from './close.service.js';
export { CollectionSettingsService, type CollectionSettingsChanges } from './settings.service.js';
export { CollectionReminders, type ReminderDeps } from './reminders.js';
export { OverdueNotices, type OverdueNoticeDeps } from './overdue-notices.js';
export { ReceiptSubject } from './receipt-subject.js';
export { CloseSubject, type CloseSubjectDeps, type OrderCompletion } from './close-subject.js';
export { ReceiptFileAccess } from './receipt-file-access.js';
export type { CollectionsDeps } from './collections-deps.js';
// The fee wiring's changes to a plan (issue 16): a proposed instalment for a success fee, a reduction once approved.
export { agreedPlan, proposeFeeInstalment, reduceOpenInstalments, type FeePlanChange } from './fee-instalments.js';
