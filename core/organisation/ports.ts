// What the organisation use cases need from the world.
import type { Tx, Page, PageRequest } from '../shared/index.js';
import type { Department, Role, Tenant, TenantSettings, User, UserCredentials } from './types.js';

export interface UserListFilter {
  readonly departmentId?: string | undefined;
  readonly active?: boolean | undefined;
  readonly keyword?: string | undefined;
  readonly roleCode?: string | undefined;
}

export interface OrganisationRepository {
  insertTenant(tx: Tx, tenant: Tenant): Promise<void>;
  getTenant(tx: Tx, tenantId: string): Promise<Tenant | null>;
  countTenants(tx: Tx): Promise<number>;
  updateTenantSettings(tx: Tx, tenantId: string, settings: TenantSettings): Promise<void>;

  insertDepartment(tx: Tx, d: Department): Promise<void>;
  /** Saves when the stored version is d.version − 1; returns false on a stale version. */
  updateDepartment(tx: Tx, d: Department): Promise<boolean>;
  listDepartments(tx: Tx, tenantId: string): Promise<Department[]>;
  countDepartmentMembers(tx: Tx, tenantId: string, departmentId: string): Promise<number>;
  deleteDepartment(tx: Tx, tenantId: string, departmentId: string): Promise<void>;

  insertRole(tx: Tx, role: Role): Promise<void>;
  listRoles(tx: Tx, tenantId: string): Promise<Role[]>;
  updateRole(tx: Tx, role: Role): Promise<void>;
  /** Ends every token of the users holding a role, so a changed role applies at once. */
  revokeTokensOfRole(tx: Tx, tenantId: string, roleId: string, at: Date): Promise<void>;

  insertUser(tx: Tx, user: User, passwordHash: string): Promise<void>;
  /** Saves profile fields and roles when the stored version is user.version − 1; false when stale. */
  updateUser(tx: Tx, user: User): Promise<boolean>;
  getUser(tx: Tx, tenantId: string, userId: string): Promise<User | null>;
  getUsers(tx: Tx, tenantId: string, userIds: readonly string[]): Promise<User[]>;
  findUserByMobile(tx: Tx, tenantId: string, mobile: string): Promise<User | null>;
  listUsers(tx: Tx, tenantId: string, filter: UserListFilter, page: PageRequest): Promise<Page<User>>;

  /** Login: every tenant's credentials for a mobile (a person may work for two firms). */
  credentialsByMobile(tx: Tx, mobile: string): Promise<UserCredentials[]>;
  credentials(tx: Tx, tenantId: string, userId: string): Promise<UserCredentials | null>;
  /** The credentials with the row locked until the transaction ends, so attempts on one account queue. */
  lockCredentials(tx: Tx, tenantId: string, userId: string): Promise<UserCredentials | null>;
  recordLoginFailure(tx: Tx, tenantId: string, userId: string, failedLogins: number, nextAttemptAt: Date | null): Promise<void>;
  resetLoginFailures(tx: Tx, tenantId: string, userId: string): Promise<void>;
  setPassword(tx: Tx, tenantId: string, userId: string, passwordHash: string, at: Date): Promise<void>;
}
export const OrganisationRepository = Symbol.for('yunzhou.OrganisationRepository');

/** Everything a request's actor is built from, resolved from a token in one query. */
export interface ResolvedToken {
  readonly tenant: Tenant;
  readonly user: User;
  readonly roles: readonly Role[];
  readonly expiresAt: Date;
}

export interface TokenRepository {
  /** Cheap per-request check: the token's active user and that user's record version, or null. */
  check(tx: Tx, tenantId: string, tokenHash: string, now: Date): Promise<{ userId: string; userVersion: number } | null>;
  /** The token's tenant, active user and roles if it is neither expired nor revoked. */
  resolve(tx: Tx, tenantId: string, tokenHash: string, now: Date): Promise<ResolvedToken | null>;
  insert(tx: Tx, tenantId: string, tokenHash: string, userId: string, expiresAt: Date): Promise<void>;
  revoke(tx: Tx, tenantId: string, tokenHash: string, at: Date): Promise<void>;
  revokeAllForUser(tx: Tx, tenantId: string, userId: string, at: Date): Promise<number>;
}
export const TokenRepository = Symbol.for('yunzhou.TokenRepository');

/** Password hashing (scrypt in the default adapter). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}
export const PasswordHasher = Symbol.for('yunzhou.PasswordHasher');

/** A one-way digest for bearer tokens, so the database holds no usable token. */
export interface TokenDigest {
  digest(token: string): string;
}
export const TokenDigest = Symbol.for('yunzhou.TokenDigest');
