// 回款: collection plans (generation, revision), instalment states, allocation of receipts, the receipt's state
// table and the close rules — pure, usable without a database.
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
