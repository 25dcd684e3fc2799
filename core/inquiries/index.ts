// Inquiries (咨询): types, rules, ports and use cases, as the package exports them.
export * from './types.js';
export * from './settings.js';
export * from './lifecycle.js';
export * from './visibility.js';
export * from './inquiry-fields.js';
export * from './follow-up-fields.js';
export * from './duplicate-check.js';
export * from './merge.js';
export * from './list-filter.js';
export * from './recycle-window.js';
export * from './ports.js';
export { InquiryService, duplicateMobileError, type InquiryDeps, type NewInquiry, type InquiryChanges, type GeneratedFollowUp, type MergeResult } from './inquiry.service.js';
export { FollowUpService, type FollowUpDeps } from './follow-up.service.js';
export { PoolService, type PoolDeps } from './pool.service.js';
export { PoolRecycler, type RecyclerDeps, type RecycleReport } from './pool-recycler.js';
export { InquiryLifecycleService, type LifecycleDeps } from './lifecycle.service.js';
export { InquirySettingsService, type SettingsDeps, type InquirySettingsChanges, type InquirySettingsView, type InquiryFormLists } from './settings.service.js';
