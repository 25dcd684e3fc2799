// What the products and applications screens read about an order, typed with core's own types as JSON.
import { api, ok } from '../../api/client.js';
import type { Json } from '../../api/json.js';
import type { OrderDetail } from '@core/orders/orders.service.js';
import type { AutoMatchResult, MatchFactsView, OrderLinesView, LineView } from '@core/products/order-products.service.js';
import type { CategoryWithCount, StoredProduct } from '@core/products/ports.js';
import type { Activity } from '@core/shared/ports.js';

export type Order = Json<OrderDetail>;
export type Lines = Json<OrderLinesView>;
export type Line = Json<LineView>;
export type Matches = Json<AutoMatchResult>;
export type Facts = Json<MatchFactsView>;
export type Product = Json<StoredProduct>;
export type Category = Json<CategoryWithCount>;
export type TimelineEntry = Json<Activity>;

export const loadOrder = (id: string): Promise<Order> => ok<Order>(api.GET('/api/v1/orders/{id}', { params: { path: { id } } }));
export const loadLines = (id: string): Promise<Lines> => ok<Lines>(api.GET('/api/v1/orders/{id}/product-lines', { params: { path: { id } } }));
export const loadMatches = (id: string): Promise<Matches> => ok<Matches>(api.GET('/api/v1/orders/{id}/product-matches', { params: { path: { id } } }));
export const loadFacts = (id: string): Promise<Facts> => ok<Facts>(api.GET('/api/v1/orders/{id}/match-facts', { params: { path: { id } } }));
export const loadTimeline = async (id: string): Promise<TimelineEntry[]> =>
  (await ok<{ items: TimelineEntry[] }>(api.GET('/api/v1/orders/{id}/timeline', { params: { path: { id } } }))).items;
