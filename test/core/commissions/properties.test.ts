// Invariants of the commission rules over random months of confirmations and reversals.
import { isDeepStrictEqual } from 'node:util';
import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { accrueReceipt, addAdjustment, drawUpStatement, runningCommission, runningCommissionOf, type ConfirmedReceipt, type Participant, type PersonStatement } from '../../../core/commissions/index.js';
import { isDomainError } from '../../../core/shared/domain-error.js';
import type { RunningTotal } from '../../../core/commissions/ports.js';
import { runningDelta } from '../../../core/commissions/receipt-commissions.js';
import { LI, Ledger, SUN, V1, V1_MARGINAL, WANG, receipt } from './fixtures.js';

function holds(t: ExecutionContext, property: fc.IProperty<any>, numRuns = 300): void {
  const run = fc.check(property, { numRuns });
  t.false(run.failed, fc.defaultReportMessage(run) ?? '');
}

const ZHAO: Participant = { personId: 'u-zhao', roleCode: 'manager', departmentId: 'd-1' };
const PEOPLE = [SUN, WANG, ZHAO, LI];
const MONTH = '2026-03';

const confirmation = fc.record({
  amountFen: fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 20_000_000 })),
  owner: fc.constantFrom(SUN, WANG, ZHAO),
  source: fc.option(fc.constantFrom(SUN, WANG, ZHAO), { nil: null }),
  head: fc.option(fc.constant(LI), { nil: null }),
  category: fc.constantFrom('business_credit', 'tax_loan'),
});
type Confirmation = typeof confirmation extends fc.Arbitrary<infer T> ? T : never;

const day = (i: number) => `${MONTH}-${String(Math.min(1 + i, 27)).padStart(2, '0')}`;
const toReceipt = (c: Confirmation, i: number): ConfirmedReceipt =>
  receipt(`r${i}`, c.amountFen, day(i), { owner: c.owner, source: c.source, departmentHead: c.head, categoryCode: c.category });

/** A month: confirmations in order, some reversed in March (on the 28th) or in April. */
const month = fc.record({
  marginal: fc.boolean(),
  confirmations: fc.array(confirmation, { minLength: 1, maxLength: 12 }),
  reversals: fc.array(fc.record({ index: fc.nat(), inApril: fc.boolean() }), { maxLength: 4 }),
});

function play(m: { marginal: boolean; confirmations: Confirmation[]; reversals: { index: number; inApril: boolean }[] }, twice = false): Ledger {
  const ledger = new Ledger([m.marginal ? V1_MARGINAL : V1]);
  m.confirmations.forEach((c, i) => { ledger.confirm(toReceipt(c, i)); if (twice) ledger.confirm(toReceipt(c, i)); });
  for (const r of m.reversals) {
    const i = r.index % m.confirmations.length;
    ledger.reverse(`r${i}`, r.inApril ? '2026-04-02' : '2026-03-28');
    if (twice) ledger.reverse(`r${i}`, r.inApril ? '2026-04-02' : '2026-03-28');
  }
  return ledger;
}

function statementOf(ledger: Ledger, personId: string, m = MONTH): PersonStatement {
  const s = drawUpStatement({ personId, departmentId: 'd-1', month: m, lines: ledger.lines, history: ledger.history });
  if (isDomainError(s)) throw s;
  return s;
}

test('the lines of a month sum to the statement: total = accruals + clawbacks + true-ups + adjustments, and = every line + every adjustment', (t) => {
  holds(t, fc.property(month, fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((x) => x !== 0), { maxLength: 3 }), (m, adjustments) => {
    const ledger = play(m);
    return PEOPLE.every((p) => {
      let s = statementOf(ledger, p.personId);
      adjustments.forEach((amountFen, i) => {
        const next = addAdjustment(s, { id: `a${i}`, amountFen, reason: '调整', createdBy: 'u-fin', createdOn: '2026-04-01' });
        if (isDomainError(next)) throw next;
        s = next;
      });
      const lines = s.lines.reduce((a, l) => a + l.amountFen, 0);
      const adj = adjustments.reduce((a, x) => a + x, 0);
      const { accruedFen, clawbackFen, trueUpFen, adjustmentFen, totalFen } = s.totals;
      return totalFen === lines + adj && totalFen === accruedFen + clawbackFen + trueUpFen + adjustmentFen && adjustmentFen === adj
        && s.lines.every((l) => l.personId === p.personId && l.month === MONTH);
    });
  }));
});

test('a receipt confirmed and reversed in the same month leaves every statement exactly as if it had never been', (t) => {
  holds(t, fc.property(month, fc.nat(), (m, k) => {
    const index = k % m.confirmations.length;
    const withIt = new Ledger([m.marginal ? V1_MARGINAL : V1]);
    const without = new Ledger([m.marginal ? V1_MARGINAL : V1]);
    m.confirmations.forEach((c, i) => {
      withIt.confirm(toReceipt(c, i));
      if (i !== index) without.confirm(toReceipt(c, i));
    });
    withIt.reverse(`r${index}`, '2026-03-28');
    return PEOPLE.every((p) => {
      const a = statementOf(withIt, p.personId).totals;
      const b = statementOf(without, p.personId).totals;
      return a.totalFen === b.totalFen && a.creditedFen === b.creditedFen;
    });
  }));
});

test('whenever it happens, a reversal takes back exactly what its receipt accrued: the receipt\'s lines sum to zero', (t) => {
  holds(t, fc.property(month, (m) => {
    const ledger = play(m);
    const reversed = new Set(m.reversals.map((r) => `r${r.index % m.confirmations.length}`));
    return [...reversed].every((id) => {
      const own = ledger.lines.filter((l) => l.receiptId === id);
      return own.reduce((a, l) => a + l.amountFen, 0) === 0 && own.reduce((a, l) => a + l.baseFen, 0) === 0;
    });
  }));
});

test('confirming and reversing every receipt twice records the same lines as once (idempotent by receipt, person and role)', (t) => {
  holds(t, fc.property(month, (m) => {
    const once = play(m);
    const twice = play(m, true);
    const again = m.confirmations.map((c, i) => accrueReceipt(toReceipt(c, i), once.history, { 'u-sun': i }));
    const repeat = m.confirmations.map((c, i) => accrueReceipt(toReceipt(c, i), once.history, { 'u-sun': i }));
    return JSON.stringify(once.lines) === JSON.stringify(twice.lines) && JSON.stringify(again) === JSON.stringify(repeat);
  }));
});

test('the owner\'s and source\'s credited bases of a receipt add up to the receipt: the split makes and loses no fen', (t) => {
  holds(t, fc.property(fc.array(confirmation, { minLength: 1, maxLength: 8 }), (cs) => {
    const ledger = new Ledger([V1]);
    return cs.every((c, i) => {
      const lines = ledger.confirm(toReceipt(c, i)).filter((l) => l.role !== 'head');
      // Both roles are paid by V1 (sales and manager): their bases are the whole receipt.
      return lines.reduce((a, l) => a + l.baseFen, 0) === c.amountFen;
    });
  }));
});

test('the running figure of a month equals the statement it will become (before adjustments)', (t) => {
  holds(t, fc.property(month, (m) => {
    const ledger = play(m);
    return PEOPLE.every((p) => ['2026-03', '2026-04'].every((mo) =>
      runningCommission(ledger.lines, p.personId, mo, ledger.history).projectedFen === statementOf(ledger, p.personId, mo).totals.totalFen));
  }));
});

/** The running row of a person's month as the receipt flow keeps it: every recorded line's delta added up. */
function runningRowOf(ledger: Ledger, personId: string, m: string): RunningTotal | null {
  const accrualMonth = (receiptId: string | null) => ledger.lines.find((l) => l.kind === 'accrual' && l.receiptId === receiptId)?.month ?? '';
  const deltas = ledger.lines.map((l) => runningDelta(l, accrualMonth(l.receiptId))).filter((d) => d.personId === personId && d.month === m);
  if (deltas.length === 0) return null;
  const sum = (k: 'creditedFen' | 'accruedFen' | 'clawbackFen' | 'lineCount') => deltas.reduce((a, d) => a + d[k], 0);
  return { personId, month: m, departmentId: 'd-1', creditedFen: sum('creditedFen'), accruedFen: sum('accruedFen'), clawbackFen: sum('clawbackFen'), lineCount: sum('lineCount') };
}

test('the running figure read from the owner and source lines and the running row equals the one from every line', (t) => {
  holds(t, fc.property(month, (m) => {
    const ledger = play(m);
    return PEOPLE.every((p) => ['2026-03', '2026-04'].every((mo) => {
      const { override, ...figure } = runningCommissionOf(ledger.lines.filter((l) => l.role !== 'head'), runningRowOf(ledger, p.personId, mo), p.personId, mo, ledger.history);
      const overrides = ledger.lines.filter((l) => l.role === 'head' && l.personId === p.personId && l.month === mo);
      const sum = (kind: string) => overrides.filter((l) => l.kind === kind).reduce((a, l) => a + l.amountFen, 0);
      return isDeepStrictEqual(figure, runningCommission(ledger.lines, p.personId, mo, ledger.history))
        && isDeepStrictEqual(override, { accruedFen: sum('accrual'), clawbackFen: sum('clawback'), lineCount: overrides.length });
    }));
  }));
});

test('超额累进 without reversals is exact while running: the month end adds nothing', (t) => {
  holds(t, fc.property(fc.array(confirmation, { minLength: 1, maxLength: 12 }), (cs) => {
    const ledger = play({ marginal: true, confirmations: cs, reversals: [] });
    return PEOPLE.every((p) => statementOf(ledger, p.personId).totals.trueUpFen === 0);
  }));
});

test('全额累进: after the true-up each tiered line is paid at the rate of the month\'s final tier', (t) => {
  holds(t, fc.property(fc.array(confirmation, { minLength: 1, maxLength: 12 }), (cs) => {
    const ledger = play({ marginal: false, confirmations: cs, reversals: [] });
    const s = statementOf(ledger, 'u-sun');
    const tiered = s.lines.filter((l) => l.kind === 'accrual' && l.role !== 'head' && l.categoryCode !== 'tax_loan');
    const rate = s.totals.creditedFen >= 30_000_000 ? 5n : s.totals.creditedFen >= 10_000_000 ? 4n : 3n;
    const expected = tiered.reduce((a, l) => a + Number((BigInt(l.baseFen) * rate * 2n + 100n) / 200n), 0); // half-up, positive bases
    const paid = tiered.reduce((a, l) => a + l.amountFen, 0) + s.lines.filter((l) => l.kind === 'true_up').reduce((a, l) => a + l.amountFen, 0);
    return paid === expected;
  }));
});
