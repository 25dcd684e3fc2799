// core/money: integer fen, yuan text, 大写金额, 价税分离 and the one rounding rule.
export { assertFen, yuanToFen, formatYuan, formatYuanGrouped, type FormatYuanOptions } from './fen.js';
export { toChineseUppercase, MAX_UPPERCASE_FEN } from './chinese-uppercase.js';
export { separateTax, DEFAULT_TAX_RATES, type TaxSeparation } from './tax.js';
export { divRoundHalfUp, toSafeFen } from './rounding.js';
