// Container tokens of things that are not core ports: the database, configuration, the use case services.
export const Db = Symbol.for('yunzhou.Database');
export const Config = Symbol.for('yunzhou.Config');
export const AuthServiceToken = Symbol.for('yunzhou.AuthService');
export const OrganisationServiceToken = Symbol.for('yunzhou.OrganisationService');
export const AuditServiceToken = Symbol.for('yunzhou.AuditService');
export const PluginRegistry = Symbol.for('yunzhou.PluginRegistry');
export const FilesServiceToken = Symbol.for('yunzhou.FilesService');
/** The SubjectAccessRegistry, for a host or test that registers a subject type after start. */
export const SubjectAccessRegistryToken = Symbol.for('yunzhou.SubjectAccessRegistry');
export const InquiryServiceToken = Symbol.for('yunzhou.InquiryService');
export const FollowUpServiceToken = Symbol.for('yunzhou.FollowUpService');
export const PoolServiceToken = Symbol.for('yunzhou.PoolService');
export const PoolRecyclerToken = Symbol.for('yunzhou.PoolRecycler');
export const InquirySettingsServiceToken = Symbol.for('yunzhou.InquirySettingsService');
export const ProductCatalogueServiceToken = Symbol.for('yunzhou.ProductCatalogueService');
export const OrderProductsServiceToken = Symbol.for('yunzhou.OrderProductsService');
export const StatusLookupServiceToken = Symbol.for('yunzhou.StatusLookupService');
export const OrdersDepsToken = Symbol.for('yunzhou.OrdersDeps');
export const OrdersServiceToken = Symbol.for('yunzhou.OrdersService');
/** The one use case that moves an order through its pipeline (closing and internal review use it too). */
export const OrderPipelineToken = Symbol.for('yunzhou.OrderPipeline');
export const EnterpriseProfileServiceToken = Symbol.for('yunzhou.EnterpriseProfileService');
export const PlanServiceToken = Symbol.for('yunzhou.PlanService');
export const ContractServiceToken = Symbol.for('yunzhou.ContractService');
export const OrderSettingsServiceToken = Symbol.for('yunzhou.OrderSettingsService');
export const ApprovalFlowServiceToken = Symbol.for('yunzhou.ApprovalFlowService');
export const ApprovalServiceToken = Symbol.for('yunzhou.ApprovalService');
export const ApprovalTimersToken = Symbol.for('yunzhou.ApprovalTimers');
/** The ApprovalSubjects registry, for a host or test that registers a business type after start. */
export const ApprovalSubjectsToken = Symbol.for('yunzhou.ApprovalSubjects');
export const InvoiceRecordDepsToken = Symbol.for('yunzhou.InvoiceRecordDeps');
export const InvoicesServiceToken = Symbol.for('yunzhou.InvoicesService');
/** Invoice, contract and plan PDFs of stored records. */
export const DocumentsServiceToken = Symbol.for('yunzhou.DocumentsService');
/** Work center: messages, tasks, task rules, reminders; the outbox relay and the scheduler. */
export const MessageServiceToken = Symbol.for('yunzhou.MessageService');
export const TaskServiceToken = Symbol.for('yunzhou.TaskService');
export const TaskRuleServiceToken = Symbol.for('yunzhou.TaskRuleService');
export const TaskRuleRunnerToken = Symbol.for('yunzhou.TaskRuleRunner');
export const FollowUpRemindersToken = Symbol.for('yunzhou.FollowUpReminders');
export const OutboxStoreToken = Symbol.for('yunzhou.OutboxStore');
export const OutboxRelayToken = Symbol.for('yunzhou.OutboxRelay');
export const OutboxAdminToken = Symbol.for('yunzhou.OutboxAdmin');
export const SlotStoreToken = Symbol.for('yunzhou.SlotStore');
export const SchedulerToken = Symbol.for('yunzhou.Scheduler');
/** Scheduled jobs of the core areas: bind a ScheduledJob here (a multi-binding); the scheduler runs them all. */
export const ScheduledJobContribution = Symbol.for('yunzhou.ScheduledJobContribution');
/** Collections (回款计划, 回款单, 结单, 账务管理) and the briefing (数据简报). */
export const CollectionsDepsToken = Symbol.for('yunzhou.CollectionsDeps');
export const CollectionPlanServiceToken = Symbol.for('yunzhou.CollectionPlanService');
export const ReceiptServiceToken = Symbol.for('yunzhou.ReceiptService');
export const CloseServiceToken = Symbol.for('yunzhou.CloseService');
export const AccountsServiceToken = Symbol.for('yunzhou.AccountsService');
export const CollectionSettingsServiceToken = Symbol.for('yunzhou.CollectionSettingsService');
export const CollectionRemindersToken = Symbol.for('yunzhou.CollectionReminders');
export const BriefingServiceToken = Symbol.for('yunzhou.BriefingService');
/** 办理中心: the signed-in person's inbox (counts per kind and the list of a kind). */
export const InboxServiceToken = Symbol.for('yunzhou.InboxService');
