// 产品管理 (catalogue), and on an order: matching facts, 自动匹配, the chosen products (lines) with 手动匹配 warnings,
// application statuses, the repayment comparison of a matched product and the customer's query code. The
// public status lookup (no account) is here too.
import type { ProductCatalogueService } from '../../core/products/catalogue.service.js';
import type { OrderProductsService } from '../../core/products/order-products.service.js';
import type { StatusLookupService } from '../../core/products/status-lookup.service.js';
import type { FeeRulesService } from '../../core/products/fee-rules.service.js';
import { REJECTION_REFUND_POLICIES } from '../../core/fees/index.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { APPLICATION_EVENT_TYPES } from '../../core/products/application-machine.js';
import type { ApplicationEvent } from '../../core/products/application.js';
import { REPAYMENT_METHODS } from '../../core/products/product.js';
import { REQUIREMENT_KINDS, TAX_CREDIT_RATINGS } from '../../core/products/requirement.js';
import { fen, idParams, nonEmpty, objectSchema, pageOf, pageQuery, uuid } from '../schemas.js';

const range = (item: Record<string, unknown>) => objectSchema({ min: item, max: item }, ['min', 'max']);
const ratePercent = { type: 'string', maxLength: 12, description: 'Percent a year as decimal text: "3.65" is 3.65 %' };

const requirement = {
  type: 'object',
  description: 'One eligibility rule; the fields a kind needs are checked when the product is saved (errors name /requirements/<i>/<field>).',
  required: ['kind'],
  properties: {
    kind: { type: 'string', enum: REQUIREMENT_KINDS },
    min: { type: 'integer' },
    max: { type: 'integer' },
    minFen: { type: 'integer' },
    maxFen: { type: 'integer' },
    ratings: { type: 'array', items: { type: 'string' }, maxItems: 10 },
    prefixes: { type: 'array', items: { type: 'string' }, maxItems: 50 },
  },
  additionalProperties: false,
};

const productProperties = {
  number: { type: 'integer', minimum: 1, description: '产品编号; the next free number when left out' },
  name: nonEmpty(60),
  categoryCode: nonEmpty(40),
  institution: nonEmpty(60),
  defaultServiceFeeFen: fen,
  amountFen: range(fen),
  termMonths: range({ type: 'integer' }),
  annualRatePercent: range(ratePercent),
  repaymentMethods: { type: 'array', items: { type: 'string', enum: REPAYMENT_METHODS }, maxItems: 4 },
  requiredDocuments: { type: 'array', items: { type: 'string', maxLength: 50 }, maxItems: 30 },
  active: { type: 'boolean' },
  requirements: { type: 'array', items: requirement, maxItems: 20 },
  // A product read with GET carries its fee rule; a client sending it back unchanged is not refused.
  feeRule: { description: 'Read-only here (ignored): set the fee rule with PUT /products/{id}/fee-rule' },
};
/** The product's content without the read-only fee rule. */
const content = (body: Record<string, unknown>): Record<string, unknown> => {
  const { feeRule: _f, ...rest } = body;
  return rest;
};
const productRequired = ['name', 'categoryCode', 'institution', 'defaultServiceFeeFen', 'amountFen', 'termMonths', 'annualRatePercent', 'repaymentMethods', 'requiredDocuments', 'active', 'requirements'];

const orderParams = idParams;
const lineParams = objectSchema({ id: uuid, lineId: uuid }, ['id', 'lineId']);
const nullable = (s: Record<string, unknown>) => ({ anyOf: [s, { type: 'null' }] });

const matchFacts = objectSchema({
  companyRegisteredOn: nullable({ type: 'string', format: 'date' }),
  taxCreditRating: nullable({ type: 'string', enum: TAX_CREDIT_RATINGS }),
  annualTaxPaidFen: nullable(fen),
  annualInvoicingFen: nullable(fen),
  regionCode: nullable({ type: 'string', maxLength: 6 }),
  regionName: nullable({ type: 'string', maxLength: 40 }),
  ownsProperty: nullable({ type: 'boolean' }),
  ownsVehicle: nullable({ type: 'boolean' }),
  existingDebtFen: nullable(fen),
  requestedAmountFen: nullable(fen),
});

const applicationEvent = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { type: 'string', enum: APPLICATION_EVENT_TYPES },
    approvedAmountFen: { type: 'integer' },
    annualRatePercent: ratePercent,
    termMonths: { type: 'integer' },
    reason: { type: 'string', maxLength: 500 },
    disbursedAmountFen: { type: 'integer' },
    disbursedOn: { type: 'string', maxLength: 10 },
  },
  additionalProperties: false,
  description: 'submit 提交申请 | approve 批核 (approvedAmountFen, annualRatePercent, termMonths) | reject 拒绝 (reason) | disburse 放款 (disbursedAmountFen, disbursedOn) | withdraw 撤回 (reason?)',
};

const feeRule = {
  type: 'object',
  description: '收费规则 (docs/fees-and-commissions.md): { split: "parts", upFront, success } or { split: "share", total, upFrontSharePercent }; '
    + 'a formula is { kind: "fixed", amountFen } | { kind: "rate", base: "approved"|"disbursed", ratePercent: "1.5", minFen?, maxFen? } | '
    + '{ kind: "tiered", base, reading?: "marginal"|"whole", tiers: [{ upToFen, ratePercent }], minFen?, maxFen? }. Rates are percent texts; '
    + 'every field is checked and a bad one refused as 400 fee.invalid_rule with its path.',
};

export function productsRoutes(s: { products: ProductCatalogueService; orderProducts: OrderProductsService; statusLookup: StatusLookupService; feeRules: FeeRulesService }): RouteDef[] {
  const fees = s.feeRules;
  const catalogue = s.products;
  const orderProducts = s.orderProducts;
  const status = s.statusLookup;
  return [
    // ── catalogue ──
    {
      method: 'get', path: '/product-categories', tags: ['products'], summary: '产品分类 Categories with product counts (a new tenant gets the eight defaults)',
      handler: async ({ actor }) => ({ items: await catalogue.listCategories(actor) }),
    },
    {
      method: 'post', path: '/product-categories', tags: ['products'], summary: '新建产品分类 Add a category', successStatus: 201,
      schemas: { body: objectSchema({ code: nonEmpty(40), name: nonEmpty(20), sortOrder: { type: 'integer', minimum: 0 } }, ['code', 'name', 'sortOrder']) },
      handler: async ({ actor, body }) => catalogue.createCategory(actor, body),
    },
    {
      method: 'patch', path: '/product-categories/:code', tags: ['products'], summary: '修改产品分类 Rename or move a category',
      schemas: {
        params: objectSchema({ code: nonEmpty(40) }, ['code']),
        body: objectSchema({ name: nonEmpty(20), sortOrder: { type: 'integer', minimum: 0 } }),
      },
      handler: async ({ actor, params, body }) => catalogue.updateCategory(actor, params.code, body),
    },
    {
      method: 'get', path: '/products', tags: ['products'], summary: '产品列表 Products (选择产品 共N条) by category and number, with filters',
      schemas: {
        query: objectSchema({
          ...pageQuery, category: { type: 'string', maxLength: 40 }, institution: { type: 'string', maxLength: 60 }, active: { type: 'boolean' }, keyword: { type: 'string', maxLength: 60 },
        }),
      },
      handler: async ({ actor, query }) =>
        catalogue.listProducts(actor, { categoryCode: query.category, institution: query.institution, active: query.active, keyword: query.keyword }, pageOf(query)),
    },
    {
      method: 'get', path: '/product-institutions', tags: ['products'], summary: '放款机构 The institutions named in the catalogue (for the filter)',
      handler: async ({ actor }) => ({ items: await catalogue.institutions(actor) }),
    },
    {
      method: 'get', path: '/products/:id', tags: ['products'], summary: '产品详情 One product',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => catalogue.getProduct(actor, params.id),
    },
    {
      method: 'post', path: '/products', tags: ['products'], summary: '新建产品 Create a product (requirements checked; a bad rule is refused with its path)', successStatus: 201,
      schemas: { body: objectSchema(productProperties, productRequired) },
      handler: async ({ actor, body }) => catalogue.createProduct(actor, content(body)),
    },
    {
      method: 'put', path: '/products/:id', tags: ['products'], summary: '修改产品 Replace a product (optimistic: give the version you read)',
      schemas: { params: idParams, body: objectSchema({ ...productProperties, version: { type: 'integer', minimum: 1 } }, [...productRequired, 'version']) },
      handler: async ({ actor, params, body }) => {
        const { version, ...data } = body as { version: number } & Record<string, unknown>;
        return catalogue.updateProduct(actor, params.id, version, content(data));
      },
    },
    {
      method: 'delete', path: '/products/:id', tags: ['products'], summary: '删除产品 Delete a product no order has chosen (else deactivate it)',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => catalogue.deleteProduct(actor, params.id),
    },

    // ── fees (收费规则) ──
    {
      method: 'get', path: '/products/:id/fee-rule', tags: ['products'], summary: '收费规则 The product\'s fee rule (a product without one charges its fixed defaultServiceFeeFen)',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => fees.productRule(actor, params.id),
    },
    {
      method: 'put', path: '/products/:id/fee-rule', tags: ['products'], summary: '设置收费规则 Set the product\'s fee rule, or clear it with null (applies to lines chosen afterwards)',
      schemas: {
        params: idParams,
        body: objectSchema({ version: { type: 'integer', minimum: 1, description: 'The product\'s version' }, rule: { anyOf: [feeRule, { type: 'null' }] } }, ['version', 'rule']),
      },
      handler: async ({ actor, params, body }) => fees.saveProductRule(actor, params.id, body.version, body.rule),
    },
    {
      method: 'get', path: '/fee-settings', tags: ['products'], summary: '收费设置 The firm\'s refund rule for a refused application (不退还 / 退还 / 审批后退还)',
      handler: async ({ actor }) => fees.settings(actor),
    },
    {
      method: 'put', path: '/fee-settings', tags: ['products'], summary: '保存收费设置 Set the firm\'s refund rule (finance; optimistic: give the version you read, 0 for the first save)',
      schemas: {
        body: objectSchema({ version: { type: 'integer', minimum: 0 }, rejectionRefundPolicy: { type: 'string', enum: REJECTION_REFUND_POLICIES } }, ['version', 'rejectionRefundPolicy']),
      },
      handler: async ({ actor, body }) => fees.saveSettings(actor, body.version, body),
    },
    {
      method: 'get', path: '/orders/:id/product-lines/:lineId/fee', tags: ['products'], summary: '服务费计算 The line\'s fee: rule, base amounts, result, rounding (half-up to the fen), adjustments',
      schemas: { params: lineParams },
      handler: async ({ actor, params }) => orderProducts.lineFee(actor, params.id, params.lineId),
    },
    {
      method: 'get', path: '/fee-adjustments/:id', tags: ['products', 'approvals'],
      summary: '服务费调整 A fee lowering or refund put to approval (business type fee_adjustment): the order, the product line, the fee before and after, and why',
      schemas: { params: objectSchema({ id: uuid }, ['id']) },
      handler: async ({ actor, params }) => orderProducts.feeAdjustment(actor, params.id),
    },
    {
      method: 'post', path: '/orders/:id/product-lines/:lineId/disbursement-correction', tags: ['products'],
      summary: '更正放款金额 Correct a disbursed application\'s amount; the success fee follows (through approval when it lowers what the customer owes)',
      schemas: {
        params: lineParams,
        body: objectSchema({ version: { type: 'integer', minimum: 1 }, disbursedAmountFen: { type: 'integer' }, reason: { type: 'string', maxLength: 500 } }, ['version', 'disbursedAmountFen', 'reason']),
      },
      handler: async ({ actor, params, body }) => orderProducts.correctDisbursement(actor, params.id, params.lineId, body.version, body),
    },

    // ── on an order ──
    {
      method: 'get', path: '/orders/:id/match-facts', tags: ['products'], summary: '匹配信息 Facts recorded for matching, and what matching will judge',
      schemas: { params: orderParams },
      handler: async ({ actor, params }) => orderProducts.getMatchFacts(actor, params.id),
    },
    {
      method: 'put', path: '/orders/:id/match-facts', tags: ['products'], summary: '保存匹配信息 Record company age, tax rating, taxes, invoicing, region, vehicle, debt …',
      schemas: { params: orderParams, body: objectSchema({ version: { type: 'integer', minimum: 0 }, facts: matchFacts }, ['version', 'facts']) },
      handler: async ({ actor, params, body }) => orderProducts.saveMatchFacts(actor, params.id, body.version, body.facts),
    },
    {
      method: 'get', path: '/orders/:id/product-matches', tags: ['products'], summary: '自动匹配 Active products ranked for the order, with per-requirement reasons',
      schemas: { params: orderParams },
      handler: async ({ actor, params }) => orderProducts.autoMatch(actor, params.id),
    },
    {
      method: 'get', path: '/orders/:id/product-lines', tags: ['products'], summary: '已选产品 The order\'s products with totals, receivable, disbursed amount and 未选/已选 counts',
      schemas: { params: orderParams },
      handler: async ({ actor, params }) => orderProducts.listLines(actor, params.id),
    },
    {
      method: 'put', path: '/orders/:id/product-lines', tags: ['products'], summary: '保存已选产品 Save the selection (fee, discount, quantity); 手动匹配 warnings come back on each line',
      schemas: {
        params: orderParams,
        body: objectSchema({
          version: { type: 'integer', minimum: 0 },
          source: { type: 'string', enum: ['auto', 'manual'], description: 'How newly added products were chosen (default manual)' },
          lines: {
            type: 'array', maxItems: 100,
            items: objectSchema({ productId: uuid, serviceFeeFen: { type: 'integer' }, discountFen: { type: 'integer' }, quantity: { type: 'integer' } }, ['productId']),
          },
        }, ['version', 'lines']),
      },
      handler: async ({ actor, params, body }) => orderProducts.saveLines(actor, params.id, body.version, body.lines, body.source ?? 'manual'),
    },
    {
      method: 'post', path: '/orders/:id/product-lines/:lineId/application-events', tags: ['products'], summary: '更新申请状态 Move an application: submit, approve, reject, disburse, withdraw',
      schemas: { params: lineParams, body: objectSchema({ version: { type: 'integer', minimum: 1 }, event: applicationEvent }, ['version', 'event']) },
      handler: async ({ actor, params, body }) => orderProducts.changeApplication(actor, params.id, params.lineId, body.version, body.event as ApplicationEvent),
    },
    {
      method: 'post', path: '/orders/:id/product-lines/:lineId/repayment-comparison', tags: ['products', 'loans'],
      summary: '还款方式对比 The four repayment methods side by side for a matched product (terms approved, given, or the product\'s)',
      schemas: {
        params: lineParams,
        body: objectSchema({ principalFen: { type: 'integer', minimum: 1 }, annualRatePercent: ratePercent, months: { type: 'integer', minimum: 1 } }),
      },
      handler: async ({ actor, params, body }) => orderProducts.lineComparison(actor, params.id, params.lineId, body),
    },
    {
      method: 'get', path: '/orders/:id/status-code', tags: ['products'], summary: '客户查询码 Whether the order has a query code for the customer',
      schemas: { params: orderParams },
      handler: async ({ actor, params }) => status.codeInfo(actor, params.id),
    },
    {
      method: 'post', path: '/orders/:id/status-code', tags: ['products'], summary: '生成客户查询码 Issue a new query code (shown once; the old one stops working)', successStatus: 201,
      schemas: { params: orderParams },
      handler: async ({ actor, params }) => status.issueCode(actor, params.id),
    },

    // ── public ──
    {
      method: 'post', path: '/public/order-status', tags: ['public'], auth: 'none',
      summary: '客户查询 The customer looks up an order with its query code and the mobile\'s last four digits (no account)',
      description: 'An unknown code and wrong digits answer alike (404 status.not_found); too many wrong answers per code or per client address answer 429 status.throttled with Retry-After.',
      schemas: { body: objectSchema({ code: { type: 'string', minLength: 1, maxLength: 64 }, lastFour: { type: 'string', minLength: 1, maxLength: 8 } }, ['code', 'lastFour']) },
      handler: async ({ body, ip }) => status.lookup({ code: body.code, lastFour: body.lastFour, clientAddress: ip }),
    },
  ];
}
