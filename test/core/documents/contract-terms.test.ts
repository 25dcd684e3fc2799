import test from 'ava';
import { BLANK, contractPlaceholderNames, contractPlaceholderValues, contractTerms } from '../../../core/documents/contract-terms.js';
import type { ContractDocument } from '../../../core/documents/types.js';
import { DomainError } from '../../../core/shared/domain-error.js';

function aContract(overrides: Partial<ContractDocument> = {}): ContractDocument {
  return {
    number: 'HT-2025-0042',
    signDate: '2025-03-01',
    customer: { name: '苏州王喆堃犇淼科技有限公司', taxId: '91320505MA1X2Y3Z4Q', legalRepresentative: '王喆' },
    firm: { name: '大鑫金服（苏州）信息咨询有限公司', agent: '孙露露' },
    serviceScope: ['融资咨询'],
    products: [
      { name: '税E贷', serviceFeeFen: 900_000, discountFen: 0, quantity: 1, totalFen: 900_000 },
      { name: '快贷', serviceFeeFen: 350_000, discountFen: 50_000, quantity: 1, totalFen: 300_000 },
    ],
    feeFen: 1_200_000,
    collectionPlan: [
      { sequence: 1, dueDate: '2025-03-15', amountFen: 600_000 },
      { sequence: 2, dueDate: '2025-04-15', amountFen: 600_000 },
    ],
    termsTemplate: '甲方 {{customer.name}} 支付 {{fee.amount}} 元（{{fee.uppercase}}）。\n\n  乙方 {{firm.name}}。\n\n\n',
    ...overrides,
  };
}

test('the placeholder values come from the contract, with the fee in figures and in 大写', (t) => {
  const v = contractPlaceholderValues(aContract());
  t.is(v['customer.name'], '苏州王喆堃犇淼科技有限公司');
  t.is(v['customer.legalRepresentative'], '王喆');
  t.is(v['fee.amount'], '12,000.00');
  t.is(v['fee.uppercase'], '壹万贰仟元整');
  t.is(v['contract.signDate'], '2025年03月01日');
  t.is(v['products.names'], '税E贷、快贷');
  t.is(v['products.count'], '2');
  t.is(v['plan.instalments'], '2');
  t.is(v['plan.firstDueDate'], '2025年03月15日');
  t.is(v['firm.agent'], '孙露露');
});

test('values the contract does not have print as a blank to fill in by hand', (t) => {
  const v = contractPlaceholderValues(aContract({ signDate: undefined, collectionPlan: [] }));
  t.is(v['customer.address'], BLANK);
  t.is(v['firm.phone'], BLANK);
  t.is(v['contract.signDate'], BLANK);
  t.is(v['plan.firstDueDate'], BLANK);
});

test('the list of placeholder names is exactly the keys of the values', (t) => {
  t.deepEqual([...contractPlaceholderNames], Object.keys(contractPlaceholderValues(aContract())));
  t.true(contractPlaceholderNames.includes('customer.name'));
  t.true(contractPlaceholderNames.includes('fee.uppercase'));
});

test('the terms are filled and split into paragraphs at blank lines', (t) => {
  t.deepEqual(contractTerms(aContract()), ['甲方 苏州王喆堃犇淼科技有限公司 支付 12,000.00 元（壹万贰仟元整）。', '乙方 大鑫金服（苏州）信息咨询有限公司。']);
});

test('terms with an unknown placeholder are refused', (t) => {
  const error = t.throws(() => contractTerms(aContract({ termsTemplate: '{{customer.legalRep}}' })), { instanceOf: DomainError });
  t.is(error?.code, 'document.unknown_placeholder');
  t.deepEqual(error?.details.placeholders, ['customer.legalRep']);
});
