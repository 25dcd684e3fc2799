// The plan editor's form as the server's plan spec (平均分期, 按比例分期, 定金+放款后付清 or 手工录入), with the
// amounts in fen, and the running totals (hand-made amounts, shares in percent) against what is to be planned.
import { yuanToFen } from '../../lib/money.js';
import { toBasisPoints } from '@core/collections/plan-generation.js';

export interface ManualRow { dueOn: string; amount: string }
export interface ShareRow { dueOn: string; percent: string }
export type PlanFormMethod = 'equal' | 'percentages' | 'deposit' | 'manual';
export interface PlanForm {
  method: PlanFormMethod;
  count: string;
  firstDueOn: string;
  intervalMonths: string;
  rows: ManualRow[];
  shares: ShareRow[];
  /** The 定金 given as an amount in yuan or as a percent of what is to be planned. */
  depositBy: 'amount' | 'percent';
  deposit: string;
  depositDueOn: string;
}

export type Spec =
  | { method: 'equal'; count: number; firstDueOn: string; intervalMonths: number }
  | { method: 'percentages'; shares: { percent: number; dueOn: string }[] }
  | { method: 'deposit'; depositFen?: number; depositPercent?: number; depositDueOn: string }
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

/** A percent typed as a number, or null when it is empty or not a number (the server judges the rest). */
export function percentOf(text: string): number | null {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) return null;
  return Number(text);
}

/** The rows whose amount (手工录入) or percent (按比例) cannot be read (their index), for a message at the field. */
export function badRows(form: PlanForm): number[] {
  if (form.method === 'manual') return form.rows.flatMap((r, i) => (fenOf(r.amount) === null ? [i] : []));
  if (form.method === 'percentages') return form.shares.flatMap((s, i) => (percentOf(s.percent) === null ? [i] : []));
  return [];
}

/** Whether the deposit typed cannot be read as an amount in yuan or a percent. */
export function badDeposit(form: PlanForm): boolean {
  return form.method === 'deposit' && (form.depositBy === 'amount' ? fenOf(form.deposit) : percentOf(form.deposit)) === null;
}

/** The spec to preview or save, or null while an amount or percent cannot be read. */
export function specOf(form: PlanForm): Spec | null {
  if (badRows(form).length || badDeposit(form)) return null;
  switch (form.method) {
    case 'equal':
      return { method: 'equal', count: Number(form.count), firstDueOn: form.firstDueOn, intervalMonths: Number(form.intervalMonths) };
    case 'percentages':
      return { method: 'percentages', shares: form.shares.map((s) => ({ percent: percentOf(s.percent) as number, dueOn: s.dueOn })) };
    case 'deposit':
      return form.depositBy === 'amount'
        ? { method: 'deposit', depositFen: fenOf(form.deposit) as number, depositDueOn: form.depositDueOn }
        : { method: 'deposit', depositPercent: percentOf(form.deposit) as number, depositDueOn: form.depositDueOn };
    case 'manual':
      return { method: 'manual', instalments: form.rows.map((r) => ({ dueOn: r.dueOn || null, amountFen: fenOf(r.amount) as number })) };
  }
}

/** The hand-made instalments' total and its difference from what is to be planned (positive: still short). */
export function manualBalance(form: PlanForm, openFen: number): { sumFen: number; differenceFen: number } {
  const sumFen = form.rows.reduce((s, r) => s + (fenOf(r.amount) ?? 0), 0);
  return { sumFen, differenceFen: openFen - sumFen };
}

/** The shares' total in basis points (1% = 100, the server's own rounding) and what is missing to 100%. */
export function sharesBalance(form: PlanForm): { sumPercent: number; differencePercent: number } {
  const bp = form.shares.reduce((s, x) => s + (toBasisPoints(percentOf(x.percent) ?? 0) ?? 0), 0);
  return { sumPercent: bp / 100, differencePercent: (10000 - bp) / 100 };
}
