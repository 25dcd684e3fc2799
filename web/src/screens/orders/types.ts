// The orders API's answers as the console reads them: core's own types through Json<…>.
import type { Json } from '../../api/json.js';
import type { OrderDetail as CoreOrderDetail, OrderListItem as CoreOrderListItem } from '@core/orders/orders.service.js';
import type { ProfileView as CoreProfileView, ProfileSaveResult as CoreProfileSaveResult } from '@core/orders/enterprise-profile.service.js';
import type { ConfirmResult as CoreConfirmResult } from '@core/orders/contract.service.js';
import type { Contract, Plan } from '@core/orders/types.js';

export type OrderDetail = Json<CoreOrderDetail>;
export type OrderListItem = Json<CoreOrderListItem>;
export type ProfileView = Json<CoreProfileView>;
export type ProfileSaveResult = Json<CoreProfileSaveResult>;
export type ConfirmResult = Json<CoreConfirmResult>;

/** A file as the files API presents it (http/routes/files.routes.ts presentFile). */
export interface FileInfo {
  readonly id: string;
  readonly kind: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly contentUrl: string;
}

export interface PlanView { readonly plan: Json<Plan> | null; readonly attachment: { id: string; originalName: string; sizeBytes: number } | null }
export interface ContractView { readonly contract: Json<Contract> | null; readonly scan: { id: string; originalName: string; sizeBytes: number } | null }

export interface UserOption { readonly id: string; readonly name: string; readonly active: boolean }
