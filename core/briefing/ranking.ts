// 回款金额排名: people or departments ordered by the amount collected, ties sharing a rank (1, 1, 3).

export interface RankInput {
  readonly id: string;
  readonly name: string;
  readonly amountFen: number;
}

export interface RankRow extends RankInput {
  readonly rank: number;
}

/** Highest amount first (then by name); equal amounts share the rank, the next rank skips accordingly; at most `limit` rows. */
export function rankByAmount(rows: readonly RankInput[], limit: number): RankRow[] {
  const sorted = [...rows].sort((a, b) => b.amountFen - a.amountFen || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
  const out: RankRow[] = [];
  sorted.forEach((r, i) => {
    const prev = out[i - 1];
    out.push({ ...r, rank: prev && prev.amountFen === r.amountFen ? prev.rank : i + 1 });
  });
  return out.slice(0, limit);
}
