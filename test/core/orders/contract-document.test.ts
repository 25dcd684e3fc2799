// The seam to the PDF renderer: an order's contract as plain ContractDocument data, whose default terms use
// only placeholders the documents area knows.
import test from 'ava';
import { buildContractDocument, DEFAULT_CONTRACT_TERMS } from '../../../core/orders/contract-document.js';
import { contractPlaceholderNames, contractTerms } from '../../../core/documents/contract-terms.js';
import { placeholdersIn } from '../../../core/documents/template.js';
import type { Contract, Order, StoredProfile } from '../../../core/orders/types.js';

const T = new Date('2026-11-26T08:00:00Z');
const order = { tenantId: 't', id: 'o', companyName: '盛博科技' } as Order;
const contract: Contract = {
  tenantId: 't', orderId: 'o', number: 'HT-2026-001', amountFen: 20_000_000, signedOn: '2026-11-20', customerParty: '盛博科技有限公司',
  customerSignatory: null, firmParty: '大鑫金服', firmSignatory: '李总', confirmedAt: T, confirmedBy: 'u', createdBy: 'u', createdAt: T, updatedBy: 'u', updatedAt: T,
};
const profile = { taxId: '91320506MA1234567X', legalPersonName: '郑盛', legalPersonMobile: '15213801285', homeAddress: '苏州市东方之门', contactName: null } as unknown as StoredProfile;

test('the default terms use only known placeholders', (t) => {
  t.deepEqual(placeholdersIn(DEFAULT_CONTRACT_TERMS).filter((p) => !contractPlaceholderNames.includes(p)), []);
});

test('the document takes 甲方 from the contract and profile, 乙方 and the fee from the contract', (t) => {
  const doc = buildContractDocument({ order, profile, contract, firmName: '大鑫金服', agentName: '孙露露' });
  t.like(doc, {
    number: 'HT-2026-001', signDate: '2026-11-20', feeFen: 20_000_000, products: [], collectionPlan: [],
    customer: { name: '盛博科技有限公司', taxId: '91320506MA1234567X', legalRepresentative: '郑盛', phone: '15213801285', address: '苏州市东方之门' },
    firm: { name: '大鑫金服', legalRepresentative: '李总', agent: '孙露露' },
  });
  t.false('contactPerson' in doc.customer);
  t.regex(contractTerms(doc)[1] ?? '', /人民币200,000\.00元（大写：贰拾万元整）/);
});
