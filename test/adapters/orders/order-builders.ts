// Builders for the orders tests: an inquiry owned by a person, an order made from it, a complete profile with
// valid synthetic numbers, a plan and a contract, and small files as uploads.
import { randomInt } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { Actor } from '../../../core/organisation/actor.js';
import { makeLuhnCard, makeResidentId, makeUscc } from '../../../core/identity/index.js';
import type { OrderSummary } from '../../../core/orders/types.js';
import { aMobile } from '../../support/tenant.js';
import { PDF_MINIMAL, PNG_1X1 } from '../../core/files/samples.js';

/** A unique company name, so that 查重 in one tenant finds only what a test made on purpose. */
export function aCompany(prefix = '盛博科技'): string {
  return `${prefix}${randomInt(0, 1e9)}有限公司`;
}

export async function anInquiry(crm: Crm, owner: Actor, companyName = aCompany()): Promise<string> {
  const i = await crm.inquiries.create(owner, {
    companyName, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房', remark: '测试',
    nextFollowUpAt: new Date(crm.clock.now().getTime() + 86_400_000),
  });
  return i.id;
}

export async function anOrder(crm: Crm, owner: Actor, opts: { title?: string; companyName?: string } = {}): Promise<OrderSummary> {
  const inquiryId = await anInquiry(crm, owner, opts.companyName);
  return crm.orders.create(owner, { inquiryId, title: opts.title ?? '企业信用贷' });
}

/** 18 valid characters of a synthetic tax id (GB 32100). */
export function aUscc(): string {
  return makeUscc(`91320506MA${String(randomInt(0, 1e7)).padStart(7, '0')}`);
}

/** The brochure's 3205251970091848x made valid: a woman born 1970-09-18. */
export const RESIDENT_ID = makeResidentId({ region: '320525', birthDate: '1970-09-18', sequence: 488, gender: 'female' });
export const LUHN_CARD = makeLuhnCard('622789564315648');

/** Every field of step 4 except the documents. */
export function aProfile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    taxId: aUscc(), legalPersonName: '郑盛', legalPersonMobile: aMobile(), legalPersonIdNumber: RESIDENT_ID, bankCard: LUHN_CARD,
    bankBranch: '苏州市吴中区', homeAddress: '苏州市东方之门', maritalStatus: 'married', taxSecrets: 'etax-登录密码 Abc123', contactName: '王芳',
    contactRelationship: '财务', ...overrides,
  };
}

export const aPlan = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  projectName: '融资服务', overview: '企业经营三年，纳税等级 A', expectedCompletion: '2026-12-26', financialPlan: '经营周转', financingAdvice: '税贷为主', ...overrides,
});

export const aContract = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  number: `HT-${randomInt(0, 1e9)}`, amountFen: 20_000_000, signedOn: '2026-11-20', customerParty: '盛博科技有限公司', firmParty: '大鑫金服', ...overrides,
});

/** An upload of a small real PNG or PDF. */
export function upload(crm: Crm, actor: Actor, orderId: string, kind: string, format: 'png' | 'pdf' = 'png') {
  return crm.files.upload(actor, {
    subjectType: 'order', subjectId: orderId, kind, fileName: `${kind}.${format}`, content: Readable.from([format === 'png' ? PNG_1X1 : PDF_MINIMAL]),
  });
}
