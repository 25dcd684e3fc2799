// Files of records: streaming upload (raw body), metadata, streaming download, and a record's file list.
// Who may do what is the owning record's rule (its area's SubjectAccess); another tenant's file is 404.
import { Readable } from 'node:stream';
import type { FilesService } from '../../core/files/files.service.js';
import { respond, type RouteDef } from '../../adapters/composition/route-def.js';
import type { FileRecord } from '../../core/files/types.js';
import { FILE_KINDS } from '../../core/files/file-kinds.js';
import { HARD_MAX_UPLOAD_BYTES } from '../../core/files/upload-limit.js';
import { idParams, nonEmpty, objectSchema, uuid } from '../schemas.js';
import { contentDisposition } from '../content-disposition.js';

const subjectType = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,39}$', description: "The owning record's type, e.g. 'order'" };

export function presentFile(f: FileRecord): Record<string, unknown> {
  return {
    id: f.id, subjectType: f.subjectType, subjectId: f.subjectId, kind: f.kind, fileName: f.originalName, contentType: f.contentType,
    sizeBytes: f.sizeBytes, sha256: f.sha256, uploadedBy: f.uploadedBy, uploadedAt: f.uploadedAt,
    current: f.supersededAt === null, supersededBy: f.supersededBy, supersededAt: f.supersededAt, contentUrl: `/api/v1/files/${f.id}/content`,
  };
}

/**
 * After a refused upload, read and drop what the client is still sending (up to a ceiling), so it receives
 * the error instead of a reset connection; beyond the ceiling the connection is cut.
 */
function discardRest(body: Readable, ceiling: number): void {
  if (body.readableEnded || body.destroyed) return;
  let seen = 0;
  body.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > ceiling) body.destroy();
  });
  body.on('error', () => undefined);
  body.resume();
}

export function filesRoutes(s: { files: FilesService }): RouteDef[] {
  const files = s.files;
  return [
    {
      method: 'post', path: '/files', tags: ['files'], successStatus: 201,
      summary: '上传文件 Upload a file of a record (raw body, streamed)',
      description:
        'The body is the file itself (any Content-Type; the type is recognised from the bytes). Refused with file.too_large (413) past the ' +
        "tenant's limit (settings.maxUploadBytes, default 5 MB), file.unsupported_type when the bytes are not allowed for the kind. " +
        'A new file of a keep-one kind (ID card, licence, plan attachment, contract scan) replaces the current one, which stays in history.',
      rawBody: { maxBytes: HARD_MAX_UPLOAD_BYTES },
      schemas: {
        query: objectSchema({ subjectType, subjectId: uuid, kind: { type: 'string', enum: [...FILE_KINDS] }, fileName: nonEmpty(255) }, ['subjectType', 'subjectId', 'kind', 'fileName']),
      },
      handler: async ({ actor, query, bodyStream }) => {
        const body = bodyStream as Readable;
        try {
          const file = await files.upload(actor, {
            subjectType: query.subjectType, subjectId: query.subjectId, kind: query.kind, fileName: query.fileName,
            content: body.iterator({ destroyOnReturn: false }), // a refusal must not reset the connection
          });
          return presentFile(file);
        } catch (e) {
          discardRest(body, HARD_MAX_UPLOAD_BYTES);
          throw e;
        }
      },
    },
    {
      method: 'get', path: '/files', tags: ['files'], summary: '文件列表 The files of a record, newest first',
      schemas: { query: objectSchema({ subjectType, subjectId: uuid, includeHistory: { type: 'boolean', default: false, description: 'Also list replaced versions' } }, ['subjectType', 'subjectId']) },
      handler: async ({ actor, query }) => ({
        items: (await files.list(actor, query.subjectType, query.subjectId, { includeHistory: query.includeHistory })).map(presentFile),
      }),
    },
    {
      method: 'get', path: '/files/:id', tags: ['files'], summary: '文件信息 A file\'s metadata',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => presentFile(await files.get(actor, params.id)),
    },
    {
      method: 'get', path: '/files/:id/content', tags: ['files'], summary: '下载文件 Download a file (streamed; ETag is its SHA-256)',
      schemas: { params: idParams },
      handler: async ({ actor, params, headers }) => {
        const etag = `"${(await files.get(actor, params.id)).sha256}"`;
        if ((headers['if-none-match'] ?? '').split(',').map((s) => s.trim()).includes(etag)) return respond({ status: 304, headers: { ETag: etag } });
        const { file, content } = await files.download(actor, params.id);
        return respond({
          headers: {
            'Content-Type': file.contentType,
            'Content-Length': String(file.sizeBytes),
            'Content-Disposition': contentDisposition(file.originalName),
            ETag: `"${file.sha256}"`,
            'Cache-Control': 'private, no-cache',
          },
          stream: content instanceof Readable ? content : Readable.from(content),
        });
      },
    },
  ];
}
