// Orders: the Knex repositories, the guards' contributed facts, the area's use case services and routes, the
// 订单内审 approval business type ('order_review'), and the SubjectAccess for files of subject type 'order'.
import { ContainerModule } from 'inversify';
import { OperationLog } from '../../../core/audit/ports.js';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../../../core/shared/ports.js';
import { OrganisationRepository } from '../../../core/organisation/ports.js';
import { FileRepository, SubjectAccessContribution } from '../../../core/files/ports.js';
import { Cipher, SensitiveReadLog } from '../../../core/security/ports.js';
import { InquiryLifecycle } from '../../../core/inquiries/ports.js';
import { ApprovalSubjectContribution } from '../../../core/approvals/subjects.js';
import { OrderProductCategories, OrderReviewSubject } from '../../../core/orders/order-review-subject.js';
import { OrderPipeline } from '../../../core/orders/order-pipeline.js';
import { ContractRepository, OrderRepository, OrderSettingsRepository, PlanRepository, ProfileRepository } from '../../../core/orders/ports.js';
import { OrderFacts } from '../../../core/orders/order-facts.js';
import { DocumentCharset } from '../../../core/shared/document-charset.js';
import type { OrdersDeps } from '../../../core/orders/order-records.js';
import { OrdersService } from '../../../core/orders/orders.service.js';
import { EnterpriseProfileService } from '../../../core/orders/enterprise-profile.service.js';
import { PlanService } from '../../../core/orders/plan.service.js';
import { ContractService } from '../../../core/orders/contract.service.js';
import { OrderSettingsService } from '../../../core/orders/order-settings.service.js';
import { OrderFileAccess } from '../../../core/orders/order-file-access.js';
import { KnexOrderRepository } from '../../knex/repositories/knex-order.repository.js';
import { KnexProfileRepository } from '../../knex/repositories/knex-order-profile.repository.js';
import { KnexContractRepository, KnexPlanRepository } from '../../knex/repositories/knex-order-plan-contract.repository.js';
import { KnexOrderFacts, KnexOrderSettingsRepository } from '../../knex/repositories/knex-order-settings.repository.js';
import { KnexOrderProductCategories } from '../../knex/repositories/knex-order-product-categories.js';
import { defineArea } from '../area.js';
import {
  ContractServiceToken, EnterpriseProfileServiceToken, OrderPipelineToken, OrderSettingsServiceToken, OrdersDepsToken, OrdersServiceToken, PlanServiceToken,
} from './orders.tokens.js';

const module = new ContainerModule(({ bind }) => {
  bind<OrderRepository>(OrderRepository).toConstantValue(new KnexOrderRepository());
  bind<ProfileRepository>(ProfileRepository).toConstantValue(new KnexProfileRepository());
  bind<PlanRepository>(PlanRepository).toConstantValue(new KnexPlanRepository());
  bind<ContractRepository>(ContractRepository).toConstantValue(new KnexContractRepository());
  bind<OrderSettingsRepository>(OrderSettingsRepository).toConstantValue(new KnexOrderSettingsRepository());
  bind<OrderFacts>(OrderFacts).toConstantValue(new KnexOrderFacts());
  bind<OrderProductCategories>(OrderProductCategories).toConstantValue(new KnexOrderProductCategories());
  bind<OrdersDeps>(OrdersDepsToken)
    .toResolvedValue(
      (
        uow: UnitOfWork, orders: OrderRepository, profiles: ProfileRepository, plans: PlanRepository, contracts: ContractRepository,
        settings: OrderSettingsRepository, inquiries: InquiryLifecycle, org: OrganisationRepository, files: FileRepository,
        cipher: Cipher, sensitiveReads: SensitiveReadLog, timeline: Timeline, events: EventSink, clock: Clock, ids: IdGenerator, charset: DocumentCharset,
      ) => ({ uow, orders, profiles, plans, contracts, settings, inquiries, org, files, cipher, sensitiveReads, timeline, events, clock, ids, charset }),
      [
        UnitOfWork, OrderRepository, ProfileRepository, PlanRepository, ContractRepository, OrderSettingsRepository, InquiryLifecycle,
        OrganisationRepository, FileRepository, Cipher, SensitiveReadLog, Timeline, EventSink, Clock, IdGenerator, DocumentCharset,
      ],
    )
    .inSingletonScope();
  bind<OrderPipeline>(OrderPipelineToken).toResolvedValue((d: OrdersDeps, facts: OrderFacts) => new OrderPipeline({ ...d, facts }), [OrdersDepsToken, OrderFacts]).inSingletonScope();
  bind<OrdersService>(OrdersServiceToken).toResolvedValue((d: OrdersDeps, pipeline: OrderPipeline) => new OrdersService({ ...d, pipeline }), [OrdersDepsToken, OrderPipelineToken]).inSingletonScope();
  bind<EnterpriseProfileService>(EnterpriseProfileServiceToken).toResolvedValue((d: OrdersDeps) => new EnterpriseProfileService(d), [OrdersDepsToken]).inSingletonScope();
  bind<PlanService>(PlanServiceToken).toResolvedValue((d: OrdersDeps) => new PlanService(d), [OrdersDepsToken]).inSingletonScope();
  bind<ContractService>(ContractServiceToken).toResolvedValue((d: OrdersDeps, pipeline: OrderPipeline) => new ContractService({ ...d, pipeline }), [OrdersDepsToken, OrderPipelineToken]).inSingletonScope();
  bind<OrderSettingsService>(OrderSettingsServiceToken).toResolvedValue((d: OrdersDeps, operations: OperationLog) => new OrderSettingsService({ ...d, operations }), [OrdersDepsToken, OperationLog]).inSingletonScope();

  // 订单内审 answers the approval engine for business type 'order_review'.
  bind<ApprovalSubjectContribution>(ApprovalSubjectContribution)
    .toResolvedValue(
      (pipeline: OrderPipeline, orders: OrderRepository, categories: OrderProductCategories, events: EventSink) =>
        ({ businessType: 'order_review', subject: new OrderReviewSubject({ pipeline, orders, categories, events }) }),
      [OrderPipelineToken, OrderRepository, OrderProductCategories, EventSink],
    )
    .inSingletonScope();
  bind<SubjectAccessContribution>(SubjectAccessContribution)
    .toResolvedValue((orders: OrderRepository, settings: OrderSettingsRepository) => ({ subjectType: 'order', access: new OrderFileAccess({ orders, settings }) }), [
      OrderRepository, OrderSettingsRepository,
    ])
    .inSingletonScope();

});

export const ordersArea = defineArea({
  name: 'orders',
  module,
  facade: {
    /** 订单: create from an inquiry, lists, detail, the pipeline, 提交到下一步, and the finance close (complete). */
    orders: OrdersServiceToken,
    /** 完善企业信息: the enterprise profile (sensitive fields sealed, masked) and 查重. */
    orderProfiles: EnterpriseProfileServiceToken,
    /** 方案. */
    orderPlans: PlanServiceToken,
    /** 合同: record, confirm, and the contract document for the PDF. */
    orderContracts: ContractServiceToken,
    /** The tenant's stages and required profile fields. */
    orderSettings: OrderSettingsServiceToken,
  },
});
