// How documents print dates and rates: the tax authority's and Chinese contracts' way of writing them.
import { domainError } from '../shared/index.js';
import type { IsoDate } from './types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A document date 'YYYY-MM-DD' prints as 'YYYY年MM月DD日' (as on an e-invoice); any other text is refused. */
export function chineseDate(date: IsoDate, field = 'date'): string {
  const m = ISO_DATE.exec(date);
  const [y, mo, d] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  const real = m !== null && new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d && mo >= 1 && mo <= 12;
  if (!real) {
    throw domainError(
      'document.invalid_date',
      'invalid',
      `文档中的日期“${date}”（${field}）无效：请使用 YYYY-MM-DD 格式的真实日期，例如 2025-03-08`,
      `The document date "${date}" (${field}) is not a real date in YYYY-MM-DD form, e.g. 2025-03-08`,
      { field, date },
    );
  }
  return `${m[1]}年${m[2]}月${m[3]}日`;
}

/** A rate in percent as text ('6', '3.65') prints with a percent sign; 免税 and 不征税 print as words. */
export function ratePercentText(rate: string): string {
  if (rate === 'exempt') return '免税';
  if (rate === 'not_taxable') return '不征税';
  return `${rate}%`;
}
