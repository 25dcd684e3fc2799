// Checking what a user typed into 完善企业信息 (step 4): the tax id, mobile, ID number and bank card by the
// identity rules, every problem listed at once. A card failing Luhn needs the explicit confirmation flag.
import { bankCardLuhnWarning, normalizeBankCard, normalizeCompanyName, normalizeMobile, normalizeUscc, parseResidentId } from '../identity/index.js';
import { domainError, isDomainError, validationFailed, type DomainError, type FieldError } from '../shared/index.js';
import { MARITAL_STATUSES, type DerivedFromResidentId, type MaritalStatus } from './types.js';

/** A change to the profile: a field left out keeps its value, null clears it. */
export interface ProfileInput {
  readonly companyName?: string | undefined;
  readonly taxId?: string | null | undefined;
  readonly legalPersonName?: string | null | undefined;
  readonly legalPersonMobile?: string | null | undefined;
  readonly legalPersonIdNumber?: string | null | undefined;
  readonly bankCard?: string | null | undefined;
  /** The user confirms a card number that fails the Luhn check. */
  readonly bankCardLuhnConfirmed?: boolean | undefined;
  readonly bankBranch?: string | null | undefined;
  readonly homeAddress?: string | null | undefined;
  readonly maritalStatus?: MaritalStatus | null | undefined;
  readonly taxSecrets?: string | null | undefined;
  readonly contactName?: string | null | undefined;
  readonly contactRelationship?: string | null | undefined;
}

/** The checked, normalised change; sensitive values still in clear (the use case seals them). */
export interface ProfileChanges {
  readonly companyName?: { readonly name: string; readonly key: string };
  readonly taxId?: string | null;
  readonly legalPersonName?: string | null;
  readonly legalPersonMobile?: string | null;
  readonly legalPersonIdNumber?: string | null;
  readonly bankCard?: { readonly number: string; readonly luhnValid: boolean; readonly luhnConfirmed: boolean } | null;
  readonly bankBranch?: string | null;
  readonly homeAddress?: string | null;
  readonly maritalStatus?: MaritalStatus | null;
  readonly taxSecrets?: string | null;
  readonly contactName?: string | null;
  readonly contactRelationship?: string | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Blank text means "no value": a cleared form field arrives as '' as often as null.
function text(v: string | null | undefined): string | null | undefined {
  if (v === undefined || v === null) return v;
  const t = v.trim();
  return t === '' ? null : t;
}

function fieldError(path: string, e: unknown): FieldError {
  if (isDomainError(e)) return { path, code: e.code, zh: e.text.zh, en: e.text.en };
  throw e;
}

/**
 * Checks a profile change: tax id (GB 32100), mobile, ID number (GB 11643, as of `asOf` in the tenant's zone)
 * and bank card (16-19 digits). A card failing Luhn is refused with `identity.bank_card_luhn` unless
 * bankCardLuhnConfirmed is true. Every problem is listed in one `validation.failed`.
 */
export function checkProfileInput(input: ProfileInput, asOf: Date, timeZone: string): ProfileChanges {
  const out: Mutable<ProfileChanges> = {};
  const errors: FieldError[] = [];
  let luhn: DomainError | null = null;
  const attempt = (path: string, f: () => void): void => {
    try {
      f();
    } catch (e) {
      if (isDomainError(e) && e.code === bankCardLuhnWarning) luhn = e;
      errors.push(fieldError(path, e));
    }
  };

  if (input.companyName !== undefined) {
    const name = input.companyName.trim();
    if (name === '') errors.push({ path: '/companyName', code: 'required', zh: '企业名称不能为空', en: 'The company name is required' });
    else out.companyName = { name, key: normalizeCompanyName(name) };
  }
  const taxId = text(input.taxId);
  if (taxId !== undefined) attempt('/taxId', () => (out.taxId = taxId === null ? null : normalizeUscc(taxId)));
  const mobile = text(input.legalPersonMobile);
  if (mobile !== undefined) attempt('/legalPersonMobile', () => (out.legalPersonMobile = mobile === null ? null : normalizeMobile(mobile)));
  const id = text(input.legalPersonIdNumber);
  if (id !== undefined) attempt('/legalPersonIdNumber', () => (out.legalPersonIdNumber = id === null ? null : parseResidentId(id, asOf, timeZone).number));
  const card = text(input.bankCard);
  if (card !== undefined) {
    attempt('/bankCard', () => {
      if (card === null) {
        out.bankCard = null;
        return;
      }
      const c = normalizeBankCard(card);
      const confirmed = input.bankCardLuhnConfirmed === true;
      if (!c.luhnValid && !confirmed) throw luhnUnconfirmed(c.number);
      out.bankCard = { number: c.number, luhnValid: c.luhnValid, luhnConfirmed: !c.luhnValid && confirmed };
    });
  }
  if (input.maritalStatus !== undefined) {
    if (input.maritalStatus !== null && !MARITAL_STATUSES.includes(input.maritalStatus)) {
      errors.push({ path: '/maritalStatus', code: 'enum', zh: `婚姻状态只能是：${MARITAL_STATUSES.join('、')}`, en: `must be one of ${MARITAL_STATUSES.join(', ')}` });
    } else out.maritalStatus = input.maritalStatus;
  }
  for (const k of ['legalPersonName', 'bankBranch', 'homeAddress', 'taxSecrets', 'contactName', 'contactRelationship'] as const) {
    const v = k === 'taxSecrets' ? input[k] : text(input[k]); // secrets keep their spaces: they are typed as given
    if (v !== undefined) out[k] = v === '' ? null : v;
  }

  if (errors.length === 1 && luhn) throw luhn; // the only problem: ask for the confirmation with its own code
  if (errors.length > 0) throw validationFailed(errors);
  return out;
}

/** A card number failing Luhn: shown to the user, who may confirm it is typed right (some real cards fail). */
export function luhnUnconfirmed(number: string): DomainError {
  return domainError(
    bankCardLuhnWarning,
    'rule',
    `银行卡号 ****${number.slice(-4)} 未通过校验，请核对；确认无误请勾选"确认卡号无误"后再保存`,
    `Bank card ****${number.slice(-4)} fails the Luhn check; check it, or confirm it is right (bankCardLuhnConfirmed) and save again`,
    { field: '/bankCard', confirmWith: 'bankCardLuhnConfirmed' },
  );
}

/** Age, gender and birth date read from a stored ID number (never typed), as of `asOf` in the tenant's zone. */
export function deriveFromResidentId(number: string, asOf: Date, timeZone: string): DerivedFromResidentId | null {
  try {
    const r = parseResidentId(number, asOf, timeZone);
    return { age: r.age, gender: r.gender, birthDate: r.birthDate };
  } catch (e) {
    if (isDomainError(e)) return null; // only valid numbers are stored; a clock moved back is not worth a crash
    throw e;
  }
}
