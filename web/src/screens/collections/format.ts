// Money on the collections screens: ¥ and two decimals (1,234.50), the way receipts are read and checked.
import { formatYuanGrouped } from '../../lib/money.js';

export function money(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : `¥${formatYuanGrouped(fen)}`;
}

/** An instant as the person's calendar shows it. */
export function when(at: string, locale: string): string {
  return new Date(at).toLocaleString(locale === 'en' ? 'en' : 'zh-CN');
}
