// A person with several roles sees as far as the widest of them; the console shows the same rule's answer.
import test from 'ava';
import { widestDataScope } from '../../../core/organisation/actor.js';

test('the widest of the roles’ data scopes, self when there are none', (t) => {
  t.is(widestDataScope([]), 'self');
  t.is(widestDataScope(['self']), 'self');
  t.is(widestDataScope(['department', 'self']), 'department');
  t.is(widestDataScope(['self', 'department_tree', 'department']), 'department_tree');
  t.is(widestDataScope(['department_tree', 'tenant', 'self']), 'tenant');
});
