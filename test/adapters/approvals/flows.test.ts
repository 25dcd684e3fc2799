// Approval flows against the database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): versions,
// validation against the tenant's people and roles, one active flow per business type, archive, permissions,
// tenant isolation, and the Directory loaded from the organisation tables.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { UnitOfWork } from '../../../core/shared/ports.js';
import type { DomainError } from '../../../core/shared/domain-error.js';
import { ApprovalDirectoryLoader } from '../../../core/approvals/ports.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm, type TestFirm } from '../../support/tenant.js';
import { code } from './harness.js';
import { demoApprovalFlows } from '../../../adapters/demo/approvals.seed.js';
import type { DemoOrganisation } from '../../../adapters/demo/organisation.seed.js';

for (const backend of backends()) {
  let crm: Crm;
  // One firm and one other firm for the suite (each test uses its own business type); the demo test has its own.
  let firm: TestFirm;
  let other: TestFirm;
  test.before(async () => {
    crm = await testCrm(backend);
    firm = await aFirm(crm);
    other = await aFirm(crm);
  });
  test.after.always(async () => {
    await crm?.close();
  });

  test.serial(`[${backend}] each save is a new version; the list shows the current one and every version stays readable`, async (t) => {
    const created = await crm.approvalFlows.create(firm.admin, {
      businessType: 'invoice', name: '开票审批', nodes: [{ key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }],
    });
    t.is(created.flow.version, 1);
    t.is(created.flow.noApproverRule, 'admin');
    t.is(created.updatedBy, firm.admin.userId);
    const v2 = await crm.approvalFlows.update(firm.admin, created.flow.id, {
      version: 1, nodes: [...created.flow.nodes, { key: 'ops', name: '运营审批', approvers: { kind: 'role', role: 'operations' }, mode: 'any' }],
    });
    t.is(v2.flow.version, 2);
    t.deepEqual(v2.flow.nodes.map((n) => n.name), ['财务审批', '运营审批']);
    t.deepEqual((await crm.approvalFlows.list(firm.admin, { businessType: 'invoice' })).map((s) => [s.flow.name, s.flow.version]), [['开票审批', 2]]);
    t.deepEqual((await crm.approvalFlows.versions(firm.admin, created.flow.id)).map((v) => [v.version, v.createdByName]), [[2, '管理员'], [1, '管理员']]);
    t.deepEqual((await crm.approvalFlows.version(firm.admin, created.flow.id, 1)).nodes.map((n) => n.key), ['finance']);
    t.is(await code(crm.approvalFlows.update(firm.admin, created.flow.id, { version: 1, name: '过期编辑' })), 'approval.flow_version_conflict');
  });

  test.serial(`[${backend}] a flow naming an unknown user or role is refused with every problem listed`, async (t) => {
    const e = await t.throwsAsync<DomainError>(crm.approvalFlows.create(firm.admin, {
      businessType: 'order_review', name: '订单内审',
      nodes: [
        { key: 'level1', name: '订单一级审批', approvers: { kind: 'users', userIds: [other.admin.userId] }, mode: 'any' },
        { key: 'level2', name: '订单二级审批', approvers: { kind: 'submitter_chooses', role: 'ghost' }, mode: 'any' },
      ],
    }));
    t.is(e?.code, 'approval.invalid_flow');
    t.deepEqual(e?.fieldErrors.map((f) => [f.path, f.code]), [['/nodes/0/approvers/userIds/0', 'approval.unknown_user'], ['/nodes/1/approvers/role', 'approval.unknown_role']]);
    const shape = await code(crm.approvalFlows.create(firm.admin, { businessType: 'order_review', name: '订单内审', nodes: [{ key: '1bad', name: '', approvers: { kind: 'role', role: 'approver' }, mode: 'any' }] }));
    t.is(shape, 'approval.invalid_flow');
  });

  test.serial(`[${backend}] one active flow per business type; an archived flow frees the type and keeps its versions`, async (t) => {
    const nodes = [{ key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }] as const;
    const first = await crm.approvalFlows.create(firm.admin, { businessType: 'receipt', name: '回款审批', nodes });
    t.is(await code(crm.approvalFlows.create(firm.admin, { businessType: 'receipt', name: '第二个', nodes })), 'approval.flow_exists');
    t.is(await code(crm.approvalFlows.archive(firm.admin, first.flow.id, 2)), 'approval.flow_version_conflict');
    await crm.approvalFlows.archive(firm.admin, first.flow.id, 1);
    t.deepEqual(await crm.approvalFlows.list(firm.admin, { businessType: 'receipt' }), []);
    t.is((await crm.approvalFlows.list(firm.admin, { businessType: 'receipt', includeArchived: true }))[0]?.archivedAt instanceof Date, true);
    t.is(await code(crm.approvalFlows.update(firm.admin, first.flow.id, { version: 1, name: 'x' })), 'approval.flow_archived');
    const second = await crm.approvalFlows.create(firm.admin, { businessType: 'receipt', name: '回款审批（新）', nodes });
    t.not(second.flow.id, first.flow.id);
  });

  test.serial(`[${backend}] only approval.admin configures flows; everyone reads them; another tenant's flow is not found`, async (t) => {
    const sales = await firm.person(['sales']);
    const nodes = [{ key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }] as const;
    t.is(await code(crm.approvalFlows.create(sales.actor, { businessType: 'red_invoice', name: '红冲审批', nodes })), 'auth.forbidden');
    const flow = await crm.approvalFlows.create(firm.admin, { businessType: 'red_invoice', name: '红冲审批', nodes });
    t.is((await crm.approvalFlows.get(sales.actor, flow.flow.id)).flow.name, '红冲审批');
    t.is(await code(crm.approvalFlows.update(sales.actor, flow.flow.id, { version: 1, name: 'x' })), 'auth.forbidden');
    t.is(await code(crm.approvalFlows.get(other.admin, flow.flow.id)), 'approval.flow_not_found');
    t.is(await code(crm.approvalFlows.update(other.admin, flow.flow.id, { version: 1, name: 'x' })), 'approval.flow_not_found');
    t.is(await code(crm.approvalFlows.archive(other.admin, flow.flow.id, 1)), 'approval.flow_not_found');
    t.deepEqual(await crm.approvalFlows.list(other.admin), []);
  });

  test.serial(`[${backend}] the directory has users with roles and active flags, the submitter's department heads upward, and the approval admins`, async (t) => {
    const { organisation } = crm;
    const sales = await organisation.createDepartment(firm.admin, { name: '销售中心', parentId: firm.rootDepartmentId });
    const team = await organisation.createDepartment(firm.admin, { name: '三：新媒体运营中心', parentId: sales.id });
    const manager = await firm.person(['manager'], { departmentId: team.id, name: '王经理' });
    const director = await firm.person(['manager'], { departmentId: sales.id, name: '张总监' });
    const sun = await firm.person(['sales'], { departmentId: team.id, name: '孙露露' });
    const gone = await firm.person(['approver'], { name: '已离职' });
    await organisation.updateDepartment(firm.admin, team.id, { version: team.version, headUserId: manager.actor.userId });
    await organisation.updateDepartment(firm.admin, sales.id, { version: sales.version, headUserId: director.actor.userId });
    const goneUser = await organisation.getUser(firm.admin, gone.actor.userId);
    await organisation.updateUser(firm.admin, gone.actor.userId, { version: goneUser.version, active: false });
    const loader = crm.container.get<ApprovalDirectoryLoader>(ApprovalDirectoryLoader);
    const directory = await crm.container.get<UnitOfWork>(UnitOfWork).read((tx) => loader.load(tx, firm.tenantId, sun.actor.userId));
    t.deepEqual(directory.submitterDepartmentHeads, [manager.actor.userId, director.actor.userId, null]);
    t.deepEqual(directory.administratorIds, [firm.admin.userId]);
    t.deepEqual(directory.users.find((u) => u.id === gone.actor.userId), { id: gone.actor.userId, active: false, roles: ['approver'] });
    t.deepEqual(directory.users.find((u) => u.id === sun.actor.userId)?.roles, ['sales']);
    t.true([manager, director, sun, gone].every((p) => directory.users.some((u) => u.id === p.actor.userId)));
    t.false(directory.users.some((u) => u.id === other.admin.userId));
  });

  test.serial(`[${backend}] the demo flows of 大鑫金服 are valid: 订单内审 with its conditional second level, 回款, 开票 and 结单`, async (t) => {
    const demoFirm = await aFirm(crm);
    const fin = await demoFirm.person(['finance']);
    const ops = await demoFirm.person(['operations']);
    const demo = { main: { users: { finance: { id: fin.actor.userId }, operations: { id: ops.actor.userId } } } } as unknown as DemoOrganisation;
    for (const flow of demoApprovalFlows(demo)) await crm.approvalFlows.create(demoFirm.admin, flow);
    const flows = await crm.approvalFlows.list(demoFirm.admin);
    t.deepEqual(flows.map((s) => [s.flow.businessType, s.flow.name, s.flow.nodes.map((n) => n.name).join('→')]), [
      ['invoice', '开票审批', '财务审批'],
      ['order_close', '结单审批', '财务/运营结单审批'],
      ['order_review', '订单内审', '订单一级审批→订单二级审批'],
      ['receipt', '回款审批', '财务审批→运营审批'],
    ]);
  });
}
