// Who sees an order: order.read and the order in data scope, or the person handling its current step; who
// changes it: order.write too; and completed, lost or cancelled orders are not edited.
import test from 'ava';
import type { Actor, DataScope } from '../../../core/organisation/actor.js';
import { canSeeOrder, requireOpen, visibleOrder, writableOrder } from '../../../core/orders/order-visibility.js';
import { DEFAULT_PIPELINE_CONFIG } from '../../../core/orders/stage-config.js';
import type { Order } from '../../../core/orders/types.js';
import { isDomainError } from '../../../core/shared/domain-error.js';

const actor = (scope: DataScope, permissions: string[] = ['order.read', 'order.write'], departments: string[] = []): Actor => ({
  tenantId: 't1', userId: 'me', name: '我', departmentId: departments[0] ?? null, roles: [], permissions: new Set(permissions), dataScope: scope,
  visibleDepartmentIds: departments, timeZone: 'Asia/Shanghai',
});
const anOrder = (over: Partial<Order> = {}): Order => ({
  tenantId: 't1', id: 'o1', inquiryId: 'i1', title: '企业信用贷', companyName: '盛博科技', companyKey: '盛博科技', ownerId: 'other', departmentId: 'd2',
  handlerId: 'other', stageKey: 'initial_contact', stageBeforeOff: null, stageEnteredAt: new Date(0), offReason: null, completedAt: null,
  createdBy: 'other', createdAt: new Date(0), updatedAt: new Date(0), version: 1, ...over,
});

const SEES: readonly [string, Actor, Partial<Order>, boolean][] = [
  ['self scope, own order', actor('self'), { ownerId: 'me' }, true],
  ['self scope, someone else\'s', actor('self'), {}, false],
  ['self scope, handling it', actor('self'), { handlerId: 'me' }, true],
  ['department scope, the order\'s department', actor('department_tree', undefined, ['d1', 'd2']), {}, true],
  ['department scope, another department', actor('department_tree', undefined, ['d1']), {}, false],
  ['tenant scope', actor('tenant'), {}, true],
  ['tenant scope without order.read', actor('tenant', ['inquiry.read']), { ownerId: 'me' }, false],
];
for (const [what, a, o, sees] of SEES) {
  test(`${what}: ${sees ? 'sees' : 'does not see'} the order`, (t) => {
    t.is(canSeeOrder(a, anOrder(o)), sees);
  });
}

const codeOf = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return isDomainError(e) ? e.code : 'bug';
  }
};

test('an order of another tenant or out of sight is order.not_found; changing needs order.write', (t) => {
  t.is(codeOf(() => visibleOrder(actor('tenant'), anOrder({ tenantId: 't2' }), 'o1')), 'order.not_found');
  t.is(codeOf(() => visibleOrder(actor('self'), null, 'o1')), 'order.not_found');
  t.is(codeOf(() => writableOrder(actor('tenant', ['order.read']), anOrder(), 'o1')), 'auth.forbidden');
  t.is(codeOf(() => writableOrder(actor('tenant'), anOrder(), 'o1')), 'ok');
});

test('completed, lost and cancelled orders are refused with order.not_open', (t) => {
  t.is(codeOf(() => requireOpen(DEFAULT_PIPELINE_CONFIG, anOrder({ stageKey: 'contract_won' }))), 'ok');
  for (const stageKey of ['completed', 'lost', 'cancelled']) {
    t.is(codeOf(() => requireOpen(DEFAULT_PIPELINE_CONFIG, anOrder({ stageKey, stageBeforeOff: stageKey === 'completed' ? null : 'initial_contact' }))), 'order.not_open');
  }
});
