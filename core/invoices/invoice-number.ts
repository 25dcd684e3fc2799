// 发票号码: per tenant and calendar year (in the tenant's time zone), gapless: the year followed by an 8-digit
// sequence, e.g. 202600000001. The sequence is taken only when an invoice is issued, in the same transaction
// as its state change, so a rolled-back issue gives its number back and no number is ever skipped.

export const SEQUENCE_DIGITS = 8;
export const MAX_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1;

/** The number of the nth invoice issued in a year: `yyyy` + the sequence zero-padded to 8 digits. */
export function formatInvoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`invoice year ${year} is not a four-digit year`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) throw new Error(`invoice sequence ${sequence} is outside 1..${MAX_SEQUENCE}`);
  return `${year}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** The year and sequence of a number this module formatted, or null for any other text. */
export function parseInvoiceNumber(number: string): { year: number; sequence: number } | null {
  const m = /^(\d{4})(\d{8})$/.exec(number);
  if (!m) return null;
  const sequence = Number(m[2]);
  return sequence >= 1 ? { year: Number(m[1]), sequence } : null;
}

/** The year an issue date ('YYYY-MM-DD', already the tenant's calendar day) numbers in. */
export function numberingYear(issueDate: string): number {
  const year = Number(issueDate.slice(0, 4));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issueDate)) throw new Error(`issue date "${issueDate}" is not YYYY-MM-DD`);
  return year;
}
