// Company names reduced to a key for the duplicate check (查重) of inquiries.

// Longest first, so that 股份有限公司 is not cut as 有限公司 and leave 股份 behind.
const SUFFIXES = ['有限责任公司', '股份有限公司', '有限公司'] as const;
const OPENING = /[[【〔〖]/g;
const CLOSING = /[\]】〕〗]/g;

/**
 * Two names that differ only in typing habits give the same key. In this order:
 * 1. Unicode NFKC: full-width letters, digits and punctuation become half-width (ＳＨＥＮＧ → SHENG, （ → (, ［ → [);
 * 2. all whitespace removed (leading, trailing and inside: 盛博 科技 → 盛博科技);
 * 3. toLowerCase (SHENG → sheng);
 * 4. brackets [ 【 〔 〖 become ( and ] 】 〕 〗 become ) (so 【北京】, ［北京］ and （北京） all read (北京));
 * 5. one trailing 有限责任公司, 股份有限公司 or 有限公司 dropped, unless nothing would be left.
 * Nothing else changes: other punctuation, 集团, 分公司 and region names stay. So 盛博科技有限公司 and 盛博科技
 * both give 盛博科技, while ＳＨＥＮＧ盛博科技 gives sheng盛博科技 (a different key).
 */
export function normalizeCompanyName(name: string): string {
  const s = name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(OPENING, '(')
    .replace(CLOSING, ')');
  const suffix = SUFFIXES.find((x) => s.endsWith(x) && s.length > x.length);
  return suffix ? s.slice(0, -suffix.length) : s;
}
