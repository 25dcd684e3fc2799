// The fields of the enterprise profile (企业信息, step 4) a tenant can require, and completeness (已完善):
// a profile is complete when every required field has a value and every required document is uploaded.
import type { FileKind } from '../files/index.js';
import type { StoredProfile } from './types.js';

export const PROFILE_FIELDS = [
  'companyName',
  'taxId',
  'legalPersonName',
  'legalPersonMobile',
  'legalPersonIdNumber',
  'bankCard',
  'bankBranch',
  'homeAddress',
  'maritalStatus',
  'taxSecrets',
  'idCardFront',
  'idCardBack',
  'businessLicence',
  'contactName',
  'contactRelationship',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const PROFILE_FIELD_LABELS: Readonly<Record<ProfileField, { zh: string; en: string }>> = {
  companyName: { zh: '企业名称', en: 'company name' },
  taxId: { zh: '企业税号', en: 'tax id' },
  legalPersonName: { zh: '法人姓名', en: "legal representative's name" },
  legalPersonMobile: { zh: '法人手机号', en: "legal representative's mobile" },
  legalPersonIdNumber: { zh: '法人身份证号', en: "legal representative's ID number" },
  bankCard: { zh: '法人银行卡号', en: "legal representative's bank card" },
  bankBranch: { zh: '开户网点', en: 'bank branch' },
  homeAddress: { zh: '法人居住地址', en: 'home address' },
  maritalStatus: { zh: '法人婚姻状态', en: 'marital status' },
  taxSecrets: { zh: '税务秘密', en: 'tax secrets' },
  idCardFront: { zh: '身份证正面', en: 'ID card (front)' },
  idCardBack: { zh: '身份证反面', en: 'ID card (back)' },
  businessLicence: { zh: '营业执照原件', en: 'business licence' },
  contactName: { zh: '联系人', en: 'contact person' },
  contactRelationship: { zh: '与客户关系', en: 'relationship to the customer' },
};

/** The fields that are documents: uploaded as files of these kinds. */
export const PROFILE_DOCUMENTS: Readonly<Partial<Record<ProfileField, FileKind>>> = {
  idCardFront: 'id_card_front',
  idCardBack: 'id_card_back',
  businessLicence: 'business_licence',
};

/** The brochure's starred fields (企业税号*, 法人姓名*, 法人手机号*, 法人婚姻状态*, 身份证正面*), plus the company name. */
export const DEFAULT_REQUIRED_PROFILE_FIELDS: readonly ProfileField[] = ['companyName', 'taxId', 'legalPersonName', 'legalPersonMobile', 'maritalStatus', 'idCardFront'];

export function isProfileField(name: string): name is ProfileField {
  return (PROFILE_FIELDS as readonly string[]).includes(name);
}

/** The fields that have a value: the profile's columns, the order's company name, and the current documents. */
export function filledProfileFields(companyName: string, profile: StoredProfile | null, fileKinds: readonly string[]): ProfileField[] {
  const has = (v: string | null | undefined): boolean => v !== null && v !== undefined && v.trim() !== '';
  const p = profile;
  const filled: Record<ProfileField, boolean> = {
    companyName: has(companyName),
    taxId: has(p?.taxId),
    legalPersonName: has(p?.legalPersonName),
    legalPersonMobile: has(p?.legalPersonMobile),
    legalPersonIdNumber: has(p?.residentIdSealed),
    bankCard: has(p?.bankCardSealed),
    bankBranch: has(p?.bankBranch),
    homeAddress: has(p?.homeAddress),
    maritalStatus: has(p?.maritalStatus),
    taxSecrets: has(p?.taxSecretsSealed),
    idCardFront: fileKinds.includes('id_card_front'),
    idCardBack: fileKinds.includes('id_card_back'),
    businessLicence: fileKinds.includes('business_licence'),
    contactName: has(p?.contactName),
    contactRelationship: has(p?.contactRelationship),
  };
  return PROFILE_FIELDS.filter((f) => filled[f]);
}

export interface ProfileCompleteness {
  /** 已完善: every required field is filled. */
  readonly complete: boolean;
  readonly missing: readonly { readonly field: ProfileField; readonly zh: string; readonly en: string }[];
}

/** A profile is complete (已完善) when every field on the tenant's required list has a value or a current file. */
export function profileCompleteness(required: readonly string[], filled: readonly ProfileField[]): ProfileCompleteness {
  const missing = required.filter(isProfileField).filter((f) => !filled.includes(f));
  return { complete: missing.length === 0, missing: missing.map((field) => ({ field, ...PROFILE_FIELD_LABELS[field] })) };
}
