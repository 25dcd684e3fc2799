// Amounts in messages, written the way the firm's staff say them: whole 万 as 万元, else yuan.
import { formatYuan, formatYuanGrouped } from '../money/index.js';

const FEN_PER_WAN = 1_000_000;

/** Fen as Chinese text: 30000000 → '30万元', 1234550 → '12345.50元'. */
export function amountZh(fen: number): string {
  if (fen !== 0 && fen % FEN_PER_WAN === 0) return `${fen / FEN_PER_WAN}万元`;
  return `${formatYuan(fen, { decimals: 'auto' })}元`;
}

/** Fen as English text: 30000000 → 'CNY 300,000'. */
export function amountEn(fen: number): string {
  return `CNY ${formatYuanGrouped(fen, { decimals: 'auto' })}`;
}
