// 数据简报 rules: periods in the firm's calendar, the scope a viewer may see, the funnel, the ranking and trend buckets.
export * from './period.js';
export * from './scope.js';
export * from './funnel.js';
export * from './ranking.js';
export * from './trend.js';
export type { Briefing, BriefingRequest } from './briefing.service.js';
export * from './ports.js';
export { BriefingService, type BriefingDeps } from './briefing.service.js';
export * from './attainment.js';
export type { MyAttainment } from './briefing.service.js';
