// Builders: a fresh firm per test with its administrator and people in the seed roles, as actors.
import { randomInt } from 'node:crypto';
import type { Crm } from '../../adapters/composition/create-crm.js';
import type { Actor } from '../../core/organisation/actor.js';

export const PASSWORD = 'test1234pw';

/** A unique valid mobile for test data (prefix 17x keeps clear of the demo's 138/139 numbers). */
export function aMobile(): string {
  return `17${randomInt(0, 10)}${String(randomInt(0, 1e8)).padStart(8, '0')}`;
}

export interface TestFirm {
  readonly tenantId: string;
  readonly rootDepartmentId: string;
  readonly admin: Actor;
  readonly adminToken: string;
  readonly adminMobile: string;
  /** Adds a user with roles in a department and returns the actor and a token. */
  person(roles: string[], opts?: { departmentId?: string; name?: string }): Promise<{ actor: Actor; token: string; mobile: string }>;
}

export async function aFirm(crm: Crm, name = `测试金服${randomInt(0, 1e6)}`): Promise<TestFirm> {
  const mobile = aMobile();
  const { tenant, admin } = await crm.organisation.createTenant({ name, admin: { name: '管理员', mobile, password: PASSWORD } });
  const login = await crm.auth.login({ mobile, password: PASSWORD, tenantId: tenant.id });
  const adminActor = await crm.auth.authenticate(login.token);
  return {
    tenantId: tenant.id,
    rootDepartmentId: admin.departmentId as string,
    admin: adminActor,
    adminToken: login.token,
    adminMobile: mobile,
    async person(roles, opts = {}) {
      const m = aMobile();
      await crm.organisation.createUser(adminActor, {
        name: opts.name ?? `员工${m.slice(-4)}`, mobile: m, departmentId: opts.departmentId ?? (admin.departmentId as string), roleCodes: roles, password: PASSWORD,
      });
      const l = await crm.auth.login({ mobile: m, password: PASSWORD, tenantId: tenant.id });
      return { actor: await crm.auth.authenticate(l.token), token: l.token, mobile: m };
    },
  };
}
