// 产品管理: the tenant's categories and products. Everyone who works on orders may read the catalogue (to match
// products); changing it needs `product.manage`. A tenant's categories start as the brochure's eight.
import {
  requireDrawable, DomainError, domainError, forbidden, notFound, validationFailed, type DocumentCharset, type Page,
  type PageRequest, type Clock, type IdGenerator, type Tx, type UnitOfWork,
} from '../shared/index.js';
import { can, requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import { fieldError, isRecord } from './field-checks.js';
import type { CategoryWithCount, ProductListFilter, ProductRepository, StoredProduct } from './ports.js';
import { DEFAULT_PRODUCT_CATEGORIES, validateProductCategory, type ProductCategory } from './product-category.js';
import { nextProductNumber, validateProduct } from './product.js';

export interface CatalogueDeps {
  readonly uow: UnitOfWork;
  readonly products: ProductRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** What the documents can print: a product's name and institution appear on contracts and plans. */
  readonly charset: DocumentCharset;
}

const staleProduct = (): DomainError =>
  domainError('product.version_conflict', 'conflict', '产品已被他人修改，请刷新后重试', 'Someone else changed this product first; reload and try again');

/** Reading the catalogue: product managers and everyone who reads orders (they match products to them). */
export function requireCatalogueRead(actor: Actor): void {
  if (!can(actor, PERMISSIONS.productManage) && !can(actor, PERMISSIONS.orderRead)) throw forbidden(PERMISSIONS.orderRead);
}

export class ProductCatalogueService {
  constructor(private readonly d: CatalogueDeps) {}

  /** The tenant's categories in tab order with their product counts (选择产品 tabs). */
  async listCategories(actor: Actor): Promise<CategoryWithCount[]> {
    requireCatalogueRead(actor);
    const list = await this.d.uow.read((tx) => this.d.products.listCategories(tx, actor.tenantId));
    if (list.length > 0) return list;
    return this.d.uow.run(async (tx) => {
      await this.d.products.insertCategories(tx, actor.tenantId, DEFAULT_PRODUCT_CATEGORIES);
      return this.d.products.listCategories(tx, actor.tenantId);
    });
  }

  /** Adds a category; its code is fixed for good, its name and position may change later. */
  async createCategory(actor: Actor, input: unknown): Promise<ProductCategory> {
    requirePermission(actor, PERMISSIONS.productManage);
    const category = validateProductCategory(input);
    if (category instanceof DomainError) throw category;
    return this.d.uow.run(async (tx) => {
      await this.categoryCodes(tx, actor.tenantId);
      if (!(await this.d.products.insertCategory(tx, actor.tenantId, category))) {
        throw domainError('product.category_exists', 'conflict', `分类编码「${category.code}」已存在`, `A category with code "${category.code}" exists already`, { code: category.code });
      }
      return category;
    });
  }

  /** Renames or moves a category. */
  async updateCategory(actor: Actor, code: string, input: { name?: string | undefined; sortOrder?: number | undefined }): Promise<ProductCategory> {
    requirePermission(actor, PERMISSIONS.productManage);
    return this.d.uow.run(async (tx) => {
      await this.categoryCodes(tx, actor.tenantId);
      const current = (await this.d.products.listCategories(tx, actor.tenantId)).find((c) => c.code === code);
      if (!current) throw notFound('product_category', '产品分类', code);
      const category = validateProductCategory({ code, name: input.name ?? current.name, sortOrder: input.sortOrder ?? current.sortOrder });
      if (category instanceof DomainError) throw category;
      await this.d.products.updateCategory(tx, actor.tenantId, category);
      return category;
    });
  }

  /** 选择产品 (共43条): products by category order and number, filtered by category, institution, active and keyword. */
  async listProducts(actor: Actor, filter: ProductListFilter, page: PageRequest): Promise<Page<StoredProduct>> {
    requireCatalogueRead(actor);
    return this.d.uow.read((tx) => this.d.products.listProducts(tx, actor.tenantId, filter, page));
  }

  /** The lending institutions named in the catalogue, for the filter. */
  async institutions(actor: Actor): Promise<string[]> {
    requireCatalogueRead(actor);
    return this.d.uow.read((tx) => this.d.products.institutions(tx, actor.tenantId));
  }

  async getProduct(actor: Actor, id: string): Promise<StoredProduct> {
    requireCatalogueRead(actor);
    const p = await this.d.uow.read((tx) => this.d.products.getProduct(tx, actor.tenantId, id));
    if (!p) throw notFound('product', '产品', id);
    return p;
  }

  /** A new product, checked whole (requirements included); without a number it gets the next one of the tenant. */
  async createProduct(actor: Actor, input: unknown): Promise<StoredProduct> {
    requirePermission(actor, PERMISSIONS.productManage);
    return this.d.uow.run(async (tx) => {
      const codes = await this.categoryCodes(tx, actor.tenantId);
      const body = isRecord(input) ? input : {};
      const number = body.number ?? nextProductNumber(await this.d.products.productNumbers(tx, actor.tenantId));
      const data = validateProduct(isRecord(input) ? { ...input, number } : input, codes);
      if (data instanceof DomainError) throw data;
      requireDrawable(this.d.charset, { '/name': data.name, '/institution': data.institution });
      await this.numberFree(tx, actor.tenantId, data.number, null);
      return this.d.products.insertProduct(tx, actor.tenantId, this.d.ids.id(), data, this.d.clock.now());
    });
  }

  /** Replaces a product's content when `version` is the stored one. */
  async updateProduct(actor: Actor, id: string, version: number, input: unknown): Promise<StoredProduct> {
    requirePermission(actor, PERMISSIONS.productManage);
    return this.d.uow.run(async (tx) => {
      const current = await this.d.products.getProduct(tx, actor.tenantId, id);
      if (!current) throw notFound('product', '产品', id);
      const codes = await this.categoryCodes(tx, actor.tenantId);
      const body = isRecord(input) ? { number: current.number, ...input } : input;
      const data = validateProduct(body, codes);
      if (data instanceof DomainError) throw data;
      requireDrawable(this.d.charset, { '/name': data.name, '/institution': data.institution });
      await this.numberFree(tx, actor.tenantId, data.number, id);
      const saved = await this.d.products.updateProduct(tx, actor.tenantId, id, data, version, this.d.clock.now());
      if (!saved) throw staleProduct();
      return saved;
    });
  }

  /** Deletes a product no order has chosen; one that was chosen can only be deactivated, so old orders keep it. */
  async deleteProduct(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, PERMISSIONS.productManage);
    await this.d.uow.run(async (tx) => {
      const current = await this.d.products.getProduct(tx, actor.tenantId, id);
      if (!current) throw notFound('product', '产品', id);
      const uses = await this.d.products.lineCount(tx, actor.tenantId, id);
      if (uses > 0) {
        throw domainError('product.in_use', 'rule', `「${current.name}」已被 ${uses} 个订单选用，不能删除；可将其停用`,
          `"${current.name}" is on ${uses} order line(s) and cannot be deleted; deactivate it instead`, { lines: uses });
      }
      await this.d.products.deleteProduct(tx, actor.tenantId, id);
    });
  }

  // The tenant's category codes, creating the default categories the first time the catalogue is touched.
  private async categoryCodes(tx: Tx, tenantId: string): Promise<string[]> {
    const codes = await this.d.products.categoryCodes(tx, tenantId);
    if (codes.length > 0) return codes;
    await this.d.products.insertCategories(tx, tenantId, DEFAULT_PRODUCT_CATEGORIES);
    return DEFAULT_PRODUCT_CATEGORIES.map((c) => c.code);
  }

  private async numberFree(tx: Tx, tenantId: string, number: number, selfId: string | null): Promise<void> {
    const holder = await this.d.products.productIdByNumber(tx, tenantId, number);
    if (holder !== null && holder !== selfId) {
      throw validationFailed([fieldError('/number', 'number_taken', `产品编号 ${number} 已被使用`, `product number ${number} is taken`)]);
    }
  }
}
