// The organisation's plain data: a tenant (one firm), its departments (a tree), users and roles.
import type { DataScope } from './actor.js';

export interface TenantSettings {
  /** Allow creating an inquiry whose mobile already exists (查重 still reports it). */
  readonly allowDuplicateMobiles?: boolean;
  readonly [key: string]: unknown;
}

export interface Tenant {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly settings: TenantSettings;
  readonly createdAt: Date;
}

export interface Department {
  readonly tenantId: string;
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly headUserId: string | null;
  readonly sortOrder: number;
  readonly version: number;
}

export interface Role {
  readonly tenantId: string;
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly permissions: readonly string[];
  readonly dataScope: DataScope;
}

export interface User {
  readonly tenantId: string;
  readonly id: string;
  readonly name: string;
  readonly mobile: string;
  readonly departmentId: string | null;
  readonly active: boolean;
  readonly roleCodes: readonly string[];
  readonly version: number;
  readonly createdAt: Date;
}

/** What login needs beyond the public user: never leaves the organisation use cases. */
export interface UserCredentials {
  readonly tenantId: string;
  readonly userId: string;
  readonly passwordHash: string;
  readonly active: boolean;
  readonly failedLogins: number;
  readonly nextAttemptAt: Date | null;
}
