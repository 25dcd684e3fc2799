// The products part of the domain: catalogue, eligibility requirements, matching, order lines, applications.
export * from './product-category.js';
export * from './rate-percent.js';
export * from './requirement.js';
export * from './product.js';
export * from './requirement-evaluation.js';
export * from './match-subject.js';
export { evaluateProduct, autoMatch, manualMatchWarnings, type ProductEvaluation, type ProductMatch } from './matching.js';
export * from './order-line.js';
export * from './application-machine.js';
export * from './application.js';
export * from './demo-products.js';
