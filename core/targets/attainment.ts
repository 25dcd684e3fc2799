// 完成率: a figure over its target. Kept exact (compared by cross-multiplying whole fen), shown in percent with one
// decimal rounded half-up (四舍五入, ties away from zero): 1/3 → 33.3%, 2/3 → 66.7%, 0.05% → 0.1%. A target of 0
// has no percentage at all (shown as —), never a division by zero or an "infinite" attainment.
import { divRoundHalfUp } from '../money/index.js';

export interface Attainment {
  readonly figureFen: number;
  readonly targetFen: number;
  /** The percentage in tenths, rounded half-up: 1234 means 123.4 %. */
  readonly tenths: number;
  /** '123.4%'. */
  readonly text: string;
  /** 距目标还差: what is left to reach the target, 0 once reached. */
  readonly remainingFen: number;
  readonly reached: boolean;
}

/** Tenths of a percent as text with one decimal: 1234 → '123.4%', -5 → '-0.5%'. */
export function formatTenths(tenths: number): string {
  const abs = Math.abs(tenths);
  return `${tenths < 0 ? '-' : ''}${Math.floor(abs / 10)}.${abs % 10}%`;
}

/** The attainment of a figure against a target in fen; null when the target is 0 (or was never set). */
export function attainment(figureFen: number, targetFen: number | null): Attainment | null {
  if (targetFen === null || targetFen <= 0) return null;
  const tenths = Number(divRoundHalfUp(BigInt(figureFen) * 1000n, BigInt(targetFen)));
  return { figureFen, targetFen, tenths, text: formatTenths(tenths), remainingFen: Math.max(targetFen - figureFen, 0), reached: figureFen >= targetFen };
}

/** Exact order of two attainments (not of their rounded texts): negative when a is the lower. */
export function compareAttainment(a: Pick<Attainment, 'figureFen' | 'targetFen'>, b: Pick<Attainment, 'figureFen' | 'targetFen'>): number {
  const left = BigInt(a.figureFen) * BigInt(b.targetFen);
  const right = BigInt(b.figureFen) * BigInt(a.targetFen);
  return left < right ? -1 : left > right ? 1 : 0;
}
