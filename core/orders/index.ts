// core/orders (订单): the order and its pipeline (stages run by the shared state machine, guards, progress),
// the enterprise profile (企业信息), plan (方案) and contract (合同), the tenant's order settings, who sees an
// order, and the order use cases.
export * from './types.js';
export * from './ports.js';
export * from './stage-config.js';
export * from './pipeline.js';
export * from './pipeline-machine.js';
export * from './pipeline-validation.js';
export * from './pipeline-progress.js';
export * from './pipeline-diagram.js';
export * from './order-settings.js';
export * from './order-guards.js';
export * from './order-facts.js';
export * from './order-visibility.js';
export * from './profile-fields.js';
export * from './enterprise-profile.js';
export * from './plan.js';
export * from './contract.js';
export * from './contract-document.js';
export { OrderFileAccess } from './order-file-access.js';
export * from './orders.service.js';
export * from './plan.service.js';
export * from './contract.service.js';
export * from './enterprise-profile.service.js';
export * from './order-settings.service.js';
// The one use case that moves an order through its pipeline (closing and the internal review call it), and
// the orders area's approval subject (订单内审).
export { OrderPipeline, type OrderPipelineDeps, type PipelineMove, type OrderAccess } from './order-pipeline.js';
export { OrderReviewSubject, OrderProductCategories, type OrderReviewDeps } from './order-review-subject.js';
export { ORDER_SUBJECT, orderSettings, type OrdersDeps } from './order-records.js';
