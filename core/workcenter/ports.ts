// What the work center needs from the world: storage of messages, tasks and rule settings, the condition
// queries of the task rules, the follow-ups coming due, and a little of the organisation.
import type { Tx, Page, PageRequest } from '../shared/index.js';
import type { ScopeFilter } from '../organisation/index.js';
import type { Message, MessageDraft, MessageFilter } from './message.js';
import type { Task, TaskComment, TaskDetail, TaskStatus } from './task.js';
import type { RuleCandidate, TaskCondition, TaskRuleSetting } from './task-rules.js';

export interface MessageRepository {
  /** Stores the messages whose (recipient, dedupe key) is new; returns how many were new. */
  insertMany(tx: Tx, messages: readonly (MessageDraft & { readonly id: string })[]): Promise<number>;
  get(tx: Tx, tenantId: string, recipientId: string, id: string): Promise<Message | null>;
  list(tx: Tx, tenantId: string, recipientId: string, filter: MessageFilter, page: PageRequest): Promise<Page<Message>>;
  unreadCounts(tx: Tx, tenantId: string, recipientId: string): Promise<{ kind: string; count: number }[]>;
  markRead(tx: Tx, tenantId: string, recipientId: string, id: string, at: Date): Promise<void>;
  markAllRead(tx: Tx, tenantId: string, recipientId: string, kind: string | null, at: Date): Promise<number>;
}
export const MessageRepository = Symbol.for('yunzhou.MessageRepository');

/** Which tasks a list shows, on top of what the actor may see. */
export interface TaskListFilter {
  /** mine: assigned to me; created: made by me; all: everything I may see. */
  readonly view: 'mine' | 'created' | 'all';
  readonly statuses?: readonly TaskStatus[] | undefined;
  readonly assigneeId?: string | undefined;
  readonly dueFrom?: Date | undefined;
  readonly dueTo?: Date | undefined;
  /** Open and past due at this instant. */
  readonly overdueAt?: Date | undefined;
  readonly relatedType?: string | undefined;
  readonly relatedId?: string | undefined;
}

/** What the actor may see: their own (assignee or creator) plus the records of their data scope (null: all). */
export interface TaskVisibility {
  readonly userId: string;
  readonly scope: ScopeFilter | null;
}

export interface TaskRepository {
  insert(tx: Tx, task: Task): Promise<void>;
  /** Inserts a rule's task unless the rule already made one for that record and occasion; true when new. */
  insertRuleTask(tx: Tx, task: Task): Promise<boolean>;
  get(tx: Tx, tenantId: string, id: string, options?: { lock?: boolean }): Promise<TaskDetail | null>;
  /** Saves when the stored version is task.version − 1; false when stale. */
  update(tx: Tx, task: Task): Promise<boolean>;
  list(tx: Tx, tenantId: string, visibility: TaskVisibility, filter: TaskListFilter, page: PageRequest): Promise<Page<TaskDetail>>;
  insertComment(tx: Tx, comment: TaskComment): Promise<void>;
  listComments(tx: Tx, tenantId: string, taskId: string): Promise<TaskComment[]>;
}
export const TaskRepository = Symbol.for('yunzhou.TaskRepository');

export interface TaskRuleRepository {
  settings(tx: Tx, tenantId: string): Promise<TaskRuleSetting[]>;
  saveSetting(tx: Tx, tenantId: string, setting: TaskRuleSetting, by: string, at: Date): Promise<void>;
}
export const TaskRuleRepository = Symbol.for('yunzhou.TaskRuleRepository');

/** The records meeting a rule's condition since `since` that have no task of that rule for that occasion. */
export interface TaskRuleSource {
  candidates(tx: Tx, tenantId: string, ruleKey: string, condition: TaskCondition, since: Date, limit: number): Promise<RuleCandidate[]>;
}
export const TaskRuleSource = Symbol.for('yunzhou.TaskRuleSource');

/** An owned inquiry whose planned follow-up time falls in a window. */
export interface FollowUpDue {
  readonly tenantId: string;
  readonly inquiryId: string;
  readonly ownerId: string;
  readonly companyName: string;
  readonly contactName: string;
  readonly nextFollowUpAt: Date;
}

export interface FollowUpDueSource {
  followUpsDue(tx: Tx, tenantId: string, from: Date, to: Date, limit: number): Promise<FollowUpDue[]>;
}
export const FollowUpDueSource = Symbol.for('yunzhou.FollowUpDueSource');

export interface DirectoryUser {
  readonly id: string;
  readonly name: string;
  readonly departmentId: string | null;
  readonly active: boolean;
}

/** The little of the organisation the work center reads. */
export interface WorkcenterDirectory {
  tenantIds(tx: Tx): Promise<string[]>;
  timeZone(tx: Tx, tenantId: string): Promise<string>;
  users(tx: Tx, tenantId: string, ids: readonly string[]): Promise<DirectoryUser[]>;
  /** Each order's owner (负责人), by order id; unknown ids are left out. */
  orderOwners(tx: Tx, tenantId: string, orderIds: readonly string[]): Promise<Map<string, string>>;
}
export const WorkcenterDirectory = Symbol.for('yunzhou.WorkcenterDirectory');
