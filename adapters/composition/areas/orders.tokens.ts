import { token } from '../area.js';
import type { OrdersDeps } from '../../../core/orders/order-records.js';
import type { OrderPipeline } from '../../../core/orders/order-pipeline.js';
import type { OrdersService } from '../../../core/orders/orders.service.js';
import type { EnterpriseProfileService } from '../../../core/orders/enterprise-profile.service.js';
import type { PlanService } from '../../../core/orders/plan.service.js';
import type { ContractService } from '../../../core/orders/contract.service.js';
import type { OrderSettingsService } from '../../../core/orders/order-settings.service.js';

export const OrdersDepsToken = token<OrdersDeps>('OrdersDeps');
/** The one use case that moves an order through its pipeline (closing and internal review use it too). */
export const OrderPipelineToken = token<OrderPipeline>('OrderPipeline');
export const OrdersServiceToken = token<OrdersService>('OrdersService');
export const EnterpriseProfileServiceToken = token<EnterpriseProfileService>('EnterpriseProfileService');
export const PlanServiceToken = token<PlanService>('PlanService');
export const ContractServiceToken = token<ContractService>('ContractService');
export const OrderSettingsServiceToken = token<OrderSettingsService>('OrderSettingsService');
