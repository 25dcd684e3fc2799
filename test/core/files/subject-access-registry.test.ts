import test from 'ava';
import { SubjectAccessRegistry } from '../../../core/files/subject-access-registry.js';
import type { SubjectAccess } from '../../../core/files/ports.js';
import type { Actor } from '../../../core/organisation/actor.js';
import type { Tx } from '../../../core/shared/ports.js';
import { isDomainError } from '../../../core/shared/domain-error.js';

const tx = {} as Tx;
const actor = { tenantId: 't', userId: 'u' } as Actor;

function recording(log: string[], name: string): SubjectAccess {
  return {
    assertCanRead: async (_tx, _a, type, id) => { log.push(`${name}:read:${type}:${id}`); },
    assertCanWrite: async (_tx, _a, type, id) => { log.push(`${name}:write:${type}:${id}`); },
  };
}

test('each subject type is answered by the access check registered for it', async (t) => {
  const log: string[] = [];
  const registry = new SubjectAccessRegistry([{ subjectType: 'order', access: recording(log, 'orders') }]);
  registry.register('invoice', recording(log, 'invoices'));
  await registry.assertCanRead(tx, actor, 'order', 'o1');
  await registry.assertCanWrite(tx, actor, 'invoice', 'i1');
  t.deepEqual(log, ['orders:read:order:o1', 'invoices:write:invoice:i1']);
  t.deepEqual(registry.types(), ['invoice', 'order']);
});

test('an unregistered subject type is refused with file.unknown_subject_type', async (t) => {
  const registry = new SubjectAccessRegistry();
  const e = await t.throwsAsync(registry.assertCanRead(tx, actor, 'customer', 'c1'));
  t.true(isDomainError(e));
  t.is((e as { code?: string }).code, 'file.unknown_subject_type');
});

test('registering a subject type twice, or a badly named one, is a wiring bug', (t) => {
  const registry = new SubjectAccessRegistry([{ subjectType: 'order', access: recording([], 'a') }]);
  t.throws(() => registry.register('order', recording([], 'b')), { message: /already has a SubjectAccess/ });
  t.throws(() => registry.register('Order Files', recording([], 'b')), { message: /snake_case/ });
});
