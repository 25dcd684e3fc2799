// The periods a target is set for: the months and quarters of last year, this year and next, newest first
// after the current one, in the firm's calendar as the device shows it.

export type PeriodKind = 'month' | 'quarter';

export function currentPeriod(kind: PeriodKind, today: Date = new Date()): string {
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  return kind === 'month' ? `${y}-${String(m).padStart(2, '0')}` : `${y}-Q${Math.ceil(m / 3)}`;
}

export function periodOptions(kind: PeriodKind, today: Date = new Date()): string[] {
  const y = today.getFullYear();
  const out: string[] = [];
  for (const year of [y + 1, y, y - 1]) {
    if (kind === 'month') for (let m = 12; m >= 1; m--) out.push(`${year}-${String(m).padStart(2, '0')}`);
    else for (let q = 4; q >= 1; q--) out.push(`${year}-Q${q}`);
  }
  return out;
}
