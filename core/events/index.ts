// core/events: subscribers to the domain events the outbox delivers after commit.
export * from './subscriber.js';
