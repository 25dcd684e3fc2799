// What the files area needs from the world: somewhere to keep bytes (FileStore), the file records
// (FileRepository), and each owning area's word on who may read or write its records (SubjectAccess).
import type { Tx } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import type { ContentType } from './content-type.js';
import type { FileKind } from './file-kinds.js';
import type { FileRecord } from './types.js';

/** Bytes arriving or leaving in chunks. Node's Readable is one; core needs nothing more of it. */
export type ByteSource = AsyncIterable<Uint8Array>;

export interface PutOptions {
  /** Refuse with `file.too_large` as soon as more than this many bytes have arrived. */
  readonly maxBytes: number;
  /** Refuse with `file.unsupported_type` unless the bytes prove one of these types. */
  readonly allowedTypes: readonly ContentType[];
}

export interface StoredFile {
  readonly id: string;
  readonly sizeBytes: number;
  /** Lowercase hex SHA-256, computed while the bytes streamed in. */
  readonly sha256: string;
  readonly contentType: ContentType;
  /** Where the bytes are, in the store's own terms; never derived from the client's file name. */
  readonly storageKey: string;
}

/**
 * Keeps file contents per tenant. `put` streams (never buffers the whole file), enforces the size limit
 * while streaming and the content type from the bytes, and leaves nothing behind when it refuses.
 */
export interface FileStore {
  put(tenantId: string, content: ByteSource, options: PutOptions): Promise<StoredFile>;
  /** The content of a stored file; a plain Error when the bytes are gone (an operations problem). */
  open(tenantId: string, storageKey: string): Promise<ByteSource>;
  /** Removes the content; removing what is not there is not an error. */
  remove(tenantId: string, storageKey: string): Promise<void>;
}
export const FileStore = Symbol.for('yunzhou.FileStore');

export interface FileRepository {
  /** Inserts a file; false when another current file of a keep-one kind got there first (concurrent upload). */
  insert(tx: Tx, file: FileRecord): Promise<boolean>;
  /** Marks the current files of this subject and kind as replaced by `byId`; returns their ids. */
  supersedeCurrent(tx: Tx, tenantId: string, subjectType: string, subjectId: string, kind: FileKind, byId: string, at: Date): Promise<string[]>;
  get(tx: Tx, tenantId: string, id: string): Promise<FileRecord | null>;
  /** A record's files, newest first; replaced ones only with includeHistory. */
  listBySubject(tx: Tx, tenantId: string, subjectType: string, subjectId: string, includeHistory: boolean): Promise<FileRecord[]>;
}
export const FileRepository = Symbol.for('yunzhou.FileRepository');

/**
 * The owning area's permission and data-scope check for its records. Each throws the area's DomainError
 * (usually `<subject>.not_found` for a record the actor cannot see, `auth.forbidden` for a missing permission).
 */
export interface SubjectAccess {
  assertCanRead(tx: Tx, actor: Actor, subjectType: string, subjectId: string): Promise<void>;
  assertCanWrite(tx: Tx, actor: Actor, subjectType: string, subjectId: string): Promise<void>;
}
export const SubjectAccess = Symbol.for('yunzhou.SubjectAccess');

/** An area's registration of its SubjectAccess for one subject type (bound in its ContainerModule). */
export interface SubjectAccessContribution {
  readonly subjectType: string;
  readonly access: SubjectAccess;
}
export const SubjectAccessContribution = Symbol.for('yunzhou.SubjectAccessContribution');
