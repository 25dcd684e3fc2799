// 收费规则 of the catalogue and the firm's refund rule: a product's fee rule is read by everyone who reads the
// catalogue and set by product managers (a product without one charges its fixed defaultServiceFeeFen, as
// fixedFeeRule says); the refund rule of a refused application (不退还 / 退还 / 审批后退还) is read by whoever
// works on orders or finance and set by finance. A new rule applies to lines chosen after it: a line keeps the
// rule it was chosen under, so an order's fee never changes behind its customer's back.
import {
  fixedFeeRule, REJECTION_REFUND_POLICIES, REJECTION_REFUND_POLICY_LABELS, validateFeeRule, type FeeRule, type RejectionRefundPolicy,
} from '../fees/index.js';
import { can, requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import { DomainError, domainError, forbidden, notFound, validationFailed, type Clock, type LocalizedText, type UnitOfWork } from '../shared/index.js';
import { requireCatalogueRead } from './catalogue.service.js';
import { DEFAULT_REJECTION_REFUND_POLICY } from './fee-wiring.js';
import type { FeeSettingsRepository, ProductRepository, StoredProduct } from './ports.js';

export interface FeeRulesDeps {
  readonly uow: UnitOfWork;
  readonly products: ProductRepository;
  readonly feeSettings: FeeSettingsRepository;
  readonly clock: Clock;
}

export interface ProductFeeRuleView {
  readonly productId: string;
  readonly productName: string;
  /** The rule that applies to new lines: the product's own, or fixedFeeRule(defaultServiceFeeFen). */
  readonly rule: FeeRule;
  /** False while the product has no rule of its own (today's fixed fee). */
  readonly custom: boolean;
  /** The product's version: give it back when saving. */
  readonly version: number;
}

export interface FeeSettingsView {
  readonly rejectionRefundPolicy: RejectionRefundPolicy;
  readonly label: LocalizedText;
  readonly policies: readonly { readonly value: RejectionRefundPolicy; readonly label: LocalizedText }[];
  /** 0 while the firm runs on the default (不退还). */
  readonly version: number;
}

const staleProduct = (): DomainError =>
  domainError('product.version_conflict', 'conflict', '产品已被他人修改，请刷新后重试', 'Someone else changed this product first; reload and try again');

function ruleView(p: StoredProduct): ProductFeeRuleView {
  const own = p.feeRule ?? null;
  return { productId: p.id, productName: p.name, rule: own ?? fixedFeeRule(p.defaultServiceFeeFen), custom: own !== null, version: p.version };
}

export class FeeRulesService {
  constructor(private readonly d: FeeRulesDeps) {}

  async productRule(actor: Actor, productId: string): Promise<ProductFeeRuleView> {
    requireCatalogueRead(actor);
    const p = await this.d.uow.read((tx) => this.d.products.getProduct(tx, actor.tenantId, productId));
    if (!p) throw notFound('product', '产品', productId);
    return ruleView(p);
  }

  /** Sets the product's rule (validated whole, `fee.invalid_rule` listing every field), or clears it with null. */
  async saveProductRule(actor: Actor, productId: string, version: number, input: unknown): Promise<ProductFeeRuleView> {
    requirePermission(actor, PERMISSIONS.productManage);
    const rule = input === null ? null : validateFeeRule(input);
    if (rule instanceof DomainError) throw rule;
    return this.d.uow.run(async (tx) => {
      const current = await this.d.products.getProduct(tx, actor.tenantId, productId);
      if (!current) throw notFound('product', '产品', productId);
      const saved = await this.d.products.saveFeeRule(tx, actor.tenantId, productId, rule, version, this.d.clock.now());
      if (!saved) throw staleProduct();
      return ruleView(saved);
    });
  }

  async settings(actor: Actor): Promise<FeeSettingsView> {
    if (!can(actor, PERMISSIONS.financeRead) && !can(actor, PERMISSIONS.orderRead) && !can(actor, PERMISSIONS.productManage)) throw forbidden(PERMISSIONS.financeRead);
    const s = await this.d.uow.read((tx) => this.d.feeSettings.get(tx, actor.tenantId));
    return settingsView(s?.rejectionRefundPolicy ?? DEFAULT_REJECTION_REFUND_POLICY, s?.version ?? 0);
  }

  /** Sets the firm's refund rule at the version read; it applies to refusals recorded from now on. */
  async saveSettings(actor: Actor, version: number, input: { readonly rejectionRefundPolicy?: unknown }): Promise<FeeSettingsView> {
    requirePermission(actor, PERMISSIONS.financeWrite);
    const policy = input.rejectionRefundPolicy;
    if (typeof policy !== 'string' || !(REJECTION_REFUND_POLICIES as readonly string[]).includes(policy)) {
      throw validationFailed([{
        path: '/rejectionRefundPolicy', code: 'unknown_policy', zh: `须为 ${REJECTION_REFUND_POLICIES.join('、')} 之一`, en: `must be one of ${REJECTION_REFUND_POLICIES.join(', ')}`,
      }]);
    }
    return this.d.uow.run(async (tx) => {
      const next = { rejectionRefundPolicy: policy as RejectionRefundPolicy, version: version + 1 };
      if (!(await this.d.feeSettings.save(tx, actor.tenantId, next, actor.userId, this.d.clock.now()))) {
        throw domainError('fee.settings_version_conflict', 'conflict', '收费设置已被他人修改，请刷新后重试', 'Someone else changed the fee settings first; reload and try again');
      }
      return settingsView(next.rejectionRefundPolicy, next.version);
    });
  }
}

function settingsView(policy: RejectionRefundPolicy, version: number): FeeSettingsView {
  return {
    rejectionRefundPolicy: policy, label: REJECTION_REFUND_POLICY_LABELS[policy],
    policies: REJECTION_REFUND_POLICIES.map((value) => ({ value, label: REJECTION_REFUND_POLICY_LABELS[value] })), version,
  };
}
