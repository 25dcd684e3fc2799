import test from 'ava';
import { listFilter } from '../../../core/inquiries/list-filter.js';
import type { Department } from '../../../core/organisation/types.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { aManager, anActor, NOW } from './builders.js';

const dept = (id: string, parentId: string | null): Department => ({ tenantId: 't', id, name: id, parentId, headUserId: null, sortOrder: 0, version: 1 });
const DEPTS = [dept('root', null), dept('d-3', 'root'), dept('d-3a', 'd-3'), dept('d-5', 'root')];
const ctx = { owned: true, now: NOW, departments: DEPTS };

test('by default the 咨询 list: owned inquiries within the actor’s scope, soonest follow-up first', (t) => {
  const { filter, sort } = listFilter(anActor(), {}, ctx);
  t.deepEqual(filter.lifecycles, ['inquiry']);
  t.true(filter.owned);
  t.deepEqual(filter.scope, { ownerId: 'u-sun', departmentIds: [] });
  t.is(sort, 'next_follow_up');
  t.deepEqual(listFilter(aManager(), {}, ctx).filter.scope, { ownerId: 'u-wang', departmentIds: ['d-3', 'd-3a'] });
  t.is(listFilter(anActor({ scope: 'tenant' }), {}, ctx).filter.scope, null);
});

test('pools are not limited by data scope', (t) => {
  t.is(listFilter(anActor(), {}, { ...ctx, owned: false }).filter.scope, null);
});

test('due today is the firm’s calendar day; overdue is before now; both mean earlier today', (t) => {
  // NOW is 2021-10-15 15:10:24 in Shanghai.
  const today = listFilter(anActor(), { dueToday: true }, ctx).filter;
  t.deepEqual([today.nextFollowUpFrom, today.nextFollowUpBefore], [new Date('2021-10-14T16:00:00Z'), new Date('2021-10-15T16:00:00Z')]);
  const overdue = listFilter(anActor(), { overdue: true }, ctx).filter;
  t.deepEqual([overdue.nextFollowUpFrom, overdue.nextFollowUpBefore], [undefined, NOW]);
  const both = listFilter(anActor(), { overdue: true, dueToday: true }, ctx).filter;
  t.deepEqual([both.nextFollowUpFrom, both.nextFollowUpBefore], [new Date('2021-10-14T16:00:00Z'), NOW]);
});

test('created dates are whole days in the firm’s zone, both ends included', (t) => {
  const f = listFilter(anActor(), { createdFrom: '2021-10-01', createdTo: '2021-10-15' }, ctx).filter;
  t.deepEqual([f.createdFrom, f.createdBefore], [new Date('2021-09-30T16:00:00Z'), new Date('2021-10-15T16:00:00Z')]);
  t.is(t.throws(() => listFilter(anActor(), { createdFrom: '2021-02-30' }, ctx), { instanceOf: DomainError })?.fieldErrors[0]?.path, '/query/createdFrom');
});

test('a department filter takes its sub-departments', (t) => {
  t.deepEqual(listFilter(anActor(), { departmentId: 'd-3' }, ctx).filter.departmentIds, ['d-3', 'd-3a']);
});

const KEYWORDS: [string, object][] = [
  ['郑盛', { text: '郑盛', lastFour: undefined, mobile: undefined }],
  ['1285', { text: '1285', lastFour: '1285', mobile: undefined }],
  ['152 1380 1285', { text: '152 1380 1285', lastFour: undefined, mobile: '15213801285' }],
];
for (const [kw, expected] of KEYWORDS) {
  test(`keyword "${kw}" searches names, and digits as the mobile’s last four or the whole mobile`, (t) => {
    t.deepEqual(listFilter(anActor(), { keyword: kw }, ctx).filter.keyword, expected);
  });
}

test('the 准客户 list and sorting by creation', (t) => {
  const { filter, sort } = listFilter(anActor(), { lifecycles: ['prospect', 'prospect'], sort: 'created' }, ctx);
  t.deepEqual(filter.lifecycles, ['prospect']);
  t.is(sort, 'created');
});

test('views inside the scope: 我的 is one’s own records, 本部门 one’s department and below', (t) => {
  t.is(listFilter(aManager(), { view: 'mine' }, ctx).filter.ownerId, 'u-wang');
  t.deepEqual(listFilter(aManager(), { view: 'department' }, ctx).filter.departmentIds, ['d-3', 'd-3a']);
  t.deepEqual(listFilter(aManager(), { view: 'department', departmentId: 'd-3a' }, ctx).filter.departmentIds, ['d-3a']);
  t.deepEqual(listFilter(aManager(), { view: 'department', departmentId: 'd-5' }, ctx).filter.departmentIds, []);
  t.deepEqual(listFilter(anActor({ departmentId: null }), { view: 'department' }, ctx).filter.departmentIds, []);
  t.is(listFilter(aManager(), { view: 'all' }, ctx).filter.departmentIds, undefined);
});
