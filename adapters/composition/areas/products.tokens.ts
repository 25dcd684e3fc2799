import { token } from '../area.js';
import type { ProductCatalogueService } from '../../../core/products/catalogue.service.js';
import type { OrderProductsService } from '../../../core/products/order-products.service.js';
import type { StatusLookupService } from '../../../core/products/status-lookup.service.js';

export const ProductCatalogueServiceToken = token<ProductCatalogueService>('ProductCatalogueService');
export const OrderProductsServiceToken = token<OrderProductsService>('OrderProductsService');
export const StatusLookupServiceToken = token<StatusLookupService>('StatusLookupService');
