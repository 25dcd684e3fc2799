// core/shared, the kernel every area builds on: DomainError, the ports of the platform (clock, ids, unit of
// work, events, timeline, operation log), the state machine, pagination, the firm's calendar, and the text
// rules (clean text, what the documents' font can print).
export * from './domain-error.js';
export * from './ports.js';
export * from './state-machine.js';
export * from './pagination.js';
export * from './zoned-time.js';
export * from './clean-text.js';
export * from './document-charset.js';
export * from './idempotency-key.js';
