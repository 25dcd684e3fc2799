// Unified social credit codes (统一社会信用代码, GB 32100-2015), the enterprise tax id on the profile.
import { domainError } from '../shared/index.js';

/** Error code when a text is not a unified social credit code; `details.reason` says which rule failed. */
export const invalidUsccCode = 'identity.invalid_uscc';

/** The 31 characters a code may use, each worth its index (no I, O, S, V, Z). */
export const usccCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character of the first 17 characters: 31 − (Σ value×weight mod 31), where 31 is written '0'. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17 || [...first17].some((c) => !usccCharset.includes(c))) {
    throw new Error(`usccCheckChar needs 17 characters from ${usccCharset}, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccCharset.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  // The remainder 0 gives 31, which the standard writes as '0' (index 31 would be past the charset's end).
  return usccCharset.charAt((31 - (sum % 31)) % 31);
}

/** A tax id is accepted (trimmed, upper-cased) when it has 18 characters of the GB 32100 charset and a correct check character. */
export function normalizeUscc(text: string): string {
  const s = text.trim().toUpperCase();
  if (s.length !== 18) {
    throw domainError(invalidUsccCode, 'invalid',
      `统一社会信用代码应为 18 位，当前为 ${s.length} 位`,
      `A unified social credit code has 18 characters; this one has ${s.length}`,
      { reason: 'length', length: s.length });
  }
  if ([...s].some((c) => !usccCharset.includes(c))) {
    throw domainError(invalidUsccCode, 'invalid',
      '统一社会信用代码只能由数字和大写字母组成，且不含 I、O、S、V、Z',
      'A unified social credit code uses only digits and capital letters other than I, O, S, V and Z',
      { reason: 'characters' });
  }
  const expected = usccCheckChar(s.slice(0, 17));
  if (s.charAt(17) !== expected) {
    throw domainError(invalidUsccCode, 'invalid',
      `统一社会信用代码校验位不正确：按 GB 32100 计算，最后一位应为 ${expected}，请核对营业执照`,
      `The check character is wrong under GB 32100: the last character should be ${expected}; check the business licence`,
      { reason: 'check_digit', expected });
  }
  return s;
}

/** Test-data builder: the 17 given characters followed by their check character. */
export function makeUscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}
