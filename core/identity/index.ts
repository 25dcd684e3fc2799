// Identity rules: mobile numbers, resident ID numbers, unified social credit codes, bank cards, company names.
export { normalizeMobile, maskMobile, mobileLastFour, invalidMobileCode } from './mobile.js';
export {
  parseResidentId,
  maskResidentId,
  makeResidentId,
  residentIdCheckChar,
  invalidResidentIdCode,
  maxResidentAge,
  type ResidentId,
  type ResidentIdSpec,
  type ResidentIdFailure,
  type Gender,
} from './resident-id.js';
export { normalizeUscc, usccCheckChar, makeUscc, usccCharset, invalidUsccCode } from './uscc.js';
export {
  normalizeBankCard,
  isLuhnValid,
  maskBankCard,
  makeLuhnCard,
  bankCardLuhnWarning,
  invalidBankCardCode,
  type BankCard,
} from './bank-card.js';
export { normalizeCompanyName } from './company-name.js';
