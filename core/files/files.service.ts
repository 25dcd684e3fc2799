// Uploading, listing and downloading the files of a record (订单附件, 身份证, 营业执照 …). Who may do it is the
// owning record's question: its area's SubjectAccess checks permission and data scope. Bytes stream to the
// FileStore outside any transaction (the embedded database has one connection; an upload can be slow), then
// the record, the replacement of the current file, the timeline line and the event commit together.
import { isDomainError, notFound, type Clock, type EventSink, type IdGenerator, type Timeline, type Tx, type UnitOfWork } from '../shared/index.js';
import type { Actor, Tenant } from '../organisation/index.js';
import { concurrentUpload, unknownFileKind, unsupportedFileType } from './errors.js';
import { cleanFileName } from './file-name.js';
import { FILE_KINDS, FILE_KIND_POLICIES, isFileKind } from './file-kinds.js';
import type { ByteSource, FileRepository, FileStore, SubjectAccess } from './ports.js';
import type { FileRecord } from './types.js';
import { uploadLimitOf } from './upload-limit.js';

export interface FilesDeps {
  readonly uow: UnitOfWork;
  readonly files: FileRepository;
  readonly store: FileStore;
  readonly access: SubjectAccess;
  /** Where the tenant's upload limit (settings.maxUploadBytes) is read. */
  readonly tenants: { getTenant(tx: Tx, tenantId: string): Promise<Tenant | null> };
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface NewUpload {
  readonly subjectType: string;
  readonly subjectId: string;
  readonly kind: string;
  readonly fileName: string;
  readonly content: ByteSource;
}

export interface FileDownload {
  readonly file: FileRecord;
  readonly content: ByteSource;
}

export class FilesService {
  constructor(private readonly d: FilesDeps) {}

  /**
   * Stores a file for a record the actor may change. The kind decides the allowed content types (read from
   * the bytes) and whether the new file replaces the current one; replaced files stay in history.
   */
  async upload(actor: Actor, input: NewUpload): Promise<FileRecord> {
    const { uow, store } = this.d;
    if (!isFileKind(input.kind)) throw unknownFileKind(input.kind, FILE_KINDS);
    const kind = input.kind;
    const policy = FILE_KIND_POLICIES[kind];
    const originalName = cleanFileName(input.fileName);
    const maxBytes = await uow.read(async (tx) => {
      await this.d.access.assertCanWrite(tx, actor, input.subjectType, input.subjectId);
      return uploadLimitOf((await this.d.tenants.getTenant(tx, actor.tenantId))?.settings);
    });
    let stored;
    try {
      stored = await store.put(actor.tenantId, input.content, { maxBytes, allowedTypes: policy.contentTypes });
    } catch (e) {
      if (isDomainError(e) && e.code === 'file.unsupported_type') throw unsupportedFileType(policy.contentTypes, { name: kind, policy });
      throw e;
    }
    try {
      return await uow.run(async (tx) => {
        await this.d.access.assertCanWrite(tx, actor, input.subjectType, input.subjectId); // it may have changed meanwhile
        const now = this.d.clock.now();
        const file: FileRecord = {
          tenantId: actor.tenantId, id: stored.id, subjectType: input.subjectType, subjectId: input.subjectId, kind, originalName,
          contentType: stored.contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256, storageKey: stored.storageKey,
          uploadedBy: actor.userId, uploadedAt: now, supersededBy: null, supersededAt: null,
        };
        const replaced = policy.keepsOne ? await this.d.files.supersedeCurrent(tx, actor.tenantId, input.subjectType, input.subjectId, kind, file.id, now) : [];
        if (!(await this.d.files.insert(tx, file))) throw concurrentUpload();
        const data = { fileId: file.id, kind, fileName: originalName, contentType: file.contentType, sizeBytes: file.sizeBytes, replaced };
        await this.d.timeline.record(tx, [{
          tenantId: actor.tenantId, subjectType: input.subjectType, subjectId: input.subjectId, actorId: actor.userId,
          action: replaced.length ? 'file.replaced' : 'file.uploaded',
          summary: `${replaced.length ? '更新' : '上传'}了${policy.zh}：${originalName}`,
          data,
        }]);
        await this.d.events.publish(tx, [{
          type: 'file.uploaded', tenantId: actor.tenantId, subjectType: input.subjectType, subjectId: input.subjectId, actorId: actor.userId, data,
        }]);
        return file;
      });
    } catch (e) {
      await store.remove(actor.tenantId, stored.storageKey).catch(() => undefined); // no orphan bytes
      throw e;
    }
  }

  /** A file's record, if the actor may read the record it belongs to (otherwise `file.not_found`). */
  async get(actor: Actor, fileId: string): Promise<FileRecord> {
    return this.d.uow.read((tx) => this.visible(tx, actor, fileId));
  }

  /** A file's record and its content, streamed; same visibility as get. */
  async download(actor: Actor, fileId: string): Promise<FileDownload> {
    const file = await this.get(actor, fileId);
    return { file, content: await this.d.store.open(actor.tenantId, file.storageKey) };
  }

  /** The files of a record the actor may read, newest first; replaced versions only with includeHistory. */
  async list(actor: Actor, subjectType: string, subjectId: string, options: { includeHistory?: boolean } = {}): Promise<FileRecord[]> {
    return this.d.uow.read(async (tx) => {
      await this.d.access.assertCanRead(tx, actor, subjectType, subjectId);
      return this.d.files.listBySubject(tx, actor.tenantId, subjectType, subjectId, options.includeHistory ?? false);
    });
  }

  /** A file id says nothing to someone who cannot read its record: any refusal is `file.not_found`. */
  private async visible(tx: Tx, actor: Actor, fileId: string): Promise<FileRecord> {
    const file = await this.d.files.get(tx, actor.tenantId, fileId);
    if (!file) throw notFound('file', '文件', fileId);
    try {
      await this.d.access.assertCanRead(tx, actor, file.subjectType, file.subjectId);
    } catch (e) {
      if (isDomainError(e)) throw notFound('file', '文件', fileId);
      throw e;
    }
    return file;
  }
}
