// Rankings with attainment (数据简报): the briefing's ranking by amount with each row's 完成率 beside it, and a
// ranking by 完成率 itself — those with a target first, by exact attainment; those without one after them, by
// amount. Equal values share a rank and the next rank skips (1, 1, 3), as in the ranking by amount.
import { attainment, compareAttainment, type Attainment } from './attainment.js';

export interface AttainmentRankInput {
  readonly id: string;
  readonly name: string;
  readonly amountFen: number;
  /** The period's target (targetFor), null when none is set. */
  readonly targetFen: number | null;
}

export interface AttainmentRankRow extends AttainmentRankInput {
  readonly rank: number;
  readonly attainment: Attainment | null;
}

const byName = (a: AttainmentRankInput, b: AttainmentRankInput): number => a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Each row with its attainment, in the order given (for a ranking already ordered by amount). */
export function withAttainment<R extends { readonly amountFen: number }>(rows: readonly R[], targetOf: (row: R) => number | null): (R & { readonly attainment: Attainment | null })[] {
  return rows.map((r) => ({ ...r, attainment: attainment(r.amountFen, targetOf(r)) }));
}

/** Ranked by attainment (highest first), rows without a target after by amount; at most `limit` rows. */
export function rankByAttainment(rows: readonly AttainmentRankInput[], limit: number): AttainmentRankRow[] {
  const annotated = rows.map((r) => ({ ...r, attainment: attainment(r.amountFen, r.targetFen) }));
  const cmp = (a: (typeof annotated)[number], b: (typeof annotated)[number]): number => {
    if (a.attainment && b.attainment) return compareAttainment(b.attainment, a.attainment);
    if (a.attainment || b.attainment) return a.attainment ? -1 : 1;
    return b.amountFen - a.amountFen;
  };
  const sorted = annotated.sort((a, b) => cmp(a, b) || byName(a, b));
  const out: AttainmentRankRow[] = [];
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    const prevRow = out[i - 1];
    out.push({ ...r, rank: prev && prevRow && cmp(prev, r) === 0 ? prevRow.rank : i + 1 });
  });
  return out.slice(0, limit);
}
