// 资料清单 as use cases: a product's checklist (read with the catalogue, saved with product.manage), an order's
// checklist with the files that satisfy each document (order.read, within the order's visibility), marking
// which uploaded file is which document with its date or period (order.write), and the check 提交申请 asks.
import { can, PERMISSIONS, requirePermission, type Actor } from '../organisation/index.js';
import { canSeeOrder } from '../orders/index.js';
import type { FileRecord, FileRepository } from '../files/index.js';
import type { OrderLineRepository, OrderRef, OrderSource, ProductRepository, SubmissionCheck } from '../products/index.js';
import { domainError, forbidden, isDomainError, notFound, type Clock, type DomainError, type Tx, type UnitOfWork } from '../shared/index.js';
import { fileUses, orderChecklist, stateCounts, type DocumentState, type OrderChecklist, type ProductChecklist } from './checklist.js';
import { validateCollectedDocument, validateDocumentRequirements } from './checklist-validation.js';
import { effectiveDocuments, type DocumentRequirement, type ProductDocuments } from './document-requirement.js';
import type { ChecklistRepository, MarkedDocument } from './ports.js';
import { submissionProblem } from './submission.js';

export interface ChecklistDeps {
  readonly uow: UnitOfWork;
  readonly checklists: ChecklistRepository;
  readonly products: ProductRepository;
  readonly lines: OrderLineRepository;
  readonly orders: OrderSource;
  readonly files: FileRepository;
  readonly clock: Clock;
  /** 即将过期 within this many days (default 7, as core/checklists). */
  readonly expiringWithinDays?: number | undefined;
}

export interface ProductChecklistView {
  readonly productId: string;
  /** The checklist in force (the saved one plus names only requiredDocuments lists). */
  readonly documents: readonly DocumentRequirement[];
  /** 0 while the firm never saved one (the names of requiredDocuments, not blocking). */
  readonly version: number;
}

export interface OrderChecklistView extends OrderChecklist {
  readonly orderId: string;
  readonly products: readonly (ProductChecklist & { readonly productName: string; readonly institution: string; readonly lineId: string; readonly applicationStatus: string; readonly counts: Record<DocumentState, number> })[];
  /** The order's current files, each with the documents it was marked as and what it satisfies now. */
  readonly files: readonly {
    readonly fileId: string;
    readonly originalName: string;
    readonly kind: string;
    readonly uploadedAt: Date;
    readonly marks: readonly MarkedDocument[];
    readonly satisfies: readonly { readonly productId: string; readonly document: string }[];
  }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const staleChecklist = (): DomainError =>
  domainError('checklist.version_conflict', 'conflict', '资料清单已被他人修改，请刷新后重试', 'Someone else changed this checklist first; reload and try again');

export class ChecklistService {
  constructor(private readonly d: ChecklistDeps) {}

  async productChecklist(actor: Actor, productId: string): Promise<ProductChecklistView> {
    if (!can(actor, PERMISSIONS.productManage) && !can(actor, PERMISSIONS.orderRead)) throw forbidden(PERMISSIONS.orderRead);
    return this.d.uow.read(async (tx) => this.productView(tx, actor.tenantId, productId));
  }

  /** Saves a product's checklist (product.manage) when `version` is the one read (0: never saved). */
  async saveProductChecklist(actor: Actor, productId: string, version: number, input: unknown): Promise<ProductChecklistView> {
    requirePermission(actor, PERMISSIONS.productManage);
    const documents = validateDocumentRequirements(input);
    if (isDomainError(documents)) throw documents;
    return this.d.uow.run(async (tx) => {
      if (!(await this.d.products.getProduct(tx, actor.tenantId, productId))) throw notFound('product', '产品', productId);
      if (!(await this.d.checklists.saveProductChecklist(tx, actor.tenantId, productId, documents, version, actor.userId, this.d.clock.now()))) throw staleChecklist();
      return this.productView(tx, actor.tenantId, productId);
    });
  }

  /** The order's checklist today (the tenant's calendar): every chosen product's documents and their state. */
  async orderChecklist(actor: Actor, orderId: string): Promise<OrderChecklistView> {
    return this.d.uow.read(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      return this.orderView(tx, actor.tenantId, orderId, actor.timeZone);
    });
  }

  /** 标记资料: says which document an order's file is, with the date or period its validity runs from (order.write). */
  async markFile(actor: Actor, orderId: string, input: unknown): Promise<OrderChecklistView> {
    requirePermission(actor, PERMISSIONS.orderWrite);
    const doc = validateCollectedDocument(input);
    if (isDomainError(doc)) throw doc;
    return this.d.uow.run(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      await this.orderFile(tx, actor.tenantId, orderId, doc.fileId);
      await this.d.checklists.markFile(tx, actor.tenantId, doc, actor.userId, this.d.clock.now());
      return this.orderView(tx, actor.tenantId, orderId, actor.timeZone);
    });
  }

  /** Takes a mark back: the file no longer counts as that document. */
  async unmarkFile(actor: Actor, orderId: string, fileId: string, document: string): Promise<OrderChecklistView> {
    requirePermission(actor, PERMISSIONS.orderWrite);
    return this.d.uow.run(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      await this.orderFile(tx, actor.tenantId, orderId, fileId);
      if (!(await this.d.checklists.unmarkFile(tx, actor.tenantId, fileId, document))) throw notFound('file_document', '资料标记', `${fileId}/${document}`);
      return this.orderView(tx, actor.tenantId, orderId, actor.timeZone);
    });
  }

  /** 提交申请's check: refuses while a blocking document of the product is missing or expired (products' SubmissionCheck). */
  readonly submissionCheck: SubmissionCheck = {
    check: async (tx, tenantId, orderId, productId, now, timeZone) => {
      const checklist = await this.checklistOf(tx, tenantId, orderId, [productId], now, timeZone);
      return submissionProblem(checklist, productId);
    },
  };

  /** The checklist of some products of an order at `now` (the reminders' and the submission's view). */
  async checklistOf(tx: Tx, tenantId: string, orderId: string, productIds: readonly string[], now: Date, timeZone: string): Promise<OrderChecklist> {
    const products = await this.productDocuments(tx, tenantId, productIds);
    const files = await this.d.checklists.orderDocuments(tx, tenantId, orderId);
    return orderChecklist({ products, files, asOf: now, timeZone, expiringWithinDays: this.d.expiringWithinDays });
  }

  private async productDocuments(tx: Tx, tenantId: string, productIds: readonly string[]): Promise<ProductDocuments[]> {
    const unique = [...new Set(productIds)];
    const stored = new Map((await this.d.checklists.productChecklists(tx, tenantId, unique)).map((c) => [c.productId, c]));
    const products = new Map((await this.d.products.getProducts(tx, tenantId, unique)).map((p) => [p.id, p]));
    return unique.map((id) => ({ productId: id, documents: effectiveDocuments(products.get(id)?.requiredDocuments ?? [], stored.get(id)?.documents ?? null) }));
  }

  private async productView(tx: Tx, tenantId: string, productId: string): Promise<ProductChecklistView> {
    const product = await this.d.products.getProduct(tx, tenantId, productId);
    if (!product) throw notFound('product', '产品', productId);
    const [stored] = await this.d.checklists.productChecklists(tx, tenantId, [productId]);
    return { productId, documents: effectiveDocuments(product.requiredDocuments, stored?.documents ?? null), version: stored?.version ?? 0 };
  }

  private async orderView(tx: Tx, tenantId: string, orderId: string, timeZone: string): Promise<OrderChecklistView> {
    const lines = await this.d.lines.listLines(tx, tenantId, orderId);
    const checklist = await this.checklistOf(tx, tenantId, orderId, lines.map((l) => l.productId), this.d.clock.now(), timeZone);
    const marks = await this.d.checklists.orderDocuments(tx, tenantId, orderId);
    const files: FileRecord[] = await this.d.files.listBySubject(tx, tenantId, 'order', orderId, false);
    const uses = fileUses(checklist);
    return {
      ...checklist,
      orderId,
      products: checklist.products.map((p) => {
        const line = lines.find((l) => l.productId === p.productId);
        return {
          ...p, productName: line?.productName ?? '', institution: line?.institution ?? '', lineId: line?.id ?? '', applicationStatus: line?.status ?? 'pending',
          counts: stateCounts(p),
        };
      }),
      files: files.map((f) => ({
        fileId: f.id, originalName: f.originalName, kind: f.kind, uploadedAt: f.uploadedAt,
        marks: marks.filter((m) => m.fileId === f.id), satisfies: uses.get(f.id) ?? [],
      })),
    };
  }

  private async visibleOrder(tx: Tx, actor: Actor, orderId: string): Promise<OrderRef> {
    const order = await this.d.orders.findOrder(tx, actor.tenantId, orderId);
    if (!order || !canSeeOrder(actor, order)) throw notFound('order', '订单', orderId);
    return order;
  }

  /** The file, when it is one of the order's current files; else "not found". */
  private async orderFile(tx: Tx, tenantId: string, orderId: string, fileId: string): Promise<FileRecord> {
    const file = UUID.test(fileId) ? await this.d.files.get(tx, tenantId, fileId) : null;
    if (!file || file.subjectType !== 'order' || file.subjectId !== orderId || file.supersededAt !== null) throw notFound('file', '文件', fileId);
    return file;
  }
}
