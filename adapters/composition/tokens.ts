// Container tokens of things that are not core ports: the database, configuration, the use case services.
export const Db = Symbol.for('yunzhou.Database');
export const Config = Symbol.for('yunzhou.Config');
export const AuthServiceToken = Symbol.for('yunzhou.AuthService');
export const OrganisationServiceToken = Symbol.for('yunzhou.OrganisationService');
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
export const EnterpriseProfileServiceToken = Symbol.for('yunzhou.EnterpriseProfileService');
export const PlanServiceToken = Symbol.for('yunzhou.PlanService');
export const ContractServiceToken = Symbol.for('yunzhou.ContractService');
export const OrderSettingsServiceToken = Symbol.for('yunzhou.OrderSettingsService');
export const ApprovalFlowServiceToken = Symbol.for('yunzhou.ApprovalFlowService');
export const ApprovalServiceToken = Symbol.for('yunzhou.ApprovalService');
export const ApprovalTimersToken = Symbol.for('yunzhou.ApprovalTimers');
/** The ApprovalSubjects registry, for a host or test that registers a business type after start. */
export const ApprovalSubjectsToken = Symbol.for('yunzhou.ApprovalSubjects');
