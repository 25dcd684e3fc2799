// The plan editor's form as the server's plan spec (平均分期 or 手工录入), with the amounts in fen and the
// running total of the hand-made instalments against what is to be planned.
import { yuanToFen } from '../../lib/money.js';

export interface ManualRow { dueOn: string; amount: string }
export interface PlanForm {
  method: 'equal' | 'manual';
  count: string;
  firstDueOn: string;
  intervalMonths: string;
  rows: ManualRow[];
}

export type Spec =
  | { method: 'equal'; count: number; firstDueOn: string; intervalMonths: number }
  | { method: 'manual'; instalments: { dueOn: string | null; amountFen: number }[] };

/** An amount typed in yuan as fen, or null when it is not a yuan amount (more than two decimals, junk). */
export function fenOf(text: string): number | null {
  if (!text.trim()) return null;
  try {
    return yuanToFen(text);
  } catch {
    return null;
  }
}

/** The rows whose amount is not a yuan amount (their index), for a message at the field. */
export function badRows(form: PlanForm): number[] {
  return form.method === 'manual' ? form.rows.flatMap((r, i) => (fenOf(r.amount) === null ? [i] : [])) : [];
}

/** The spec to preview or save, or null while an amount cannot be read. */
export function specOf(form: PlanForm): Spec | null {
  if (form.method === 'equal') {
    return { method: 'equal', count: Number(form.count), firstDueOn: form.firstDueOn, intervalMonths: Number(form.intervalMonths) };
  }
  if (badRows(form).length) return null;
  return { method: 'manual', instalments: form.rows.map((r) => ({ dueOn: r.dueOn || null, amountFen: fenOf(r.amount) as number })) };
}

/** The hand-made instalments' total and its difference from what is to be planned (positive: still short). */
export function manualBalance(form: PlanForm, openFen: number): { sumFen: number; differenceFen: number } {
  const sumFen = form.rows.reduce((s, r) => s + (fenOf(r.amount) ?? 0), 0);
  return { sumFen, differenceFen: openFen - sumFen };
}
