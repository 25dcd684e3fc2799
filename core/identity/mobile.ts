// Mainland China mobile numbers (手机号码): normalize what people type, mask for lists, last four for lookups.
import { domainError } from '../shared/index.js';

/** Error code when a text is not a mainland China mobile number. */
export const invalidMobileCode = 'identity.invalid_mobile';

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * A mobile is stored as its 11 digits: NFKC (full-width digits become ASCII), whitespace, '-', '(' and ')'
 * removed, then one leading '+86', '0086' or (when 13 digits remain) '86' stripped; the rest must be
 * 1[3-9] followed by 9 digits.
 */
export function normalizeMobile(text: string): string {
  let s = text.normalize('NFKC').replace(/[\s\-()]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  else if (/^86\d{11}$/.test(s)) s = s.slice(2);
  if (!MOBILE.test(s)) {
    throw domainError(
      invalidMobileCode,
      'invalid',
      '手机号码格式不正确：应为 11 位中国大陆手机号（以 1 开头，第二位为 3-9），可带 +86 前缀',
      'Not a mainland China mobile number: expected 11 digits starting with 1 and a second digit 3-9, optionally after +86',
    );
  }
  return s;
}

/** Lists show a mobile as its first 3 and last 4 digits with the middle starred (138****5678). */
export function maskMobile(mobile: string): string {
  // Meant for a normalized mobile; anything too short to keep 7 digits is starred in full rather than shown.
  if (mobile.length <= 7) return '*'.repeat(mobile.length);
  return mobile.slice(0, 3) + '*'.repeat(mobile.length - 7) + mobile.slice(-4);
}

/** The last four digits of a normalized mobile, which a customer gives to look up an application. */
export function mobileLastFour(mobile: string): string {
  return mobile.slice(-4);
}
