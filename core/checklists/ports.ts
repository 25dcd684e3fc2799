// What the checklists need from storage: each product's checklist as the firm saved it, the documents the
// order's files were marked as (with the date or period their validity runs from), and the open applications
// the expiry reminders look at.
import type { Tx } from '../shared/index.js';
import type { CollectedDocument, DocumentRequirement } from './document-requirement.js';
import type { ChecklistSettings } from './checklist-settings.js';

export interface StoredChecklist {
  readonly productId: string;
  readonly documents: readonly DocumentRequirement[];
  /** 1, 2, …; every save adds one. */
  readonly version: number;
}

export interface MarkedDocument extends CollectedDocument {
  readonly markedBy: string;
  readonly markedAt: Date;
}

/** An application still open (待申请, 申请中, 已批核) and the order it is on. */
export interface OpenApplication {
  readonly orderId: string;
  readonly orderTitle: string;
  readonly ownerId: string | null;
  readonly departmentId: string | null;
  readonly productId: string;
}

export interface ChecklistRepository {
  productChecklists(tx: Tx, tenantId: string, productIds: readonly string[]): Promise<StoredChecklist[]>;
  /** Saves when the stored version is `expectedVersion` (0: none saved yet); false when someone saved in between. */
  saveProductChecklist(tx: Tx, tenantId: string, productId: string, documents: readonly DocumentRequirement[], expectedVersion: number, by: string, at: Date): Promise<boolean>;
  /** What the order's current files were marked as. */
  orderDocuments(tx: Tx, tenantId: string, orderId: string): Promise<MarkedDocument[]>;
  /** Marks a file as a document, replacing the facts entered before for that file and document. */
  markFile(tx: Tx, tenantId: string, doc: CollectedDocument, by: string, at: Date): Promise<void>;
  /** false when the file was not marked as that document. */
  unmarkFile(tx: Tx, tenantId: string, fileId: string, document: string): Promise<boolean>;
  /** Open applications of the firm, by order (after `afterOrderId`, at most `limit` orders). */
  openApplications(tx: Tx, tenantId: string, afterOrderId: string | null, limit: number): Promise<OpenApplication[]>;
}
export const ChecklistRepository = Symbol.for('yunzhou.ChecklistRepository');

/** A firm's checklist settings (资料到期提醒提前天数). */
export interface ChecklistSettingsRepository {
  /** null while the firm never saved its own. */
  get(tx: Tx, tenantId: string): Promise<ChecklistSettings | null>;
  /** Saves when the stored version is settings.version − 1 (0: none stored yet). */
  save(tx: Tx, tenantId: string, settings: ChecklistSettings, by: string, at: Date): Promise<boolean>;
}
export const ChecklistSettingsRepository = Symbol.for('yunzhou.ChecklistSettingsRepository');
