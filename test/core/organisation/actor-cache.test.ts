import test from 'ava';
import { ActorCache } from '../../../core/organisation/actor-cache.js';
import type { Actor } from '../../../core/organisation/actor.js';

const actor = (name: string): Actor => ({
  tenantId: 't', userId: 'u', name, departmentId: null, roles: [], permissions: new Set(), dataScope: 'self', visibleDepartmentIds: [], timeZone: 'Asia/Shanghai',
});

test('an actor is served until its time is up, then rebuilt', (t) => {
  const c = new ActorCache(10_000);
  const at = new Date('2026-11-26T00:00:00Z');
  c.set(ActorCache.key('t', 'u', 1), actor('孙露露'), at);
  t.is(c.get(ActorCache.key('t', 'u', 1), new Date(at.getTime() + 9_999))?.name, '孙露露');
  t.is(c.get(ActorCache.key('t', 'u', 1), new Date(at.getTime() + 10_000)), null);
});

test('a new version of the user is a different key, so a changed user is never served stale', (t) => {
  const c = new ActorCache();
  const at = new Date();
  c.set(ActorCache.key('t', 'u', 1), actor('旧'), at);
  t.is(c.get(ActorCache.key('t', 'u', 2), at), null);
});

test('the cache holds at most maxEntries, dropping the oldest', (t) => {
  const c = new ActorCache(60_000, 2);
  const at = new Date();
  c.set('a', actor('a'), at);
  c.set('b', actor('b'), at);
  c.set('c', actor('c'), at);
  t.is(c.get('a', at), null);
  t.is(c.get('c', at)?.name, 'c');
});
