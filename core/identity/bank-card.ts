// Bank card numbers (银行卡号) on the enterprise profile: shape is checked, Luhn is only a warning.
import { domainError } from '../shared/index.js';

/** Error code when a text cannot be a bank card number (not 16-19 digits). */
export const invalidBankCardCode = 'identity.invalid_bank_card';

/** Warning code the caller raises when a card fails Luhn and the user has not confirmed it (some real cards do). */
export const bankCardLuhnWarning = 'identity.bank_card_luhn';

export interface BankCard {
  readonly number: string;
  /** False means: ask the user to confirm the number, do not reject it. */
  readonly luhnValid: boolean;
}

/** A bank card is 16 to 19 digits once spaces and '-' are removed; a Luhn failure is reported, not rejected. */
export function normalizeBankCard(text: string): BankCard {
  const s = text.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(s)) {
    throw domainError(invalidBankCardCode, 'invalid',
      '银行卡号只能包含数字（可用空格或 - 分隔）',
      'A bank card number has only digits (spaces or - may separate them)',
      { reason: 'characters' });
  }
  if (s.length < 16 || s.length > 19) {
    throw domainError(invalidBankCardCode, 'invalid',
      `银行卡号应为 16 至 19 位数字，当前为 ${s.length} 位`,
      `A bank card number has 16 to 19 digits; this one has ${s.length}`,
      { reason: 'length', length: s.length });
  }
  return { number: s, luhnValid: isLuhnValid(s) };
}

/** The Luhn (mod 10) check over a string of digits; false for an empty string or any non-digit. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** Screens show a bank card as its last four digits only (****6487). */
export function maskBankCard(number: string): string {
  return `****${number.slice(-4)}`;
}

/** Test-data builder: the 15-18 given digits followed by their Luhn check digit (a 16-19 digit card). */
export function makeLuhnCard(prefix15to18: string): string {
  if (!/^\d{15,18}$/.test(prefix15to18)) throw new Error(`makeLuhnCard needs 15-18 digits, got "${prefix15to18}"`);
  return prefix15to18 + String((10 - (luhnSum(prefix15to18, true) % 10)) % 10);
}

// Sum of the digits from the right, doubling every second one (the rightmost too when a check digit will follow).
function luhnSum(digits: string, doubleRightmost: boolean): number {
  let sum = 0;
  for (let i = digits.length - 1, double = doubleRightmost; i >= 0; i--, double = !double) {
    const d = Number(digits.charAt(i));
    sum += double ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
  }
  return sum;
}
