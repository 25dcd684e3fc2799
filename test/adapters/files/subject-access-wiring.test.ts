// An area (or a plugin) registers its subject type by binding a SubjectAccessContribution in its
// ContainerModule; the files module collects every contribution when the Crm starts.
import test from 'ava';
import { ContainerModule } from 'inversify';
import { testCrm } from '../../support/crm.js';
import { SubjectAccessRegistryToken } from '../../../adapters/composition/areas/files.tokens.js';
import { SubjectAccessContribution, type SubjectAccess } from '../../../core/files/ports.js';
import type { SubjectAccessRegistry } from '../../../core/files/subject-access-registry.js';

test('contributions bound in ContainerModules become the registry of subject types', async (t) => {
  const seen: string[] = [];
  const access: SubjectAccess = {
    assertCanRead: async (_tx, _actor, type, id) => { seen.push(`read ${type} ${id}`); },
    assertCanWrite: async (_tx, _actor, type, id) => { seen.push(`write ${type} ${id}`); },
  };
  const crm = await testCrm('pglite', {
    plugins: [{
      name: 'widgets',
      facade: {},
      module: new ContainerModule(({ bind }) => {
        bind<SubjectAccessContribution>(SubjectAccessContribution).toConstantValue({ subjectType: 'widget', access });
        bind<SubjectAccessContribution>(SubjectAccessContribution).toConstantValue({ subjectType: 'gadget', access });
      }),
    }],
  });
  t.teardown(() => crm.close());
  const registry = crm.container.get<SubjectAccessRegistry>(SubjectAccessRegistryToken);
  t.true(registry.has('widget'));
  t.true(registry.has('gadget'));
  await registry.assertCanRead({} as never, {} as never, 'widget', 'w1');
  t.deepEqual(seen, ['read widget w1']);
});

test('a subject type nobody contributed is refused', async (t) => {
  const crm = await testCrm('pglite');
  t.teardown(() => crm.close());
  const registry = crm.container.get<SubjectAccessRegistry>(SubjectAccessRegistryToken);
  t.false(registry.has('widget'));
  await t.throwsAsync(registry.assertCanWrite({} as never, {} as never, 'widget', 'w1'), { message: /file.unknown_subject_type/ });
});
