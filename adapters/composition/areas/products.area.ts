// Products: the catalogue, matching, order lines and applications, the customer status lookup, and the
// repayment calculators' routes (pure computation). The products area reads orders through OrderSource,
// assembled from the orders, inquiries, organisation and security areas' own ports.
import { ContainerModule } from 'inversify';
import { DocumentCharset } from '../../../core/shared/document-charset.js';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../../../core/shared/ports.js';
import { OrderRepository, OrderSettingsRepository, ProfileRepository } from '../../../core/orders/ports.js';
import { InquiryRepository } from '../../../core/inquiries/ports.js';
import { OrganisationRepository } from '../../../core/organisation/ports.js';
import { Cipher } from '../../../core/security/ports.js';
import {
  OrderLineRepository, OrderSource, ProductRepository, StatusCodeDigest, StatusCodeRepository, SubmissionCheckContribution, type SubmissionCheck,
} from '../../../core/products/ports.js';
import { ProductCatalogueService } from '../../../core/products/catalogue.service.js';
import { OrderProductsService } from '../../../core/products/order-products.service.js';
import { StatusLookupService } from '../../../core/products/status-lookup.service.js';
import { OrdersAreaSource } from '../../../core/products/orders-area-source.js';
import { KnexProductRepository } from '../../knex/repositories/knex-product.repository.js';
import { KnexOrderLineRepository } from '../../knex/repositories/knex-order-lines.repository.js';
import { KnexStatusCodeRepository } from '../../knex/repositories/knex-status-code.repository.js';
import { HmacTokenDigest } from '../../system/node-crypto.js';
import { defineArea } from '../area.js';
import { Config } from '../tokens.js';
import type { CrmConfig } from '../config.js';
import { FeeRulesServiceToken, FeeWiringToken, OrderProductsServiceToken, ProductCatalogueServiceToken, StatusLookupServiceToken } from './products.tokens.js';
import { FeeAdjustmentRepository, FeeSettingsRepository } from '../../../core/products/ports.js';
import { FeeWiring, type FeeWiringDeps } from '../../../core/products/fee-wiring.js';
import { FeeRulesService } from '../../../core/products/fee-rules.service.js';
import { FeeAdjustmentSubject } from '../../../core/products/fee-adjustment-subject.js';
import { CollectionPlanRepository } from '../../../core/collections/ports.js';
import { ApprovalSubjectContribution } from '../../../core/approvals/subjects.js';
import type { ApprovalService } from '../../../core/approvals/approval.service.js';
import { KnexFeeAdjustmentRepository, KnexFeeSettingsRepository } from '../../knex/repositories/knex-fees.repository.js';
import { ApprovalServiceToken } from './approvals.tokens.js';

const module = new ContainerModule(({ bind }) => {
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
  // Fees (issue 16): the firm's refund rule, fee adjustments under approval, and the wiring that works each
  // line's fee out when its application moves; the wiring submits adjustments to the approval engine, whose
  // subject for them decides with a wiring of its own (no engine: deciding never opens another adjustment).
  bind<FeeSettingsRepository>(FeeSettingsRepository).toConstantValue(new KnexFeeSettingsRepository());
  bind<FeeAdjustmentRepository>(FeeAdjustmentRepository).toConstantValue(new KnexFeeAdjustmentRepository());
  const feeDeps = (lines: OrderLineRepository, feeSettings: FeeSettingsRepository, adjustments: FeeAdjustmentRepository, plans: CollectionPlanRepository,
    timeline: Timeline, events: EventSink, clock: Clock, ids: IdGenerator): FeeWiringDeps => ({ lines, feeSettings, adjustments, plans, timeline, events, clock, ids });
  const feeDepTokens = [OrderLineRepository, FeeSettingsRepository, FeeAdjustmentRepository, CollectionPlanRepository, Timeline, EventSink, Clock, IdGenerator] as const;
  bind<FeeWiring>(FeeWiringToken)
    .toResolvedValue(
      (lines: OrderLineRepository, feeSettings: FeeSettingsRepository, adjustments: FeeAdjustmentRepository, plans: CollectionPlanRepository, timeline: Timeline,
        events: EventSink, clock: Clock, ids: IdGenerator, approvals: ApprovalService) =>
        new FeeWiring({ ...feeDeps(lines, feeSettings, adjustments, plans, timeline, events, clock, ids), approvals }),
      [...feeDepTokens, ApprovalServiceToken],
    )
    .inSingletonScope();
  bind<ApprovalSubjectContribution>(ApprovalSubjectContribution)
    .toResolvedValue(
      (lines: OrderLineRepository, feeSettings: FeeSettingsRepository, adjustments: FeeAdjustmentRepository, plans: CollectionPlanRepository, timeline: Timeline,
        events: EventSink, clock: Clock, ids: IdGenerator, orders: OrderSource) => ({
        businessType: 'fee_adjustment',
        subject: new FeeAdjustmentSubject({ adjustments, lines, orders, wiring: new FeeWiring(feeDeps(lines, feeSettings, adjustments, plans, timeline, events, clock, ids)) }),
      }),
      [...feeDepTokens, OrderSource],
    )
    .inSingletonScope();
  bind<FeeRulesService>(FeeRulesServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, products: ProductRepository, feeSettings: FeeSettingsRepository, clock: Clock) => new FeeRulesService({ uow, products, feeSettings, clock }),
      [UnitOfWork, ProductRepository, FeeSettingsRepository, Clock],
    )
    .inSingletonScope();
  bind<OrderProductsService>(OrderProductsServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, products: ProductRepository, lines: OrderLineRepository, orders: OrderSource, timeline: Timeline, events: EventSink, clock: Clock, ids: IdGenerator,
        submissionChecks: SubmissionCheck[] | undefined, fees: FeeWiring, adjustments: FeeAdjustmentRepository) =>
        new OrderProductsService({ uow, products, lines, orders, timeline, events, clock, ids, submissionChecks, fees, adjustments }),
      // 提交申请 asks every contributed SubmissionCheck (资料清单's blocking documents) first.
      [UnitOfWork, ProductRepository, OrderLineRepository, OrderSource, Timeline, EventSink, Clock, IdGenerator,
        { serviceIdentifier: SubmissionCheckContribution, isMultiple: true, optional: true }, FeeWiringToken, FeeAdjustmentRepository],
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

export const productsArea = defineArea({
  name: 'products',
  module,
  facade: {
    /** 产品管理: categories and products. */
    products: ProductCatalogueServiceToken,
    /** 自动匹配 / 手动匹配, an order's products (lines) and their applications, repayment comparisons. */
    orderProducts: OrderProductsServiceToken,
    /** 客户可查询: query codes and the public status lookup. */
    statusLookup: StatusLookupServiceToken,
    /** 收费规则 of products and the firm's refund rule for refused applications. */
    feeRules: FeeRulesServiceToken,
  },
});
