// 任务管理 use cases: create a task by hand, read and list what the actor may see, change it, move its status
// through the task machine, comment. Writing needs task.write; the assignee is told through the outbox
// (task.assigned → a message), the creator when the status changes, both of a new comment.
import {
  domainError, isDomainError, notFound, fire, type Clock, type DomainEvent, type EventSink, type IdGenerator, type Tx,
  type UnitOfWork, type Page, type PageRequest,
} from '../shared/index.js';
import { requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import type { DirectoryUser, TaskListFilter, TaskRepository, WorkcenterDirectory } from './ports.js';
import { TASK_MACHINE, type Task, type TaskComment, type TaskDetail, type TaskEvent } from './task.js';
import { checkTaskFields, type TaskFieldsInput } from './task-fields.js';
import { taskVisibility, visibleTask } from './task-visibility.js';

export interface TaskServiceDeps {
  readonly uow: UnitOfWork;
  readonly tasks: TaskRepository;
  readonly directory: WorkcenterDirectory;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface CreateTaskInput extends TaskFieldsInput {
  readonly title: string;
  /** Default: the actor. */
  readonly assigneeId?: string | undefined;
}

export interface UpdateTaskInput extends TaskFieldsInput {
  readonly version: number;
  readonly assigneeId?: string | undefined;
}

export const TASK_SUBJECT = 'task';

/** The outbox event of a task: its data carries who is concerned (assignee, creator) and what it says. */
export function taskEvent(task: Task, actorId: string | null, type: string, data: Record<string, unknown> = {}): DomainEvent {
  return {
    type, tenantId: task.tenantId, subjectType: TASK_SUBJECT, subjectId: task.id, actorId,
    data: {
      taskId: task.id, title: task.title, assigneeId: task.assigneeId, creatorId: task.creatorId, status: task.status, priority: task.priority,
      dueAt: task.dueAt?.toISOString() ?? null, relatedType: task.relatedType, relatedId: task.relatedId, ...data,
    },
  };
}

function versionConflict(): Error {
  return domainError('task.version_conflict', 'conflict', '任务已被他人修改，请刷新后重试', 'Someone else changed this task first; reload and try again');
}

export class TaskService {
  constructor(private readonly d: TaskServiceDeps) {}

  /** 新建任务: for the actor or any active colleague of the firm. */
  async create(actor: Actor, input: CreateTaskInput): Promise<TaskDetail> {
    requirePermission(actor, PERMISSIONS.taskWrite);
    const fields = checkTaskFields(input, true);
    return this.d.uow.run(async (tx) => {
      const assignee = await this.assignee(tx, actor, input.assigneeId ?? actor.userId);
      const now = this.d.clock.now();
      const task: Task = {
        tenantId: actor.tenantId, id: this.d.ids.id(), title: fields.title ?? '', description: fields.description ?? '',
        assigneeId: assignee.id, departmentId: assignee.departmentId, creatorId: actor.userId, dueAt: fields.dueAt ?? null,
        priority: fields.priority ?? 'normal', relatedType: fields.relatedType ?? null, relatedId: fields.relatedId ?? null, status: 'todo',
        ruleKey: null, ruleRecord: null, ruleOccasion: null, createdAt: now, updatedAt: now, completedAt: null, version: 1,
      };
      await this.d.tasks.insert(tx, task);
      await this.d.events.publish(tx, [taskEvent(task, actor.userId, 'task.assigned')]);
      return this.detail(tx, actor, task.id);
    });
  }

  async get(actor: Actor, id: string): Promise<TaskDetail> {
    return this.d.uow.read(async (tx) => visibleTask(actor, await this.d.tasks.get(tx, actor.tenantId, id), id));
  }

  /** 任务列表: mine, created by me or all I may see, by status, due window, overdue, related record; soonest due first. */
  list(actor: Actor, filter: TaskListFilter, page: PageRequest): Promise<Page<TaskDetail>> {
    return this.d.uow.read((tx) => this.d.tasks.list(tx, actor.tenantId, taskVisibility(actor), filter, page));
  }

  /** Changes the fields or the assignee, at the version the actor saw; a new assignee is told. */
  async update(actor: Actor, id: string, input: UpdateTaskInput): Promise<TaskDetail> {
    requirePermission(actor, PERMISSIONS.taskWrite);
    const fields = checkTaskFields(input, false);
    return this.d.uow.run(async (tx) => {
      const cur = await this.changeable(tx, actor, id, input.version);
      let next: Task = { ...this.stored(cur), ...fields, updatedAt: this.d.clock.now(), version: cur.version + 1 };
      const reassigned = input.assigneeId !== undefined && input.assigneeId !== cur.assigneeId;
      if (reassigned) {
        const to = await this.assignee(tx, actor, input.assigneeId as string);
        next = { ...next, assigneeId: to.id, departmentId: to.departmentId };
      }
      if (!(await this.d.tasks.update(tx, next))) throw versionConflict();
      if (reassigned) await this.d.events.publish(tx, [taskEvent(next, actor.userId, 'task.assigned', { fromAssigneeId: cur.assigneeId })]);
      return this.detail(tx, actor, id);
    });
  }

  /** 开始处理 / 完成 / 取消 / 重新打开, through the task machine; the creator is told. */
  async fire(actor: Actor, id: string, event: TaskEvent, version: number): Promise<TaskDetail> {
    requirePermission(actor, PERMISSIONS.taskWrite);
    return this.d.uow.run(async (tx) => {
      const cur = await this.changeable(tx, actor, id, version);
      const moved = fire(TASK_MACHINE, cur.status, event, null, null);
      if (isDomainError(moved)) throw moved;
      const now = this.d.clock.now();
      const next: Task = { ...this.stored(cur), status: moved.to, completedAt: moved.to === 'done' ? now : null, updatedAt: now, version: cur.version + 1 };
      if (!(await this.d.tasks.update(tx, next))) throw versionConflict();
      await this.d.events.publish(tx, [taskEvent(next, actor.userId, 'task.status_changed', { from: moved.from, to: moved.to, event })]);
      return this.detail(tx, actor, id);
    });
  }

  /** 评论: anyone who may see the task and holds task.write; assignee and creator are told. */
  async comment(actor: Actor, id: string, body: string): Promise<TaskComment> {
    requirePermission(actor, PERMISSIONS.taskWrite);
    const text = body.trim();
    if (text === '' || text.length > 2000) {
      throw domainError('task.invalid_comment', 'invalid', '评论应为 1–2000 字', 'A comment is 1 to 2000 characters');
    }
    return this.d.uow.run(async (tx) => {
      const task = visibleTask(actor, await this.d.tasks.get(tx, actor.tenantId, id), id);
      const comment: TaskComment = { tenantId: actor.tenantId, id: this.d.ids.id(), taskId: id, authorId: actor.userId, body: text, createdAt: this.d.clock.now() };
      await this.d.tasks.insertComment(tx, comment);
      await this.d.events.publish(tx, [taskEvent(task, actor.userId, 'task.commented', { commentId: comment.id, excerpt: text.length > 80 ? `${text.slice(0, 80)}…` : text })]);
      return { ...comment, authorName: actor.name };
    });
  }

  async comments(actor: Actor, id: string): Promise<TaskComment[]> {
    return this.d.uow.read(async (tx) => {
      visibleTask(actor, await this.d.tasks.get(tx, actor.tenantId, id), id);
      return this.d.tasks.listComments(tx, actor.tenantId, id);
    });
  }

  private async changeable(tx: Tx, actor: Actor, id: string, version: number): Promise<TaskDetail> {
    const cur = visibleTask(actor, await this.d.tasks.get(tx, actor.tenantId, id, { lock: true }), id);
    if (cur.version !== version) throw versionConflict();
    return cur;
  }

  private stored(t: TaskDetail): Task {
    const { assigneeName: _a, creatorName: _c, ...task } = t;
    return task;
  }

  private async detail(tx: Tx, actor: Actor, id: string): Promise<TaskDetail> {
    const t = await this.d.tasks.get(tx, actor.tenantId, id);
    if (!t) throw new Error(`task ${id} vanished inside its own transaction`);
    return t;
  }

  private async assignee(tx: Tx, actor: Actor, userId: string): Promise<DirectoryUser> {
    const [u] = await this.d.directory.users(tx, actor.tenantId, [userId]);
    if (!u || !u.active) throw notFound('user', '用户', userId);
    return u;
  }
}
