// 办理中心: the badge counts and the items of one kind waiting on the signed-in person, each with the record it
// concerns, where to open it and the call that acts on it. The counts carry a weak ETag (a hash of what they
// say): the console asks every few seconds with If-None-Match and is answered 304, nearly free, until they change.
import { createHash } from 'node:crypto';
import type { InboxService } from '../../core/workcenter/inbox.service.js';
import { respond, type RouteDef } from '../../adapters/composition/route-def.js';
import { INBOX_KINDS, type InboxItem } from '../../core/workcenter/inbox.js';
import type { InboxChanges } from '../../adapters/live/inbox-changes.js';
import { objectSchema, pageOf, pageQuery } from '../schemas.js';
import { inboxStream } from './inbox-stream.js';

const kind = {
  type: 'string', enum: [...INBOX_KINDS],
  description: 'approval 待我审批, order 我处理的订单, follow_up 待跟进 (today and overdue), receipt 回款办理, instalment 回款到期 (due soon or overdue), task 我的任务',
};

function present(i: InboxItem, lang: 'zh' | 'en'): Record<string, unknown> {
  return {
    kind: i.kind, id: i.id, title: i.title[lang], text: { title: i.title }, related: i.related, link: i.link,
    action: { method: i.action.method, path: i.action.path, label: i.action.label[lang] }, at: i.at, overdue: i.overdue, data: i.data,
  };
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" and "x" name the same version; * names any. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return (ifNoneMatch ?? '').split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

export function inboxRoutes(s: { inbox: InboxService; inboxChanges: InboxChanges }): RouteDef[] {
  const tags = ['workcenter'];
  return [
    {
      method: 'get', path: '/workcenter/inbox/counts', tags, summary: '办理中心角标 How many items of each kind wait on me, and the total',
      description: 'Answered with a weak ETag; a request whose If-None-Match names it gets 304 with no body (for polling the badge).',
      handler: async ({ actor, lang, headers }) => {
        const c = await s.inbox.counts(actor);
        const body = { total: c.total, dueSoonDays: c.dueSoonDays, kinds: c.kinds.map((k) => ({ kind: k.kind, label: k.label[lang], count: k.count })) };
        const etag = `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
        if (matches(headers['if-none-match'], etag)) return respond({ status: 304, headers: { ETag: etag } });
        return respond({ headers: { ETag: etag }, body });
      },
    },
    {
      method: 'get', path: '/workcenter/inbox/stream', tags, summary: '办理中心角标实时 Server-sent events: "my counts changed" (for the console\'s badges)',
      description: 'text/event-stream. An `event: counts` (no data) each time something changed what waits on the signed-in person — then GET /workcenter/inbox/counts. '
        + 'Also sent once when the stream opens, and after the server missed notifications. The stream ends after 10 minutes (reconnect; the session is checked again) '
        + 'and when the process stops. 503 (inbox.live_unavailable) when the install has no direct database connection to listen on: poll the counts instead.',
      handler: async ({ actor, lang }) => inboxStream(s.inboxChanges, actor, lang),
    },
    {
      method: 'get', path: '/workcenter/inbox', tags, summary: '办理中心 The items of one kind waiting on me (oldest waiting or earliest due first)',
      description: 'Each item: kind, title, related record (type and id), link (GET, to open it) and action (the call that acts on it). Instalments: due within the firm\'s reminder days (回款设置 reminderDaysBefore, default 3) or overdue.',
      schemas: { query: objectSchema({ ...pageQuery, kind }, ['kind']) },
      handler: async ({ actor, query, lang }) => {
        const p = await s.inbox.list(actor, query.kind, pageOf(query));
        return { ...p, items: p.items.map((i) => present(i, lang)) };
      },
    },
  ];
}
