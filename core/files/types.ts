// A stored file as the files area knows it: whose it is, what it is, and where its bytes are.
import type { ContentType } from './content-type.js';
import type { FileKind } from './file-kinds.js';

export interface FileRecord {
  readonly tenantId: string;
  readonly id: string;
  /** The owning record's type ('order', …) and id; its area decides who may read and write. */
  readonly subjectType: string;
  readonly subjectId: string;
  readonly kind: FileKind;
  /** The client's name, cleaned; for display and downloads only. */
  readonly originalName: string;
  /** Taken from the bytes, never from the name. */
  readonly contentType: ContentType;
  readonly sizeBytes: number;
  /** Lowercase hex SHA-256 of the content. */
  readonly sha256: string;
  readonly storageKey: string;
  readonly uploadedBy: string;
  readonly uploadedAt: Date;
  /** Set when a newer file of a keep-one kind replaced this one; it stays in history. */
  readonly supersededBy: string | null;
  readonly supersededAt: Date | null;
}

/** Whether the file is the current one of its kind (not replaced). */
export function isCurrent(f: Pick<FileRecord, 'supersededAt'>): boolean {
  return f.supersededAt === null;
}
