// The demo firms: a small 大熹金服 and the main 大鑫金服 with the brochure's people, so that tenant isolation
// can be seen. Demo data only: the shared password is never for a real tenant.
import type { Crm } from '../composition/create-crm.js';
import type { Actor } from '../../core/organisation/actor.js';

export interface DemoPeople {
  readonly tenantId: string;
  readonly admin: Actor;
  readonly users: Readonly<Record<'sunLulu' | 'manager' | 'approver' | 'finance' | 'operations' | 'admin', { id: string; name: string; mobile: string }>>;
  readonly departments: Readonly<Record<'root' | 'newMedia' | 'sales' | 'finance' | 'operations', string>>;
}

export interface DemoLogin {
  readonly tenant: string;
  readonly name: string;
  readonly mobile: string;
  readonly role: string;
}

export interface DemoOrganisation {
  readonly main: DemoPeople;
  readonly small: { tenantId: string; admin: Actor };
  readonly logins: readonly DemoLogin[];
}

/** Every person the demo creates and can log in as: the one list the seed and the start-up table use. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { tenant: '大鑫金服', name: '系统管理员', mobile: '13800000000', role: 'admin' },
  { tenant: '大鑫金服', name: '孙露露', mobile: '13800000001', role: 'sales' },
  { tenant: '大鑫金服', name: '王经理', mobile: '13800000002', role: 'manager' },
  { tenant: '大鑫金服', name: '李审批', mobile: '13800000003', role: 'approver' },
  { tenant: '大鑫金服', name: '赵财务', mobile: '13800000004', role: 'finance' },
  { tenant: '大鑫金服', name: '钱运营', mobile: '13800000005', role: 'operations' },
  { tenant: '大鑫金服', name: '周销售', mobile: '13800000006', role: 'sales' },
  { tenant: '大熹金服', name: '大熹管理员', mobile: '13900000000', role: 'admin' },
];

async function actorFor(crm: Crm, mobile: string, password: string, tenantId: string): Promise<Actor> {
  const r = await crm.auth.login({ mobile, password, tenantId });
  return crm.auth.authenticate(r.token);
}

export async function seedDemoOrganisation(crm: Crm, password: string): Promise<DemoOrganisation> {
  const small = await crm.organisation.createTenant({ name: '大熹金服', admin: { name: '大熹管理员', mobile: '13900000000', password } });
  const smallAdmin = await actorFor(crm, '13900000000', password, small.tenant.id);

  const main = await crm.organisation.createTenant({ name: '大鑫金服', admin: { name: '系统管理员', mobile: '13800000000', password } });
  const admin = await actorFor(crm, '13800000000', password, main.tenant.id);
  const root = main.admin.departmentId as string;
  const org = crm.organisation;
  const sales = await org.createDepartment(admin, { name: '销售中心', parentId: root, sortOrder: 1 });
  const newMedia = await org.createDepartment(admin, { name: '三：新媒体运营中心', parentId: sales.id, sortOrder: 3 });
  await org.createDepartment(admin, { name: '五：新媒体运营中心', parentId: sales.id, sortOrder: 5 });
  const finance = await org.createDepartment(admin, { name: '财务部', parentId: root, sortOrder: 2 });
  const operations = await org.createDepartment(admin, { name: '运营部', parentId: root, sortOrder: 3 });

  const mk = (name: string, mobile: string, departmentId: string, roleCodes: string[]) => org.createUser(admin, { name, mobile, departmentId, roleCodes, password });
  const sunLulu = await mk('孙露露', '13800000001', newMedia.id, ['sales']);
  const manager = await mk('王经理', '13800000002', newMedia.id, ['manager']);
  const approver = await mk('李审批', '13800000003', root, ['approver']);
  const fin = await mk('赵财务', '13800000004', finance.id, ['finance']);
  const ops = await mk('钱运营', '13800000005', operations.id, ['operations']);
  await org.updateDepartment(admin, newMedia.id, { version: newMedia.version, headUserId: manager.id });
  await mk('周销售', '13800000006', newMedia.id, ['sales']);

  const u = (x: { id: string; name: string; mobile: string }) => ({ id: x.id, name: x.name, mobile: x.mobile });
  return {
    main: {
      tenantId: main.tenant.id,
      admin,
      users: { sunLulu: u(sunLulu), manager: u(manager), approver: u(approver), finance: u(fin), operations: u(ops), admin: u(main.admin) },
      departments: { root, newMedia: newMedia.id, sales: sales.id, finance: finance.id, operations: operations.id },
    },
    small: { tenantId: small.tenant.id, admin: smallAdmin },
    logins: DEMO_LOGINS,
  };
}
