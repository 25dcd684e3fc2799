import { token } from '../area.js';
import type { ProductCatalogueService } from '../../../core/products/catalogue.service.js';
import type { OrderProductsService } from '../../../core/products/order-products.service.js';
import type { StatusLookupService } from '../../../core/products/status-lookup.service.js';

export const ProductCatalogueServiceToken = token<ProductCatalogueService>('ProductCatalogueService');
export const OrderProductsServiceToken = token<OrderProductsService>('OrderProductsService');
export const StatusLookupServiceToken = token<StatusLookupService>('StatusLookupService');
import type { FeeRulesService } from '../../../core/products/fee-rules.service.js';
import type { FeeWiring } from '../../../core/products/fee-wiring.js';

export const FeeRulesServiceToken = token<FeeRulesService>('FeeRulesService');
export const FeeWiringToken = token<FeeWiring>('FeeWiring');
