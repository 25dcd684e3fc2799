// What 产品管理 reads and writes, typed with core's own types as JSON.
import { api, ok } from '../../api/client.js';
import type { Json, Page } from '../../api/json.js';
import type { CategoryWithCount, StoredProduct } from '@core/products/ports.js';
import type { ProductCategory } from '@core/products/product-category.js';
import type { ProductData } from '@core/products/product.js';

export type Category = Json<CategoryWithCount>;
export type Product = Json<StoredProduct>;
/** A product as sent: its content without id, tenant and stamps (the number is the server's when left out). */
export type ProductBody = Omit<Json<ProductData>, 'number'> & { number?: number };

export const loadCategories = async (): Promise<Category[]> =>
  (await ok<{ items: Category[] }>(api.GET('/api/v1/product-categories'))).items;

export const createCategory = (body: ProductCategory): Promise<ProductCategory> =>
  ok<ProductCategory>(api.POST('/api/v1/product-categories', { body }));

export const updateCategory = (code: string, body: { name?: string; sortOrder?: number }): Promise<ProductCategory> =>
  ok<ProductCategory>(api.PATCH('/api/v1/product-categories/{code}', { params: { path: { code } }, body }));

export interface ProductQuery {
  category?: string;
  keyword?: string;
  active?: boolean;
  cursor?: string;
}
export const loadProducts = (q: ProductQuery): Promise<Page<Product>> =>
  ok<Page<Product>>(api.GET('/api/v1/products', { params: { query: { ...q, limit: 50, withTotal: true } } }));

export const loadInstitutions = async (): Promise<string[]> =>
  (await ok<{ items: string[] }>(api.GET('/api/v1/product-institutions'))).items;

export const loadProduct = (id: string): Promise<Product> => ok<Product>(api.GET('/api/v1/products/{id}', { params: { path: { id } } }));

export const createProduct = (body: ProductBody): Promise<Product> => ok<Product>(api.POST('/api/v1/products', { body: body as never }));

export const saveProduct = (id: string, version: number, body: ProductBody): Promise<Product> =>
  ok<Product>(api.PUT('/api/v1/products/{id}', { params: { path: { id } }, body: { ...body, version } as never }));

/** The product as the PUT wants it: its content, without id, tenant and stamps. */
export function bodyOf(p: Product): ProductBody {
  const { id: _id, tenantId: _t, version: _v, createdAt: _c, updatedAt: _u, feeRule: _f, ...body } = p;
  return body;
}

/** Deletes a product no order has chosen; the server refuses one in use (it can only be disabled). */
export const deleteProduct = async (id: string): Promise<void> => {
  await ok(api.DELETE('/api/v1/products/{id}', { params: { path: { id } } }));
};
