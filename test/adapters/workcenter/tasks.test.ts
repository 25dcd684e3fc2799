// 任务管理 against the database: by hand (status machine, versions, comments, messages to the people
// concerned), lists with filters and keyset pages, data scope and tenant isolation, and the rule
// "follow up an application after 3 days in 申请中" making one task per application, however often it runs.
import test from 'ava';
import type { Actor } from '../../../core/organisation/actor.js';
import { backends } from '../../support/database.js';
import { FakeClock } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { aCatalogue, anOrderWithProfile } from '../products/product-builders.js';
import { crmsPerBackend } from './harness.js';

const clock = new FakeClock(new Date('2026-11-27T02:00:00Z'));
const HOUR = 3_600_000;

const crmOn = crmsPerBackend(clock);

const titles = (p: { items: { title: string }[] }): string[] => p.items.map((x) => x.title);

for (const backend of backends()) {
  test.serial(`${backend}: a task moves 待办 → 进行中 → 已完成 at the version seen; the people concerned are told`, async (t) => {
    const crm = await crmOn(backend);
    const firm = await aFirm(crm);
    const manager = await firm.person(['manager'], { name: '李经理' });
    const sales = await firm.person(['sales'], { name: '孙露露' });
    const task = await crm.tasks.create(manager.actor, {
      title: '回访盛博科技', description: '确认纳税等级', assigneeId: sales.actor.userId, dueAt: new Date(clock.now().getTime() + 24 * HOUR), priority: 'high',
      related: { type: 'inquiry', id: '5f0c7b9e-1d2a-4c3b-8e4f-123456789abc' },
    });
    t.like(task, { status: 'todo', assigneeName: '孙露露', creatorName: '李经理', priority: 'high', relatedType: 'inquiry', version: 1 });
    const started = await crm.tasks.fire(sales.actor, task.id, 'start', 1);
    t.is(started.status, 'in_progress');
    await t.throwsAsync(() => crm.tasks.fire(sales.actor, task.id, 'complete', 1), { message: /task.version_conflict/ });
    await t.throwsAsync(() => crm.tasks.fire(sales.actor, task.id, 'start', 2), { message: /task.transition_not_allowed/ });
    const done = await crm.tasks.fire(sales.actor, task.id, 'complete', 2);
    t.like(done, { status: 'done', version: 3 });
    t.deepEqual(done.completedAt, clock.now());
    await crm.tasks.comment(sales.actor, task.id, '已回访，客户下周提交资料');
    t.deepEqual((await crm.tasks.comments(manager.actor, task.id)).map((c) => [c.authorName, c.body]), [['孙露露', '已回访，客户下周提交资料']]);

    await crm.outboxRelay.runOnce();
    t.deepEqual((await crm.messages.list(sales.actor, { kind: 'task' }, { limit: 10 })).items.map((m) => m.title.zh), ['新任务：回访盛博科技']);
    t.deepEqual((await crm.messages.list(manager.actor, { kind: 'task' }, { limit: 10 })).items.map((m) => m.title.zh).sort(),
      ['任务「回访盛博科技」已完成', '任务「回访盛博科技」有新评论', '任务「回访盛博科技」进行中'].sort());
  });

  test.serial(`${backend}: data scope: assignee and creator see a task, a manager their subtree, a colleague and another firm get not found`, async (t) => {
    const crm = await crmOn(backend);
    const firm = await aFirm(crm);
    const other = await aFirm(crm);
    const dept = await crm.organisation.createDepartment(firm.admin, { name: '新媒体运营中心', parentId: firm.rootDepartmentId });
    const sibling = await crm.organisation.createDepartment(firm.admin, { name: '电销一部', parentId: firm.rootDepartmentId });
    const manager = await firm.person(['manager'], { departmentId: dept.id });
    const otherManager = await firm.person(['manager'], { departmentId: sibling.id });
    const sales = await firm.person(['sales'], { departmentId: dept.id });
    const colleague = await firm.person(['sales'], { departmentId: dept.id });
    const task = await crm.tasks.create(sales.actor, { title: '整理资料' });
    const byManager = await crm.tasks.create(manager.actor, { title: '经理交办', assigneeId: colleague.actor.userId });

    const sees = async (a: Actor): Promise<boolean> => (await crm.tasks.list(a, { view: 'all' }, { limit: 50 })).items.some((x) => x.id === task.id);
    t.true(await sees(sales.actor));
    t.true(await sees(manager.actor));
    t.true(await sees(firm.admin));
    t.false(await sees(colleague.actor));
    t.false(await sees(otherManager.actor));
    t.false(await sees(other.admin));
    for (const a of [colleague.actor, otherManager.actor, other.admin]) {
      await t.throwsAsync(() => crm.tasks.get(a, task.id), { message: /task.not_found/ });
      await t.throwsAsync(() => crm.tasks.fire(a, task.id, 'start', 1), { message: /task.not_found/ });
      await t.throwsAsync(() => crm.tasks.comment(a, task.id, 'x'), { message: /task.not_found/ });
    }
    t.is((await crm.tasks.get(colleague.actor, byManager.id)).title, '经理交办');
    t.deepEqual(titles(await crm.tasks.list(manager.actor, { view: 'created' }, { limit: 10 })), ['经理交办']);
    await t.throwsAsync(() => crm.tasks.create(sales.actor, { title: 'x', assigneeId: other.admin.userId }), { message: /user.not_found/ });
  });

  test.serial(`${backend}: lists: mine, by status, overdue and due window, soonest due first with undated last, in keyset pages`, async (t) => {
    const crm = await crmOn(backend);
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const now = clock.now();
    const due = (h: number): Date => new Date(now.getTime() + h * HOUR);
    const late = await crm.tasks.create(sales.actor, { title: '逾期', dueAt: due(-2) });
    await crm.tasks.create(sales.actor, { title: '今天', dueAt: due(3) });
    await crm.tasks.create(sales.actor, { title: '无截止' });
    const finished = await crm.tasks.create(sales.actor, { title: '已完成逾期', dueAt: due(-5) });
    await crm.tasks.fire(sales.actor, finished.id, 'complete', 1);
    await crm.tasks.create(sales.actor, { title: '下周', dueAt: due(24 * 7) });

    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const p = await crm.tasks.list(sales.actor, { view: 'mine' }, { limit: 2, cursor });
      pages.push(titles(p));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    t.deepEqual(pages, [['已完成逾期', '逾期'], ['今天', '下周'], ['无截止']]);
    t.deepEqual(titles(await crm.tasks.list(sales.actor, { view: 'mine', overdueAt: now }, { limit: 10 })), ['逾期']);
    t.deepEqual(titles(await crm.tasks.list(sales.actor, { view: 'mine', statuses: ['done'] }, { limit: 10 })), ['已完成逾期']);
    t.deepEqual(titles(await crm.tasks.list(sales.actor, { view: 'mine', dueFrom: now, dueTo: due(24) }, { limit: 10 })), ['今天']);
    const changed = await crm.tasks.update(sales.actor, late.id, { version: 1, dueAt: null, title: '不再逾期' });
    t.like(changed, { dueAt: null, title: '不再逾期', version: 2 });
  });

  test.serial(`${backend}: the rule makes one task per application 3 days in 申请中, for the order's owner, however often it runs`, async (t) => {
    const crm = await crmOn(backend);
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const catalogue = await aCatalogue(crm, firm.admin, ['税E贷']);
    const { order } = await anOrderWithProfile(crm, sales.actor);
    const view = await crm.orderProducts.saveLines(sales.actor, order.id, 0, [{ productId: catalogue.get('税E贷')?.id as string }]);
    const line = view.lines[0];
    if (!line) throw new Error('a line expected');
    await crm.orderProducts.changeApplication(sales.actor, order.id, line.id, line.version, { type: 'submit' });
    const submittedAt = clock.now();

    const run = (days: number) => crm.taskRuleRunner.run(new Date(submittedAt.getTime() + days * 24 * HOUR), { tenantId: firm.tenantId });
    t.deepEqual(await run(2.9), { created: 0 });
    t.deepEqual(await run(3), { created: 1 });
    t.deepEqual(await run(3.5), { created: 0 });
    const [task] = (await crm.tasks.list(sales.actor, { view: 'mine', relatedId: order.id }, { limit: 10 })).items;
    t.like(task, { title: `跟进申请：税E贷（${order.companyName}）`, priority: 'high', relatedType: 'order', creatorId: null, ruleKey: 'application_applying' });
    t.deepEqual(task?.dueAt, new Date(submittedAt.getTime() + 4 * 24 * HOUR));

    // The firm switches the rule off: nothing more; another firm's settings are its own.
    await crm.taskRules.update(firm.admin, 'application_applying', { enabled: false, afterDays: 3, dueInHours: 24, priority: 'high' });
    t.like((await crm.taskRules.list(sales.actor)).find((r) => r.key === 'application_applying'), { enabled: false });
    await t.throwsAsync(() => crm.taskRules.update(sales.actor, 'application_applying', { enabled: true, afterDays: 1, dueInHours: 1, priority: 'low' }), { message: /auth.forbidden/ });
  });
}
