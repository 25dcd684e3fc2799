// The order funnel (订单漏斗): how many of the period's orders reached each stage of the tenant's pipeline, and
// the conversion from one stage to the next. An order lost or cancelled counts as having reached the stage it left.

/** Orders per stage as counted: the stage key (or lost / cancelled) and, for those, the stage they left. */
export interface FunnelCount {
  readonly stageKey: string;
  readonly offFrom: string | null;
  readonly count: number;
}

export interface FunnelStage {
  readonly key: string;
  readonly name: string;
  /** Orders in this stage now. */
  readonly current: number;
  /** Orders that got at least this far (now here, further on, or lost/cancelled from here or later). */
  readonly reached: number;
  /** reached ÷ the previous stage's reached, in percent with one decimal; null for the first stage or after 0. */
  readonly conversionPercent: number | null;
}

export interface Funnel {
  readonly stages: FunnelStage[];
  readonly lost: number;
  readonly cancelled: number;
  readonly total: number;
}

/** Percent with one decimal, rounded half up, of whole numbers: 2 of 3 → 66.7. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.floor((part * 1000) / whole + 0.5) / 10;
}

/**
 * The funnel over the tenant's stages in order. An order counts toward every stage up to where it is (or up
 * to the stage it left, when lost or cancelled); conversion is the share of one stage's orders that reached
 * the next. Orders in a stage the tenant no longer has count only in the total.
 */
export function buildFunnel(stages: readonly { readonly key: string; readonly name: string }[], counts: readonly FunnelCount[]): Funnel {
  const position = new Map(stages.map((s, i) => [s.key, i]));
  const current = new Array<number>(stages.length).fill(0);
  const reachedAt = new Array<number>(stages.length).fill(0); // orders whose furthest stage is i
  let lost = 0;
  let cancelled = 0;
  let total = 0;
  for (const c of counts) {
    total += c.count;
    if (c.stageKey === 'lost') lost += c.count;
    else if (c.stageKey === 'cancelled') cancelled += c.count;
    const at = position.get(c.stageKey === 'lost' || c.stageKey === 'cancelled' ? (c.offFrom ?? '') : c.stageKey);
    if (at === undefined) continue;
    reachedAt[at] = (reachedAt[at] ?? 0) + c.count;
    if (c.stageKey !== 'lost' && c.stageKey !== 'cancelled') current[at] = (current[at] ?? 0) + c.count;
  }
  const reached = new Array<number>(stages.length).fill(0);
  for (let i = stages.length - 1, acc = 0; i >= 0; i--) {
    acc += reachedAt[i] ?? 0;
    reached[i] = acc;
  }
  return {
    stages: stages.map((s, i) => ({
      key: s.key,
      name: s.name,
      current: current[i] ?? 0,
      reached: reached[i] ?? 0,
      conversionPercent: i === 0 ? null : percentOf(reached[i] ?? 0, reached[i - 1] ?? 0),
    })),
    lost,
    cancelled,
    total,
  };
}
