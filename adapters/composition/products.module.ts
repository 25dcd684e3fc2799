// Products: the catalogue, matching, order lines and applications, the customer status lookup. The products
// area reads orders through OrderSource, which is assembled from the orders, inquiries, organisation and
// security areas' own ports.
import { DocumentCharset } from '../../core/shared/document-charset.js';
import { ContainerModule } from 'inversify';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../../core/shared/ports.js';
import { OrderRepository, OrderSettingsRepository, ProfileRepository } from '../../core/orders/ports.js';
import { InquiryRepository } from '../../core/inquiries/ports.js';
import { OrganisationRepository } from '../../core/organisation/ports.js';
import { Cipher } from '../../core/security/ports.js';
import {
  OrderLineRepository, OrderSource, ProductRepository, StatusCodeDigest, StatusCodeRepository,
} from '../../core/products/ports.js';
import { ProductCatalogueService } from '../../core/products/catalogue.service.js';
import { OrderProductsService } from '../../core/products/order-products.service.js';
import { StatusLookupService } from '../../core/products/status-lookup.service.js';
import { OrdersAreaSource } from '../../core/products/orders-area-source.js';
import { KnexProductRepository } from '../knex/repositories/knex-product.repository.js';
import { KnexOrderLineRepository } from '../knex/repositories/knex-order-lines.repository.js';
import { KnexStatusCodeRepository } from '../knex/repositories/knex-status-code.repository.js';
import { HmacTokenDigest } from '../system/node-crypto.js';
import type { CrmConfig } from './config.js';
import { Config, OrderProductsServiceToken, ProductCatalogueServiceToken, StatusLookupServiceToken } from './tokens.js';

export const productsModule = new ContainerModule(({ bind }) => {
  bind<ProductRepository>(ProductRepository).toConstantValue(new KnexProductRepository());
  bind<OrderLineRepository>(OrderLineRepository).toConstantValue(new KnexOrderLineRepository());
  bind<StatusCodeRepository>(StatusCodeRepository).toConstantValue(new KnexStatusCodeRepository());
  bind<StatusCodeDigest>(StatusCodeDigest).toResolvedValue((c: CrmConfig) => new HmacTokenDigest(`status-code:${c.secret}`), [Config]).inSingletonScope();
  bind<OrderSource>(OrderSource)
    .toResolvedValue(
      (orders: OrderRepository, profiles: ProfileRepository, settings: OrderSettingsRepository, inquiries: InquiryRepository, org: OrganisationRepository, cipher: Cipher, clock: Clock) =>
        new OrdersAreaSource({ orders, profiles, settings, inquiries, org, cipher, clock }),
      [OrderRepository, ProfileRepository, OrderSettingsRepository, InquiryRepository, OrganisationRepository, Cipher, Clock],
    )
    .inSingletonScope();
  bind<ProductCatalogueService>(ProductCatalogueServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, products: ProductRepository, clock: Clock, ids: IdGenerator, charset: DocumentCharset) => new ProductCatalogueService({ uow, products, clock, ids, charset }),
      [UnitOfWork, ProductRepository, Clock, IdGenerator, DocumentCharset],
    )
    .inSingletonScope();
  bind<OrderProductsService>(OrderProductsServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, products: ProductRepository, lines: OrderLineRepository, orders: OrderSource, timeline: Timeline, events: EventSink, clock: Clock, ids: IdGenerator) =>
        new OrderProductsService({ uow, products, lines, orders, timeline, events, clock, ids }),
      [UnitOfWork, ProductRepository, OrderLineRepository, OrderSource, Timeline, EventSink, Clock, IdGenerator],
    )
    .inSingletonScope();
  bind<StatusLookupService>(StatusLookupServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, codes: StatusCodeRepository, orders: OrderSource, lines: OrderLineRepository, digest: StatusCodeDigest, timeline: Timeline, clock: Clock, ids: IdGenerator) =>
        new StatusLookupService({ uow, codes, orders, lines, digest, timeline, clock, ids }),
      [UnitOfWork, StatusCodeRepository, OrderSource, OrderLineRepository, StatusCodeDigest, Timeline, Clock, IdGenerator],
    )
    .inSingletonScope();
});
