// The per-process fan-out of the live badges: a signal reaches the streams of its firm AND its person only
// (the same person id under another firm is another person), garbage on the channel reaches nobody, a
// reconnection tells everyone to ask, and closing ends every stream and stops listening.
import test from 'ava';
import { InboxChanges, type InboxSignalSource } from '../../../adapters/live/inbox-changes.js';

function fakeSource() {
  const state = { started: 0, stopped: 0, on: null as Parameters<InboxSignalSource['start']>[0] | null };
  const source: InboxSignalSource = {
    async start(on) { state.started++; state.on = on; },
    async stop() { state.stopped++; },
  };
  return { source, state, send: (p: unknown) => state.on?.payload(typeof p === 'string' ? p : JSON.stringify(p)), missed: () => state.on?.missed() };
}

test('a signal reaches its firm\'s person only; garbage reaches nobody; a reconnection tells everyone; close ends all', async (t) => {
  const { source, state, send, missed } = fakeSource();
  const changes = new InboxChanges(source);
  t.is(state.started, 0, 'nothing listens before the first stream');
  const heard: string[] = [];
  const ended: string[] = [];
  const watcher = (name: string) => ({ changed: () => heard.push(name), end: () => ended.push(name) });
  const stopA = await changes.watch('firm-1', 'user-1', watcher('a'));
  await changes.watch('firm-2', 'user-1', watcher('same id, other firm'));
  await changes.watch('firm-1', 'user-2', watcher('colleague'));
  t.is(state.started, 1, 'one source for all streams');

  send({ t: 'firm-1', u: ['user-1'] });
  t.deepEqual(heard, ['a']);
  send({ t: 'firm-1', u: ['user-2', 'user-3'] });
  t.deepEqual(heard, ['a', 'colleague']);
  for (const bad of ['', 'not json', { t: 'firm-1' }, { t: 1, u: ['user-1'] }, { t: 'firm-1', u: [1] }]) send(bad);
  t.deepEqual(heard, ['a', 'colleague']);

  stopA();
  send({ t: 'firm-1', u: ['user-1'] });
  t.deepEqual(heard, ['a', 'colleague'], 'a closed stream hears nothing');
  t.is(changes.watching, 2);
  missed();
  t.deepEqual(heard.slice(2).sort(), ['colleague', 'same id, other firm']);

  await changes.close();
  t.deepEqual(ended.sort(), ['colleague', 'same id, other firm']);
  t.is(state.stopped, 1);
  t.false(changes.live);
  await t.throwsAsync(changes.watch('firm-1', 'user-1', watcher('late')));
});

test('without a source (PostgreSQL with no listen URL) nothing is live', async (t) => {
  const changes = new InboxChanges(null);
  t.false(changes.live);
  await t.throwsAsync(changes.watch('firm-1', 'user-1', { changed: () => {}, end: () => {} }));
  await changes.close();
});
