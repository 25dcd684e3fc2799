// 资料清单: the documents each product needs and how long a copy stays good; per order, which are collected,
// expiring, expired or missing (with the files that satisfy them), whether an application may be submitted,
// and which expiry reminders are due. Pure; dates are the tenant's calendar days.
export {
  DOCUMENT_VALIDITY_KINDS, DEFAULT_END_WITHIN_DAYS, validityText, suggestedValidity, requirementsFromNames,
  type DocumentValidity, type DocumentValidityKind, type DocumentRequirement, type ProductDocuments, type CollectedDocument,
} from './document-requirement.js';
export { fileValidity, UNUSABLE_REASON_TEXT, type FileValidity, type UnusableReason } from './file-validity.js';
export {
  DOCUMENT_STATES, DOCUMENT_STATE_LABELS, DEFAULT_EXPIRING_WITHIN_DAYS, documentStatus, orderChecklist, fileUses, stateCounts,
  type DocumentState, type DocumentStatus, type ProductChecklist, type OrderChecklist, type ChecklistInput,
} from './checklist.js';
export { blockingDocuments, submissionProblem, type BlockingDocument } from './submission.js';
export { dueReminders, type ChecklistReminder } from './reminders.js';
export { validateDocumentRequirements, validateCollectedDocument, MAX_DOCUMENTS, MAX_DOCUMENT_NAME } from './checklist-validation.js';
export { effectiveDocuments } from './document-requirement.js';
export * from './ports.js';
export { ChecklistService, type ChecklistDeps, type ProductChecklistView, type OrderChecklistView } from './checklist.service.js';
export { ChecklistReminders, CHECKLIST_REMINDER_RULE, type ChecklistReminderDeps } from './checklist-reminders.js';
export {
  DEFAULT_REMINDER_DAYS_BEFORE, MIN_REMINDER_DAYS_BEFORE, MAX_REMINDER_DAYS_BEFORE, DEFAULT_CHECKLIST_SETTINGS, checkChecklistSettings, type ChecklistSettings,
} from './checklist-settings.js';
export { ChecklistSettingsService, checklistSettings, type ChecklistSettingsDeps } from './checklist-settings.service.js';
