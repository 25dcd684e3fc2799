// 消息 (the signed-in person's notifications), 任务管理 (tasks, their status and comments), 自动任务规则 (the
// firm's task rules) and 事件投递 (events parked after failed deliveries, for administrators).
import type { MessageService } from '../../core/workcenter/message.service.js';
import type { TaskService } from '../../core/workcenter/task.service.js';
import type { TaskRuleService } from '../../core/workcenter/task-rule.service.js';
import type { OutboxAdmin } from '../../adapters/events/outbox-admin.js';
import type { Clock } from '../../core/shared/ports.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import type { ParkedEvent } from '../../adapters/events/knex-outbox-store.js';
import type { Message } from '../../core/workcenter/message.js';
import { MESSAGE_KINDS, MESSAGE_KIND_LABELS } from '../../core/workcenter/message.js';
import { RELATED_TYPES, TASK_EVENTS, TASK_PRIORITIES, TASK_STATUSES, isOverdue, type TaskDetail } from '../../core/workcenter/task.js';
import { DEFAULT_TASK_RULES } from '../../core/workcenter/task-rules.js';
import { dateTime, idParams, nonEmpty, objectSchema, pageOf, pageQuery, uuid } from '../schemas.js';

const kind = { type: 'string', enum: [...MESSAGE_KINDS], description: 'approval 审批, assignment 分配与转交, follow_up 跟进提醒, pool 公海, application 申请进度, finance 回款与发票, task 任务' };
const priority = { type: 'string', enum: [...TASK_PRIORITIES], description: 'low 低, normal 普通, high 高, urgent 紧急' };
const related = {
  anyOf: [objectSchema({ type: { type: 'string', enum: [...RELATED_TYPES] }, id: uuid }, ['type', 'id']), { type: 'null' }],
  description: '关联记录 The record the task is about',
};
const nullableDateTime = { anyOf: [dateTime, { type: 'null' }] };
const version = { type: 'integer', minimum: 1 };

function presentMessage(m: Message, lang: 'zh' | 'en'): Record<string, unknown> {
  return {
    id: m.id, kind: m.kind, title: m.title[lang], body: m.body ? m.body[lang] : null, text: { title: m.title, body: m.body },
    read: m.readAt !== null, readAt: m.readAt, createdAt: m.createdAt, eventType: m.eventType,
    subject: m.subjectType && m.subjectId ? { type: m.subjectType, id: m.subjectId } : null, actorId: m.actorId, data: m.data,
  };
}

function presentTask(t: TaskDetail, now: Date): Record<string, unknown> {
  return {
    id: t.id, title: t.title, description: t.description, status: t.status, priority: t.priority, dueAt: t.dueAt, overdue: isOverdue(t, now),
    assignee: { id: t.assigneeId, name: t.assigneeName }, creator: t.creatorId ? { id: t.creatorId, name: t.creatorName } : null,
    related: t.relatedType && t.relatedId ? { type: t.relatedType, id: t.relatedId } : null, ruleKey: t.ruleKey,
    createdAt: t.createdAt, updatedAt: t.updatedAt, completedAt: t.completedAt, version: t.version,
  };
}

function presentParked(e: ParkedEvent): Record<string, unknown> {
  return {
    id: e.id, type: e.type, subject: { type: e.subjectType, id: e.subjectId }, actorId: e.actorId, data: e.data, createdAt: e.createdAt,
    attempts: e.attempts, parkedAt: e.parkedAt, lastError: e.lastError, handledBy: e.handled,
  };
}

const dateOf = (v: string | null | undefined): Date | null | undefined => (v === undefined ? undefined : v === null ? null : new Date(v));

export function workcenterRoutes(s: { messages: MessageService; tasks: TaskService; taskRules: TaskRuleService; outboxAdmin: OutboxAdmin; clock: Clock }): RouteDef[] {
  const tags = ['workcenter'];
  const now = (): Date => s.clock.now();
  return [
    // ---- 消息 ----
    {
      method: 'get', path: '/messages', tags, summary: '消息 My notifications, newest first (by kind, unread only)',
      schemas: { query: objectSchema({ ...pageQuery, kind, unread: { type: 'boolean' } }) },
      handler: async ({ actor, query, lang }) => {
        const p = await s.messages.list(actor, { kind: query.kind, unread: query.unread }, pageOf(query));
        return { ...p, items: p.items.map((m) => presentMessage(m, lang)) };
      },
    },
    {
      method: 'get', path: '/messages/unread-count', tags, summary: '未读消息数 Unread count, in total and per kind (for the badge)',
      handler: async ({ actor }) => ({ ...(await s.messages.unreadCount(actor)), kinds: MESSAGE_KIND_LABELS }),
    },
    {
      method: 'post', path: '/messages/read-all', tags, summary: '全部已读 Mark all (or one kind) read',
      schemas: { body: objectSchema({ kind }) },
      handler: async ({ actor, body }) => s.messages.markAllRead(actor, body.kind ?? null),
    },
    {
      method: 'get', path: '/messages/:id', tags, summary: '消息详情 One of my messages',
      schemas: { params: idParams },
      handler: async ({ actor, params, lang }) => presentMessage(await s.messages.get(actor, params.id), lang),
    },
    {
      method: 'post', path: '/messages/:id/read', tags, summary: '标为已读 Mark one message read',
      schemas: { params: idParams },
      handler: async ({ actor, params, lang }) => presentMessage(await s.messages.markRead(actor, params.id), lang),
    },

    // ---- 任务管理 ----
    {
      method: 'get', path: '/tasks', tags, summary: '任务列表 Tasks: mine, created by me or all I may see; by status, due window, overdue, related record',
      schemas: {
        query: objectSchema({
          ...pageQuery,
          view: { type: 'string', enum: ['mine', 'created', 'all'], default: 'mine' },
          status: { type: 'array', items: { type: 'string', enum: [...TASK_STATUSES] }, maxItems: 4, description: 'todo 待办, in_progress 进行中, done 已完成, cancelled 已取消 (repeat for several)' },
          assigneeId: uuid, dueFrom: dateTime, dueTo: dateTime,
          overdue: { type: 'boolean', description: 'Only open tasks past their due time (逾期)' },
          relatedType: { type: 'string', enum: [...RELATED_TYPES] }, relatedId: uuid,
        }),
      },
      handler: async ({ actor, query }) => {
        const at = now();
        const p = await s.tasks.list(actor, {
          view: query.view ?? 'mine', statuses: query.status, assigneeId: query.assigneeId,
          dueFrom: query.dueFrom ? new Date(query.dueFrom) : undefined, dueTo: query.dueTo ? new Date(query.dueTo) : undefined,
          overdueAt: query.overdue ? at : undefined, relatedType: query.relatedType, relatedId: query.relatedId,
        }, pageOf(query));
        return { ...p, items: p.items.map((t) => presentTask(t, at)) };
      },
    },
    {
      method: 'post', path: '/tasks', tags, successStatus: 201, summary: '新建任务 Create a task for myself or a colleague (task.write)',
      schemas: {
        body: objectSchema({ title: nonEmpty(200), description: { type: 'string', maxLength: 2000 }, assigneeId: uuid, dueAt: nullableDateTime, priority, related }, ['title']),
      },
      handler: async ({ actor, body }) => presentTask(await s.tasks.create(actor, { ...body, dueAt: dateOf(body.dueAt) }), now()),
    },
    {
      method: 'get', path: '/tasks/:id', tags, summary: '任务详情 One task',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => presentTask(await s.tasks.get(actor, params.id), now()),
    },
    {
      method: 'patch', path: '/tasks/:id', tags, summary: '修改任务 Title, description, due time, priority, related record or assignee',
      schemas: {
        params: idParams,
        body: objectSchema({ version, title: nonEmpty(200), description: { type: 'string', maxLength: 2000 }, assigneeId: uuid, dueAt: nullableDateTime, priority, related }, ['version']),
      },
      handler: async ({ actor, params, body }) => presentTask(await s.tasks.update(actor, params.id, { ...body, dueAt: dateOf(body.dueAt) }), now()),
    },
    {
      method: 'post', path: '/tasks/:id/events', tags, summary: '任务状态 start 开始处理, complete 完成, cancel 取消, reopen 重新打开',
      schemas: { params: idParams, body: objectSchema({ event: { type: 'string', enum: [...TASK_EVENTS] }, version }, ['event', 'version']) },
      handler: async ({ actor, params, body }) => presentTask(await s.tasks.fire(actor, params.id, body.event, body.version), now()),
    },
    {
      method: 'get', path: '/tasks/:id/comments', tags, summary: '任务评论 Comments, oldest first',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => ({ items: await s.tasks.comments(actor, params.id) }),
    },
    {
      method: 'post', path: '/tasks/:id/comments', tags, successStatus: 201, summary: '发表评论 Comment on a task',
      schemas: { params: idParams, body: objectSchema({ body: nonEmpty(2000) }, ['body']) },
      handler: async ({ actor, params, body }) => s.tasks.comment(actor, params.id, body.body),
    },

    // ---- 自动任务规则 ----
    {
      method: 'get', path: '/task-rules', tags, summary: '自动任务规则 The firm\'s task rules (e.g. follow up an application 3 days in 申请中)',
      handler: async ({ actor }) => ({ items: await s.taskRules.list(actor) }),
    },
    {
      method: 'put', path: '/task-rules/:key', tags, summary: '设置自动任务规则 Switch a rule on or off, tune days, hours and priority (org.manage)',
      schemas: {
        params: objectSchema({ key: { type: 'string', enum: DEFAULT_TASK_RULES.map((r) => r.key) } }, ['key']),
        body: objectSchema({
          enabled: { type: 'boolean' }, afterDays: { type: 'integer', minimum: 0, maximum: 365 }, dueInHours: { type: 'integer', minimum: 1, maximum: 720 }, priority,
        }, ['enabled', 'afterDays', 'dueInHours', 'priority']),
      },
      handler: async ({ actor, params, body }) => s.taskRules.update(actor, params.key, body),
    },

    // ---- 事件投递 ----
    {
      method: 'get', path: '/outbox/parked', tags, summary: '投递失败的事件 The firm\'s events parked after repeated delivery failures (org.manage)',
      schemas: { query: objectSchema({ limit: pageQuery.limit, cursor: pageQuery.cursor }) },
      handler: async ({ actor, query }) => {
        const p = await s.outboxAdmin.parked(actor, pageOf(query));
        return { ...p, items: p.items.map(presentParked) };
      },
    },
    {
      method: 'post', path: '/outbox/parked/:id/retry', tags, summary: '重新投递 Put a parked event back in the queue (org.manage)',
      schemas: { params: objectSchema({ id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } }, ['id']) },
      handler: async ({ actor, params }) => s.outboxAdmin.retry(actor, params.id),
    },
  ];
}
