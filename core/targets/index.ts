// 业绩目标: monthly and quarterly targets per person and department for 合同金额, 放款金额 and 回款金额, which
// target a period's figure is compared with, attainment (完成率) and rankings with it — pure rules.
export * from './types.js';
export { periodKindOf, quarterOfMonth, monthsOfQuarter, quartersOfYear, isYearText } from './period.js';
export { validateTarget, validateTargets } from './validation.js';
export { targetFor, quarterShares, type ResolvedTarget, type TargetSource, type TargetQuery } from './resolution.js';
export { attainment, compareAttainment, formatTenths, type Attainment } from './attainment.js';
export { withAttainment, rankByAttainment, type AttainmentRankInput, type AttainmentRankRow } from './ranking.js';
export { seesSubject, type TargetSubject } from './target-scope.js';
export * from './ports.js';
export { TargetsService, relatedPeriods, type TargetsDeps, type TargetBoard, type TargetBoardRow, type TargetCell } from './targets.service.js';
