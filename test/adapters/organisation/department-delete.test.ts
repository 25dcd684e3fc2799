// Deleting an (emptied) department keeps its inquiries and tasks, which then belong to no department: what the
// `on delete set null` keys did before they became plain keys for Citus (migration 202612062100).
import test from 'ava';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm, aMobile } from '../../support/tenant.js';

for (const backend of backends()) {
  test(`${backend}: deleting a department leaves its inquiries and tasks without a department`, async (t) => {
    const crm = await testCrm(backend);
    try {
      const firm = await aFirm(crm);
      const other = await aFirm(crm);
      const dept = await crm.organisation.createDepartment(firm.admin, { name: '三：新媒体运营中心', parentId: firm.rootDepartmentId });
      const sales = await firm.person(['sales'], { departmentId: dept.id });
      const inquiry = await crm.inquiries.create(sales.actor, {
        companyName: `盛博科技${aMobile()}有限公司`, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房',
        remark: '测试', nextFollowUpAt: new Date(crm.clock.now().getTime() + 86_400_000),
      } as never);
      const task = await crm.tasks.create(sales.actor, { title: '回访' } as never);
      // Another firm's records in its own department are untouched.
      const theirs = await other.person(['sales'], { departmentId: other.rootDepartmentId });
      const theirTask = await crm.tasks.create(theirs.actor, { title: '回访' } as never);

      const knex = crm.database.knex;
      t.is((await knex('inquiries').where({ tenant_id: firm.tenantId, id: inquiry.id }).first('department_id')).department_id, dept.id);
      const user = await crm.organisation.getUser(firm.admin, sales.actor.userId);
      await crm.organisation.updateUser(firm.admin, sales.actor.userId, { version: user.version, departmentId: firm.rootDepartmentId });
      await crm.organisation.deleteDepartment(firm.admin, dept.id);

      t.is((await knex('inquiries').where({ tenant_id: firm.tenantId, id: inquiry.id }).first('department_id')).department_id, null);
      t.is((await knex('tasks').where({ tenant_id: firm.tenantId, id: task.id }).first('department_id')).department_id, null);
      t.is((await knex('tasks').where({ tenant_id: other.tenantId, id: theirTask.id }).first('department_id')).department_id, other.rootDepartmentId);
      t.falsy(await knex('departments').where({ tenant_id: firm.tenantId, id: dept.id }).first());
    } finally {
      await crm.close();
    }
  });
}
