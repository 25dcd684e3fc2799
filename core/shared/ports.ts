// Ports every part of core may need. Each is an interface plus a Symbol token of the same name, so the
// composition root can bind it; core itself never touches a container.

/** The current time. Tests pass a fixed or stepping clock. */
export interface Clock {
  now(): Date;
}
export const Clock = Symbol.for('yunzhou.Clock');

/** New identifiers (UUIDs by default) and unguessable codes. */
export interface IdGenerator {
  id(): string;
  /** A url-safe random code of the given number of bytes of entropy. */
  secret(bytes: number): string;
}
export const IdGenerator = Symbol.for('yunzhou.IdGenerator');

/**
 * An open transaction, opaque to core. Repositories take it as their first argument, so every query of one
 * use case runs on one connection (the embedded database has only one) and commits or rolls back together.
 */
export interface Tx {
  readonly __tx: unique symbol;
}

export interface UnitOfWork {
  /** Runs the work in one transaction: committed when it resolves, rolled back when it throws. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs read-only work outside a transaction (cheaper); never nest it inside run(). */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}
export const UnitOfWork = Symbol.for('yunzhou.UnitOfWork');

/** A domain event bound for the outbox: written in the same transaction as the change it announces. */
export interface DomainEvent {
  readonly type: string; // e.g. 'inquiry.created', 'order.stage_changed'
  readonly tenantId: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly actorId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface EventSink {
  /** Records events in the transaction; delivery happens after commit (at least once, in order per subject). */
  publish(tx: Tx, events: readonly DomainEvent[]): Promise<void>;
}
export const EventSink = Symbol.for('yunzhou.EventSink');

/** One line of a record's timeline (订单动态, 咨询动态): who did what, when, from which state to which. */
export interface ActivityEntry {
  readonly tenantId: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly actorId: string | null;
  readonly action: string;
  readonly summary: string;
  readonly data?: Readonly<Record<string, unknown>>;
}
export interface Activity extends ActivityEntry {
  readonly id: string;
  readonly at: Date;
  readonly actorName: string | null;
}

export interface Timeline {
  record(tx: Tx, entries: readonly ActivityEntry[]): Promise<void>;
  list(tx: Tx, tenantId: string, subjectType: string, subjectId: string): Promise<Activity[]>;
}
export const Timeline = Symbol.for('yunzhou.Timeline');

/**
 * One change to settings, roles, users, approval flows, or a login, for the audit trail (操作日志). Every
 * area writes it, so the port sits here beside the timeline; core/audit reads it back.
 */
export interface OperationRecord {
  readonly tenantId: string;
  /** Who did it; null when nobody was signed in (a failed login). */
  readonly actorId: string | null;
  /** What happened, e.g. 'role.saved', 'user.updated', 'login.failed', 'settings.changed'. */
  readonly kind: string;
  readonly subjectType: string;
  readonly subjectId: string;
  /** The state before and after (null: did not exist / was removed, or not applicable). Never secrets. */
  readonly before: unknown;
  readonly after: unknown;
}

/** The append-only operation log. */
export interface OperationLog {
  /** Appends in the transaction of the change, so a change and its record commit or fail together. */
  record(tx: Tx, entries: readonly OperationRecord[]): Promise<void>;
}
export const OperationLog = Symbol.for('yunzhou.OperationLog');
