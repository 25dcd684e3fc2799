// 大写金额: the amount in Chinese capital numerals that invoices, receipts and contracts must carry, so that
// a written amount cannot be altered by adding a stroke.
//
// Sources: 财政部《会计基础工作规范》第五十二条 (汉字大写金额的书写：中间有"0"写"零"，连续几个"0"可只写一个
// "零"，到元或角为止写"整"，有分不写"整"), and the People's Bank of China's《正确填写票据和结算凭证的基本规定》
// (annex to《支付结算办法》, examples ¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分, ¥107,000.53 → 壹拾万柒仟元…,
// ¥325.04 → 叁佰贰拾伍元零肆分). Where both allow a choice (one 零 or none), this file fixes one reading:
//  - every ten is written 壹拾, never a bare 拾 (10.00 → 壹拾元整);
//  - the integer part is read in groups of four (亿, 万, 元), and above 9999亿 the 亿 count is itself read with
//    万 (90,071,992,547,409 → 玖拾万零柒佰壹拾玖亿…, 1,000,000,000,000 → 壹万亿), up to the largest safe
//    integer of fen (Number.MAX_SAFE_INTEGER, what the schemas allow); each run of zeros between non-zero digits gives
//    one 零, except a run that only fills the tail of a 亿 or 万 group when the next group starts with a
//    non-zero 仟 (107000 → 壹拾万柒仟元整); a whole zero group between non-zero groups gives one 零
//    (100001000 → 壹亿零壹仟元整);
//  - a non-zero integer part whose 元 digit is 0 followed by a non-zero 角 reads 元零X角 (1680.32 →
//    壹仟陆佰捌拾元零叁角贰分); 角 0 and 分 non-zero reads 元零X分;
//  - endings: 元整 (no 角 or 分), X角整 (no 分), X分 (nothing after);
//  - integer part 0: 零元整, 伍分, 伍角整 (no leading 零元);
//  - no 人民币 prefix (the document prints it); a negative amount (red-letter invoice) gets a leading 负.
import { assertFen } from './fen.js';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const IN_GROUP = ['', '拾', '佰', '仟'] as const; // by position inside a group of four, from the right
const GROUP = ['', '万', '亿', '万'] as const; // by group, from the right ('' is the 元 group; the 4th counts 万亿)

/** The largest amount written: every safe integer of fen (90万零719亿9254万7409元9角1分), what the schemas allow. */
export const MAX_UPPERCASE_FEN = Number.MAX_SAFE_INTEGER;

/** Writes an amount in fen as 大写金额 by the rules above: 168032 → 壹仟陆佰捌拾元零叁角贰分. */
export function toChineseUppercase(fen: number): string {
  assertFen(fen, 'fen');
  if (Math.abs(fen) > MAX_UPPERCASE_FEN) {
    throw new Error(`toChineseUppercase supports at most ${MAX_UPPERCASE_FEN} fen, got ${fen}`);
  }
  if (fen === 0) return '零元整';
  const abs = Math.abs(fen);
  const jiao = Math.floor(abs / 10) % 10;
  const fenDigit = abs % 10;
  const integerDigits = String((abs - (abs % 100)) / 100);
  const integerText = integerDigits === '0' ? '' : readInteger(integerDigits);
  const sign = fen < 0 ? '负' : '';

  if (integerText === '') {
    // Below one yuan: only the 角 and 分 that are there.
    if (fenDigit === 0) return `${sign}${DIGITS[jiao]}角整`;
    return `${sign}${jiao === 0 ? '' : `${DIGITS[jiao]}角`}${DIGITS[fenDigit]}分`;
  }
  const yuanDigitIsZero = integerDigits.endsWith('0');
  if (jiao === 0 && fenDigit === 0) return `${sign}${integerText}元整`;
  if (jiao === 0) return `${sign}${integerText}元零${DIGITS[fenDigit]}分`;
  const jiaoText = `${yuanDigitIsZero ? '零' : ''}${DIGITS[jiao]}角`;
  return `${sign}${integerText}元${jiaoText}${fenDigit === 0 ? '整' : `${DIGITS[fenDigit]}分`}`;
}

// Reads a non-zero integer given as decimal digits without leading zeros, up to 16 digits (9999万9999亿…).
function readInteger(digits: string): string {
  let out = '';
  let lastNonZeroPos = -1; // position (0 = 元 digit) of the last non-zero digit written
  const top = digits.length - 1;
  for (let pos = top; pos >= 0; pos--) {
    const d = Number(digits[top - pos]);
    const inGroup = pos % 4;
    const group = Math.floor(pos / 4);
    if (d !== 0) {
      const zerosBefore = lastNonZeroPos > pos + 1;
      // A run that only fills the tail of the previous group, ended by a non-zero 仟, is not read.
      const onlyTailOfPreviousGroup = inGroup === 3 && Math.floor(lastNonZeroPos / 4) === group + 1;
      if (zerosBefore && !onlyTailOfPreviousGroup) out += '零';
      out += `${DIGITS[d]}${IN_GROUP[inGroup]}`;
      lastNonZeroPos = pos;
    }
    // A group's unit (万, 亿) follows it when the group has any non-zero digit; 亿 also ends a 万亿 count
    // whose own 亿 group is all zeros (壹万亿).
    const groupHasDigit = lastNonZeroPos >= pos && (lastNonZeroPos < pos + 4 || group === 2);
    if (inGroup === 0 && group > 0 && groupHasDigit) out += GROUP[group];
  }
  return out;
}
