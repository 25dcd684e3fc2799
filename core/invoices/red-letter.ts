// 红字发票: an issued invoice is never edited or deleted; it is reversed, in full or in part, by red-letter
// invoices whose negative lines reference the original's lines. What is reversed can be invoiced again.
import { domainError, validationFailed, type FieldError } from '../shared/index.js';
import { formatYuanGrouped } from '../money/index.js';
import { separateLine } from './invoice-lines.js';
import type { InvoiceLineRecord } from './types.js';

/** What red-letter invoices (not cancelled) already take off one original line: negative sums. */
export interface LineReversal {
  readonly amountFen: number;
  readonly taxFen: number;
  readonly totalFen: number;
}

/** One line to reverse: the original's line number and how much of its 价税合计 (a positive amount). */
export interface RedLineRequest {
  readonly lineNo: number;
  readonly totalFen: number;
}

/** What is left to reverse on each original line (价税合计, positive), after the reversals so far. */
export function remainingByLine(original: readonly InvoiceLineRecord[], reversed: ReadonlyMap<number, LineReversal>): Map<number, number> {
  return new Map(original.map((l) => [l.lineNo, l.totalFen + (reversed.get(l.lineNo)?.totalFen ?? 0)]));
}

/**
 * The red-letter lines for a request: each reverses part of an original line (negative amounts at the
 * original's rate), or all that is left of it when no lines are named. The last reversal of a line takes off
 * exactly the 金额 and 税额 still standing, so a line reversed in several steps nets to zero in both.
 */
export function planRedLetter(
  original: readonly InvoiceLineRecord[],
  reversed: ReadonlyMap<number, LineReversal>,
  request: readonly RedLineRequest[] | undefined,
): InvoiceLineRecord[] {
  const remaining = remainingByLine(original, reversed);
  const wanted: readonly RedLineRequest[] = request ?? original.map((l) => ({ lineNo: l.lineNo, totalFen: remaining.get(l.lineNo) ?? 0 })).filter((r) => r.totalFen > 0);
  const problems: FieldError[] = [];
  const seen = new Set<number>();
  wanted.forEach((r, i) => {
    const left = remaining.get(r.lineNo);
    if (left === undefined) problems.push({ path: `/lines/${i}/lineNo`, code: 'invoice.no_such_line', zh: `原发票没有第 ${r.lineNo} 行`, en: `the original invoice has no line ${r.lineNo}` });
    else if (seen.has(r.lineNo)) problems.push({ path: `/lines/${i}/lineNo`, code: 'duplicate', zh: `第 ${r.lineNo} 行重复`, en: `line ${r.lineNo} is named twice` });
    else if (!Number.isSafeInteger(r.totalFen) || r.totalFen <= 0) problems.push({ path: `/lines/${i}/totalFen`, code: 'invalid', zh: '红冲金额应为大于 0 的整数（分）', en: 'the amount to reverse is a whole number of fen above 0' });
    else if (r.totalFen > left) {
      problems.push({
        path: `/lines/${i}/totalFen`, code: 'invoice.reversal_exceeds_line',
        zh: `第 ${r.lineNo} 行最多还可红冲 ¥${formatYuanGrouped(left)}`, en: `line ${r.lineNo} has only ${formatYuanGrouped(left)} left to reverse`,
      });
    }
    seen.add(r.lineNo);
  });
  if (problems.length > 0) throw validationFailed(problems);
  if (wanted.length === 0) {
    throw domainError('invoice.nothing_to_reverse', 'rule', '该发票已全部红冲（或红冲申请中），没有可红冲的金额', 'Everything on this invoice is already reversed or being reversed');
  }
  return wanted.map((r, i) => {
    const line = original.find((l) => l.lineNo === r.lineNo) as InvoiceLineRecord;
    const before = reversed.get(r.lineNo) ?? { amountFen: 0, taxFen: 0, totalFen: 0 };
    const left = line.totalFen + before.totalFen;
    if (r.totalFen < left) return separateLine(i + 1, line.name, null, -r.totalFen, line.taxRate, line.lineNo);
    const untouched = before.totalFen === 0;
    return {
      lineNo: i + 1, name: line.name,
      // A whole line reversed at once prints the negative quantity at the original unit price, as the tax platform does.
      quantity: untouched && line.quantity !== null ? `-${line.quantity}` : null,
      unitPrice: untouched ? line.unitPrice : null,
      amountFen: 0 - (line.amountFen + before.amountFen), taxRate: line.taxRate, taxFen: 0 - (line.taxFen + before.taxFen), totalFen: 0 - left,
      originalLineNo: line.lineNo,
    };
  });
}

/** Sums the red-letter lines per original line. */
export function reversalsByLine(redLines: readonly InvoiceLineRecord[]): Map<number, LineReversal> {
  const out = new Map<number, LineReversal>();
  for (const l of redLines) {
    if (l.originalLineNo === null) continue;
    const s = out.get(l.originalLineNo) ?? { amountFen: 0, taxFen: 0, totalFen: 0 };
    out.set(l.originalLineNo, { amountFen: s.amountFen + l.amountFen, taxFen: s.taxFen + l.taxFen, totalFen: s.totalFen + l.totalFen });
  }
  return out;
}
