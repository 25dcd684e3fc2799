// Tenants, departments, users and role assignments. Managing them needs `org.manage`; everyone may read the
// department tree and the user directory (to pick the next operator), with mobiles masked.
import {
  requireDrawable, undrawableFields, domainError, notFound, validationFailed, type DocumentCharset, type FieldError,
  type Clock, type IdGenerator, type UnitOfWork, type Page, type PageRequest, type OperationLog,
} from '../shared/index.js';
import { maskMobile, normalizeMobile } from '../identity/index.js';
import { can, requirePermission, type Actor, type DataScope } from './actor.js';
import { wouldCycle } from './department-tree.js';
import { checkPasswordStrength } from './password-policy.js';
import { PERMISSIONS, SEED_ROLES } from './permissions.js';
import type { OrganisationRepository, PasswordHasher, TokenRepository, UserListFilter } from './ports.js';
import type { Department, Role, Tenant, User } from './types.js';

export interface OrganisationDeps {
  readonly uow: UnitOfWork;
  readonly org: OrganisationRepository;
  readonly tokens: TokenRepository;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** What the documents can print: the firm's and users' names appear on contracts, plans and invoices (开票人). */
  readonly charset: DocumentCharset;
  /** The operation log: changes to roles and users are recorded with their state before and after. */
  readonly operations?: OperationLog;
}

/** A user as the operation log keeps it: no password, the mobile masked. */
function userSnapshot(u: User): Record<string, unknown> {
  return { name: u.name, mobile: maskMobile(u.mobile), departmentId: u.departmentId, roleCodes: u.roleCodes, active: u.active, version: u.version };
}

export interface NewTenant {
  readonly name: string;
  readonly timeZone?: string | undefined;
  readonly admin: { readonly name: string; readonly mobile: string; readonly password: string };
}

export interface NewUser {
  readonly name: string;
  readonly mobile: string;
  readonly departmentId: string | null;
  readonly roleCodes: readonly string[];
  readonly password: string;
}

export interface UserChanges {
  readonly version: number;
  readonly name?: string | undefined;
  readonly departmentId?: string | null | undefined;
  readonly roleCodes?: readonly string[] | undefined;
  readonly active?: boolean | undefined;
}

const versionConflict = (what: string) =>
  domainError(`${what}.version_conflict`, 'conflict', '数据已被他人修改，请刷新后重试', 'Someone else changed this first; reload and try again');

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class OrganisationService {
  constructor(private readonly d: OrganisationDeps) {}

  /** A new firm with the seed roles, a root department named after it, and its administrator. */
  async createTenant(input: NewTenant): Promise<{ tenant: Tenant; admin: User }> {
    const errors: FieldError[] = [];
    if (!input.name.trim()) errors.push({ path: '/name', code: 'required', zh: '不能为空', en: 'is required' });
    errors.push(...undrawableFields(this.d.charset, { '/name': input.name, '/admin/name': input.admin.name }));
    const timeZone = input.timeZone ?? 'Asia/Shanghai';
    if (!isValidTimeZone(timeZone)) errors.push({ path: '/timeZone', code: 'time_zone', zh: '不是有效的时区', en: 'is not an IANA time zone' });
    if (errors.length) throw validationFailed(errors);
    const mobile = normalizeMobile(input.admin.mobile);
    checkPasswordStrength(input.admin.password);
    const hash = await this.d.hasher.hash(input.admin.password);
    const now = this.d.clock.now();
    const tenant: Tenant = { id: this.d.ids.id(), name: input.name.trim(), timeZone, settings: {}, createdAt: now };
    return this.d.uow.run(async (tx) => {
      await this.d.org.insertTenant(tx, tenant);
      for (const r of SEED_ROLES) {
        await this.d.org.insertRole(tx, { tenantId: tenant.id, id: this.d.ids.id(), code: r.code, name: r.name, permissions: r.permissions, dataScope: r.dataScope });
      }
      const root: Department = { tenantId: tenant.id, id: this.d.ids.id(), name: tenant.name, parentId: null, headUserId: null, sortOrder: 0, version: 1 };
      await this.d.org.insertDepartment(tx, root);
      const admin: User = {
        tenantId: tenant.id, id: this.d.ids.id(), name: input.admin.name.trim(), mobile, departmentId: root.id,
        active: true, roleCodes: ['admin'], version: 1, createdAt: now,
      };
      await this.d.org.insertUser(tx, admin, hash);
      return { tenant, admin };
    });
  }

  async getTenant(actor: Actor): Promise<Tenant> {
    const t = await this.d.uow.read((tx) => this.d.org.getTenant(tx, actor.tenantId));
    if (!t) throw notFound('tenant', '机构', actor.tenantId);
    return t;
  }

  listDepartments(actor: Actor): Promise<Department[]> {
    return this.d.uow.read((tx) => this.d.org.listDepartments(tx, actor.tenantId));
  }

  listRoles(actor: Actor): Promise<Role[]> {
    return this.d.uow.read((tx) => this.d.org.listRoles(tx, actor.tenantId));
  }

  /** A new role, or changed permissions and data scope of one; its holders log in again to get them. */
  async saveRole(actor: Actor, input: { code: string; name: string; permissions: readonly string[]; dataScope: DataScope }): Promise<Role> {
    requirePermission(actor, PERMISSIONS.orgManage);
    const known = new Set<string>(['*', ...Object.values(PERMISSIONS), ...Object.values(PERMISSIONS).map((p) => `${p.split('.')[0]}.*`)]);
    const unknown = input.permissions.filter((p) => !known.has(p));
    if (unknown.length) {
      throw validationFailed(unknown.map((p) => ({ path: '/permissions', code: 'unknown_permission', zh: `没有权限 ${p}`, en: `there is no permission ${p}` })));
    }
    if (input.code === 'admin' && !input.permissions.includes('*')) {
      throw domainError('role.admin_locked', 'rule', '管理员角色必须保留全部权限', 'The administrator role keeps every permission');
    }
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const existing = (await this.d.org.listRoles(tx, actor.tenantId)).find((r) => r.code === input.code);
      const role: Role = {
        tenantId: actor.tenantId, id: existing?.id ?? this.d.ids.id(), code: input.code, name: input.name.trim(),
        permissions: [...new Set(input.permissions)].sort(), dataScope: input.dataScope,
      };
      if (existing) {
        await this.d.org.updateRole(tx, role);
        await this.d.org.revokeTokensOfRole(tx, actor.tenantId, role.id, now);
      } else {
        await this.d.org.insertRole(tx, role);
      }
      const snapshot = (r: Role) => ({ code: r.code, name: r.name, permissions: r.permissions, dataScope: r.dataScope });
      await this.d.operations?.record(tx, [{
        tenantId: actor.tenantId, actorId: actor.userId, kind: 'role.saved', subjectType: 'role', subjectId: role.code,
        before: existing ? snapshot(existing) : null, after: snapshot(role),
      }]);
      return role;
    });
  }

  async createDepartment(actor: Actor, input: { name: string; parentId: string | null; headUserId?: string | null | undefined; sortOrder?: number | undefined }): Promise<Department> {
    requirePermission(actor, PERMISSIONS.orgManage);
    const name = input.name.trim();
    if (!name) throw validationFailed([{ path: '/name', code: 'required', zh: '不能为空', en: 'is required' }]);
    return this.d.uow.run(async (tx) => {
      const all = await this.d.org.listDepartments(tx, actor.tenantId);
      if (input.parentId !== null && !all.some((x) => x.id === input.parentId)) throw notFound('department', '部门', input.parentId);
      if (input.headUserId && !(await this.d.org.getUser(tx, actor.tenantId, input.headUserId))) throw notFound('user', '用户', input.headUserId);
      const d: Department = {
        tenantId: actor.tenantId, id: this.d.ids.id(), name, parentId: input.parentId,
        headUserId: input.headUserId ?? null, sortOrder: input.sortOrder ?? 0, version: 1,
      };
      await this.d.org.insertDepartment(tx, d);
      return d;
    });
  }

  async updateDepartment(
    actor: Actor,
    id: string,
    changes: { version: number; name?: string | undefined; parentId?: string | null | undefined; headUserId?: string | null | undefined; sortOrder?: number | undefined },
  ): Promise<Department> {
    requirePermission(actor, PERMISSIONS.orgManage);
    return this.d.uow.run(async (tx) => {
      const all = await this.d.org.listDepartments(tx, actor.tenantId);
      const cur = all.find((x) => x.id === id);
      if (!cur) throw notFound('department', '部门', id);
      if (cur.version !== changes.version) throw versionConflict('department');
      const parentId = changes.parentId === undefined ? cur.parentId : changes.parentId;
      if (parentId !== null && !all.some((x) => x.id === parentId)) throw notFound('department', '部门', parentId);
      if (parentId !== cur.parentId && wouldCycle(all, id, parentId)) {
        throw domainError('department.cycle', 'rule', '不能把部门移到它自己的下级部门之下', 'A department cannot move under one of its own sub-departments');
      }
      if (changes.headUserId && !(await this.d.org.getUser(tx, actor.tenantId, changes.headUserId))) throw notFound('user', '用户', changes.headUserId);
      const next: Department = {
        ...cur,
        name: changes.name?.trim() || cur.name,
        parentId,
        headUserId: changes.headUserId === undefined ? cur.headUserId : changes.headUserId,
        sortOrder: changes.sortOrder ?? cur.sortOrder,
        version: cur.version + 1,
      };
      if (!(await this.d.org.updateDepartment(tx, next))) throw versionConflict('department');
      return next;
    });
  }

  /** Only an empty department (no members, no sub-departments) can be deleted. */
  async deleteDepartment(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, PERMISSIONS.orgManage);
    await this.d.uow.run(async (tx) => {
      const all = await this.d.org.listDepartments(tx, actor.tenantId);
      const cur = all.find((x) => x.id === id);
      if (!cur) throw notFound('department', '部门', id);
      if (all.some((x) => x.parentId === id) || (await this.d.org.countDepartmentMembers(tx, actor.tenantId, id)) > 0) {
        throw domainError('department.not_empty', 'rule', '部门下还有成员或子部门，不能删除', 'The department still has members or sub-departments');
      }
      await this.d.org.deleteDepartment(tx, actor.tenantId, id);
    });
  }

  /** Users as the actor may see them: mobiles masked unless the actor manages the organisation. */
  async listUsers(actor: Actor, filter: UserListFilter, page: PageRequest): Promise<Page<User>> {
    const p = await this.d.uow.read((tx) => this.d.org.listUsers(tx, actor.tenantId, filter, page));
    return { ...p, items: p.items.map((u) => this.present(actor, u)) };
  }

  async getUser(actor: Actor, id: string): Promise<User> {
    const u = await this.d.uow.read((tx) => this.d.org.getUser(tx, actor.tenantId, id));
    if (!u) throw notFound('user', '用户', id);
    return this.present(actor, u);
  }

  async createUser(actor: Actor, input: NewUser): Promise<User> {
    requirePermission(actor, PERMISSIONS.orgManage);
    const errors: FieldError[] = [];
    if (!input.name.trim()) errors.push({ path: '/name', code: 'required', zh: '不能为空', en: 'is required' });
    errors.push(...undrawableFields(this.d.charset, { '/name': input.name }));
    if (errors.length) throw validationFailed(errors);
    const mobile = normalizeMobile(input.mobile);
    checkPasswordStrength(input.password);
    const hash = await this.d.hasher.hash(input.password);
    return this.d.uow.run(async (tx) => {
      await this.checkRefs(tx, actor, input.departmentId, input.roleCodes);
      if (await this.d.org.findUserByMobile(tx, actor.tenantId, mobile)) {
        throw domainError('user.duplicate_mobile', 'conflict', '该手机号已是本机构的用户', 'A user of this firm already has this mobile number', { mobile: maskMobile(mobile) });
      }
      const user: User = {
        tenantId: actor.tenantId, id: this.d.ids.id(), name: input.name.trim(), mobile, departmentId: input.departmentId,
        active: true, roleCodes: [...new Set(input.roleCodes)].sort(), version: 1, createdAt: this.d.clock.now(),
      };
      await this.d.org.insertUser(tx, user, hash);
      await this.d.operations?.record(tx, [{ tenantId: actor.tenantId, actorId: actor.userId, kind: 'user.created', subjectType: 'user', subjectId: user.id, before: null, after: userSnapshot(user) }]);
      return user;
    });
  }

  /** Deactivating a user revokes their tokens at once. */
  async updateUser(actor: Actor, id: string, changes: UserChanges): Promise<User> {
    requirePermission(actor, PERMISSIONS.orgManage);
    requireDrawable(this.d.charset, { '/name': changes.name });
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const cur = await this.d.org.getUser(tx, actor.tenantId, id);
      if (!cur) throw notFound('user', '用户', id);
      if (cur.version !== changes.version) throw versionConflict('user');
      await this.checkRefs(tx, actor, changes.departmentId ?? null, changes.roleCodes ?? []);
      if (id === actor.userId && (changes.active === false || (changes.roleCodes && !changes.roleCodes.includes('admin') && cur.roleCodes.includes('admin')))) {
        throw domainError('user.cannot_demote_self', 'rule', '不能停用自己或取消自己的管理员角色', 'You cannot deactivate yourself or drop your own administrator role');
      }
      const next: User = {
        ...cur,
        name: changes.name?.trim() || cur.name,
        departmentId: changes.departmentId === undefined ? cur.departmentId : changes.departmentId,
        roleCodes: changes.roleCodes ? [...new Set(changes.roleCodes)].sort() : cur.roleCodes,
        active: changes.active ?? cur.active,
        version: cur.version + 1,
      };
      if (!(await this.d.org.updateUser(tx, next))) throw versionConflict('user');
      if (!next.active || changes.roleCodes) await this.d.tokens.revokeAllForUser(tx, actor.tenantId, id, now);
      await this.d.operations?.record(tx, [{ tenantId: actor.tenantId, actorId: actor.userId, kind: 'user.updated', subjectType: 'user', subjectId: id, before: userSnapshot(cur), after: userSnapshot(next) }]);
      return next;
    });
  }

  /** An administrator sets a new password for a user; their sessions end. */
  async resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    requirePermission(actor, PERMISSIONS.orgManage);
    checkPasswordStrength(password);
    const hash = await this.d.hasher.hash(password);
    const now = this.d.clock.now();
    await this.d.uow.run(async (tx) => {
      if (!(await this.d.org.getUser(tx, actor.tenantId, id))) throw notFound('user', '用户', id);
      await this.d.org.setPassword(tx, actor.tenantId, id, hash, now);
      await this.d.tokens.revokeAllForUser(tx, actor.tenantId, id, now);
      await this.d.operations?.record(tx, [{ tenantId: actor.tenantId, actorId: actor.userId, kind: 'user.password_reset', subjectType: 'user', subjectId: id, before: null, after: null }]);
    });
  }

  private present(actor: Actor, u: User): User {
    return can(actor, PERMISSIONS.orgManage) || u.id === actor.userId ? u : { ...u, mobile: maskMobile(u.mobile) };
  }

  private async checkRefs(tx: Parameters<Parameters<UnitOfWork['run']>[0]>[0], actor: Actor, departmentId: string | null, roleCodes: readonly string[]): Promise<void> {
    if (departmentId !== null) {
      const all = await this.d.org.listDepartments(tx, actor.tenantId);
      if (!all.some((x) => x.id === departmentId)) throw notFound('department', '部门', departmentId);
    }
    if (roleCodes.length > 0) {
      const known = new Set((await this.d.org.listRoles(tx, actor.tenantId)).map((r) => r.code));
      const unknown = roleCodes.filter((c) => !known.has(c));
      if (unknown.length) {
        throw validationFailed(unknown.map((c) => ({ path: '/roleCodes', code: 'unknown_role', zh: `没有角色 ${c}`, en: `there is no role ${c}` })));
      }
    }
  }
}
