// A firm laid out like 大鑫金服 for the inquiry suites: 销售中心 with 三部 and 五部, sales people in each,
// a manager of 三部 (department_tree) and the administrator; plus helpers to fill in forms and records.
import { randomInt } from 'node:crypto';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { Actor } from '../../../core/organisation/actor.js';
import { InquiryRepository } from '../../../core/inquiries/ports.js';
import type { Inquiry } from '../../../core/inquiries/types.js';
import type { NewInquiry } from '../../../core/inquiries/inquiry.service.js';
import { normalizeCompanyName } from '../../../core/identity/index.js';
import { IdGenerator, UnitOfWork } from '../../../core/shared/ports.js';
import { aFirm, aMobile, type TestFirm } from '../../support/tenant.js';

export interface Firm {
  readonly firm: TestFirm;
  readonly tenantId: string;
  readonly admin: Actor;
  readonly sun: Actor; // sales, 三部
  readonly zhou: Actor; // sales, 三部
  readonly li: Actor; // sales, 五部
  readonly qian: Actor; // sales, 三部一组 (a sub-department of 三部)
  readonly wang: Actor; // manager of 三部
  readonly dept3: string;
  readonly dept5: string;
  readonly dept3a: string;
}

export async function aDaxinFirm(crm: Crm): Promise<Firm> {
  const firm = await aFirm(crm);
  const org = crm.organisation;
  const salesCentre = await org.createDepartment(firm.admin, { name: '销售中心', parentId: firm.rootDepartmentId });
  const dept3 = await org.createDepartment(firm.admin, { name: '三：新媒体运营中心', parentId: salesCentre.id });
  const dept5 = await org.createDepartment(firm.admin, { name: '五：新媒体运营中心', parentId: salesCentre.id });
  const dept3a = await org.createDepartment(firm.admin, { name: '三部一组', parentId: dept3.id });
  const [sun, zhou, li, wang, qian] = await Promise.all([
    firm.person(['sales'], { departmentId: dept3.id, name: '孙露露' }),
    firm.person(['sales'], { departmentId: dept3.id, name: '周销售' }),
    firm.person(['sales'], { departmentId: dept5.id, name: '李销售' }),
    firm.person(['manager'], { departmentId: dept3.id, name: '王经理' }),
    firm.person(['sales'], { departmentId: dept3a.id, name: '钱销售' }),
  ]);
  return { firm, tenantId: firm.tenantId, admin: firm.admin, sun: sun.actor, zhou: zhou.actor, li: li.actor, wang: wang.actor, qian: qian.actor, dept3: dept3.id, dept5: dept5.id, dept3a: dept3a.id };
}

/** A unique tag for the names of one test's records, so concurrent tests in one firm never see each other's. */
export function aTag(): string {
  return `T${randomInt(0, 1e9).toString(36)}`;
}

/** The brochure's step-1 form with a fresh mobile and a tagged company. */
export function aForm(now: Date, over: Partial<NewInquiry> = {}): NewInquiry {
  return {
    companyName: `${aTag()}盛博科技有限公司`, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'B',
    nextFollowUpAt: new Date(now.getTime() + 3 * 86_400_000), source: '电销', propertyType: '按揭房', remark: '测试', ...over,
  };
}

/** Records written straight through the repository, for lists that need times in the past. */
export async function someRecords(crm: Crm, tenantId: string, specs: Partial<Inquiry>[]): Promise<Inquiry[]> {
  const now = crm.clock.now();
  const records = specs.map((s): Inquiry => {
    const companyName = s.companyName ?? `${aTag()}科技`;
    return {
      tenantId, id: crm.container.get<IdGenerator>(IdGenerator).id(), companyName, companyKey: normalizeCompanyName(companyName),
      contactName: '客户', mobile: aMobile(), gender: 'female', level: 'B', nextFollowUpAt: new Date(now.getTime() + 86_400_000), lastFollowUpAt: null,
      source: '电销', propertyType: '按揭房', ownerId: null, departmentId: null, remark: '—', taxId: null, lifecycle: 'inquiry', mergedIntoId: null,
      assignedAt: null, poolEnteredAt: null, recycleRemindedFor: null, createdBy: null, createdAt: now, updatedAt: now, version: 1, ...s,
    };
  });
  await crm.container.get<UnitOfWork>(UnitOfWork).run((tx) => crm.container.get<InquiryRepository>(InquiryRepository).insertMany(tx, records));
  return records;
}

export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

export interface Env {
  readonly crm: Crm;
  readonly a: Firm;
  readonly b: Firm;
}
