// core/grading: customer levels, the 生成 follow-up time, and the public-pool recycling policy.
export * from './grading-policy.js';
export * from './working-hours.js';
export * from './next-follow-up.js';
export * from './validate-grading-policy.js';
export * from './pool-policy.js';
export * from './pool-recycling.js';
export * from './pool-claim.js';
