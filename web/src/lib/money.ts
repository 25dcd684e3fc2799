// Money on screen: integer fen shown as yuan with the very rules the server uses (core/money).
export { formatYuan, formatYuanGrouped, yuanToFen, toChineseUppercase } from '@core/money/index.js';
import { formatYuanGrouped } from '@core/money/index.js';

/** Whole-yuan figures as the brochure shows them (200,000), decimals only when there are fen. */
export function yuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : formatYuanGrouped(fen, { decimals: 'auto' });
}

/** Accounts' figures: always two decimals (1,680.00), so columns of amounts line up. */
export function yuanExact(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : formatYuanGrouped(fen);
}
