// Fixture builders for the products tests.
import type { Product } from '../../../core/products/product.js';
import type { Application } from '../../../core/products/application.js';

export function aProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 'p-1',
    number: 1,
    name: '税E贷',
    categoryCode: 'tax_loan',
    institution: '工商银行',
    defaultServiceFeeFen: 1_000_000,
    amountFen: { min: 10_000_000, max: 300_000_000 },
    termMonths: { min: 6, max: 12 },
    annualRatePercent: { min: '3.65', max: '4.35' },
    repaymentMethods: ['interest_first'],
    requiredDocuments: ['营业执照'],
    active: true,
    requirements: [],
    ...overrides,
  };
}

/** A product input as a client would send it (plain JSON, no id). */
export function aProductInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { id: _id, ...data } = aProduct();
  return { ...data, ...overrides };
}

export function anApplication(overrides: Partial<Application> = {}): Application {
  const at = new Date('2021-10-15T07:10:24Z');
  return {
    id: 'a-1',
    orderId: 'o-1',
    productId: 'p-1',
    productName: '税E贷',
    institution: '工商银行',
    status: 'pending',
    approvedAmountFen: null,
    approvedAnnualRatePercent: null,
    approvedTermMonths: null,
    rejectionReason: null,
    withdrawalReason: null,
    disbursedAmountFen: null,
    disbursedOn: null,
    createdAt: at,
    statusChangedAt: at,
    ...overrides,
  };
}
