// The values a tenant's contract template may use, taken from the contract's own data, and the terms filled
// with them. A value the contract does not have prints as a blank line to fill in by hand.
import { formatYuanGrouped, toChineseUppercase } from '../money/index.js';
import { chineseDate } from './document-format.js';
import { fillTemplate } from './template.js';
import type { ContractDocument } from './types.js';

/** What an absent optional value prints as: a line to write on. */
export const BLANK = '__________';

/** Every placeholder a contract template may use, with its value for this contract (absent values are blanks). */
export function contractPlaceholderValues(doc: ContractDocument): Record<string, string> {
  const opt = (v: string | undefined): string => (v === undefined || v.trim() === '' ? BLANK : v);
  const first = doc.collectionPlan[0];
  return {
    'contract.number': doc.number,
    'contract.signDate': doc.signDate === undefined ? BLANK : chineseDate(doc.signDate, 'signDate'),
    'contract.signPlace': opt(doc.signPlace),
    'customer.name': doc.customer.name,
    'customer.taxId': doc.customer.taxId,
    'customer.legalRepresentative': doc.customer.legalRepresentative,
    'customer.address': opt(doc.customer.address),
    'customer.phone': opt(doc.customer.phone),
    'customer.contactPerson': opt(doc.customer.contactPerson),
    'firm.name': doc.firm.name,
    'firm.taxId': opt(doc.firm.taxId),
    'firm.legalRepresentative': opt(doc.firm.legalRepresentative),
    'firm.address': opt(doc.firm.address),
    'firm.phone': opt(doc.firm.phone),
    'firm.agent': opt(doc.firm.agent),
    'fee.amount': formatYuanGrouped(doc.feeFen),
    'fee.uppercase': toChineseUppercase(doc.feeFen),
    'products.names': doc.products.length === 0 ? BLANK : doc.products.map((p) => p.name).join('、'),
    'products.count': String(doc.products.length),
    'plan.instalments': String(doc.collectionPlan.length),
    'plan.firstDueDate': first === undefined ? BLANK : chineseDate(first.dueDate, 'collectionPlan/0/dueDate'),
  };
}

/** The placeholder names a contract template may use ({{customer.name}}, {{fee.uppercase}} …). */
export const contractPlaceholderNames: readonly string[] = Object.freeze(
  Object.keys(
    contractPlaceholderValues({
      number: '', customer: { name: '', taxId: '', legalRepresentative: '' }, firm: { name: '' },
      serviceScope: [], products: [], feeFen: 0, collectionPlan: [], termsTemplate: '',
    }),
  ),
);

/** The contract's terms, filled from its data, as paragraphs (the template separates them by blank lines). */
export function contractTerms(doc: ContractDocument): string[] {
  return fillTemplate(doc.termsTemplate, contractPlaceholderValues(doc))
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
