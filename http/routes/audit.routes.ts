// 审计 (PIPL): the operation log (changes to settings, roles, users, approval flows, and logins, with the
// state before and after) and the log of unmasked reads of sensitive fields, for holders of audit.view.
// Read-only by design: there is no route that changes or removes an entry, and the tables refuse it.
import { Readable } from 'node:stream';
import type { AuditService } from '../../core/audit/index.js';
import { respond, type RouteDef } from '../../adapters/composition/route-def.js';
import { XLSX_CONTENT_TYPE } from '../../core/documents/spreadsheet.js';
import type { OperationFilter, SensitiveReadAuditFilter } from '../../core/audit/index.js';
import { dateTime, nonEmpty, objectSchema, pageOf, pageQuery, uuid } from '../schemas.js';
import { contentDisposition } from '../content-disposition.js';

const tags = ['audit'];

const common = {
  actorId: { ...uuid, description: '操作人 / 查看人 Who' },
  subjectType: { ...nonEmpty(40), description: '对象类型 e.g. user, role, settings, approval_flow, order' },
  subjectId: { ...nonEmpty(100), description: '对象 The record (a user id, a role code, a settings section …)' },
  from: { ...dateTime, description: '起 From this instant (inclusive)' },
  to: { ...dateTime, description: '止 Until this instant (exclusive)' },
};
const operationFilter = { ...common, kind: { ...nonEmpty(60), description: '操作 A kind (role.saved) or its family (login: login.succeeded and login.failed)' } };
// Sensitive reads are always of a record with a uuid (an order, a profile): a subjectId that is not one is
// refused at the boundary instead of reaching the uuid column.
const readFilter = {
  ...common,
  subjectId: { ...uuid, description: '对象 The record read (its id)' },
  field: { ...nonEmpty(60), description: '字段 e.g. legalPersonIdNumber, bankCard, taxSecrets' },
};

const dateOf = (s: string | undefined): Date | undefined => (s === undefined ? undefined : new Date(s));

function operationQuery(q: Record<string, string | undefined>): OperationFilter {
  return { actorId: q.actorId, kind: q.kind, subjectType: q.subjectType, subjectId: q.subjectId, from: dateOf(q.from), to: dateOf(q.to) };
}

function readQuery(q: Record<string, string | undefined>): SensitiveReadAuditFilter {
  return { actorId: q.actorId, field: q.field, subjectType: q.subjectType, subjectId: q.subjectId, from: dateOf(q.from), to: dateOf(q.to) };
}

/** The export as a download; its first chunk is awaited first, so a failure reading the first page is an
 * error answer rather than a download torn off after its headers were sent. */
async function xlsx(fileName: string, stream: AsyncIterable<Uint8Array>) {
  const it = stream[Symbol.asyncIterator]();
  const first = await it.next();
  const rest = (async function* (): AsyncGenerator<Uint8Array> {
    if (first.done) return;
    yield first.value;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  })();
  return respond({
    headers: { 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': contentDisposition(fileName), 'Cache-Control': 'private, no-cache' },
    stream: Readable.from(rest),
  });
}

export function auditRoutes(s: { audit: AuditService }): RouteDef[] {
  return [
    {
      method: 'get', path: '/audit/operations', tags, summary: '操作日志 Changes to settings, roles, users and approval flows, and logins (audit.view)',
      description: 'Newest first, in keyset pages. Each entry: who (actorId, actorName; null for a failed login), when, what (kind), on which record, and the state before and after.',
      schemas: { query: objectSchema({ ...operationFilter, ...pageQuery }) },
      handler: async ({ actor, query }) => s.audit.operations(actor, operationQuery(query), pageOf(query)),
    },
    {
      method: 'get', path: '/audit/operations/export', tags, summary: '导出操作日志 The filtered operation log as .xlsx (audit.view)',
      schemas: { query: objectSchema(operationFilter) },
      handler: async ({ actor, query }) => xlsx('操作日志.xlsx', s.audit.exportOperations(actor, operationQuery(query))),
    },
    {
      method: 'get', path: '/audit/sensitive-reads', tags, summary: '敏感信息查看记录 Who saw which ID number, bank card or tax secret in clear (audit.view)',
      description: 'Newest first, in keyset pages.',
      schemas: { query: objectSchema({ ...readFilter, ...pageQuery }) },
      handler: async ({ actor, query }) => s.audit.sensitiveReads(actor, readQuery(query), pageOf(query)),
    },
    {
      method: 'get', path: '/audit/sensitive-reads/export', tags, summary: '导出敏感信息查看记录 The filtered sensitive-read log as .xlsx (audit.view)',
      schemas: { query: objectSchema(readFilter) },
      handler: async ({ actor, query }) => xlsx('敏感信息查看记录.xlsx', s.audit.exportSensitiveReads(actor, readQuery(query))),
    },
  ];
}
