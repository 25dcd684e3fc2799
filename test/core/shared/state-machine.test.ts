import test from 'ava';
import { fire, validateMachine, eventsFrom, toMermaid, type MachineDef } from '../../../core/shared/state-machine.js';
import { DomainError } from '../../../core/shared/domain-error.js';

type S = 'draft' | 'open' | 'done';
type E = 'open' | 'finish' | 'back';
interface C { ready: boolean }
const def: MachineDef<S, E, C, { to?: S }> = {
  name: 'thing',
  states: ['draft', 'open', 'done'],
  initial: 'draft',
  final: ['done'],
  transitions: [
    { from: ['draft'], event: 'open', to: 'open' },
    { from: ['open'], event: 'finish', to: 'done', guards: [(c) => (c.ready ? null : { code: 'not_ready', zh: '未就绪', en: 'not ready' })] },
    { from: ['open'], event: 'back', to: (_f, p) => p.to ?? 'draft' },
  ],
};

test('an allowed event moves to its target state', (t) => {
  t.deepEqual(fire(def, 'draft', 'open', { ready: false }, {}), { from: 'draft', to: 'open', event: 'open' });
});

test('an event the table does not allow is refused with a code naming state and event', (t) => {
  const r = fire(def, 'draft', 'finish', { ready: true }, {});
  t.true(r instanceof DomainError);
  t.is((r as DomainError).code, 'thing.transition_not_allowed');
  t.deepEqual((r as DomainError).details, { state: 'draft', event: 'finish' });
});

test('an unmet guard refuses the event and lists the condition', (t) => {
  const r = fire(def, 'open', 'finish', { ready: false }, {}) as DomainError;
  t.is(r.code, 'thing.guard_failed');
  t.deepEqual((r.details.unmet as { code: string }[]).map((u) => u.code), ['not_ready']);
});

test('a computed target follows the payload', (t) => {
  t.is((fire(def, 'open', 'back', { ready: true }, { to: 'open' }) as { to: S }).to, 'open');
});

test('validation finds unreachable states and unknown targets (a computed target counts as reaching all)', (t) => {
  t.deepEqual(validateMachine(def), []);
  const broken = { ...def, states: [...def.states, 'orphan'] as S[], transitions: [...def.transitions.filter((x) => x.event !== 'back'), { from: ['draft'] as S[], event: 'open' as E, to: 'nowhere' as S }] };
  const problems = validateMachine(broken);
  t.true(problems.includes('state "orphan" cannot be reached'));
  t.true(problems.includes('transition open to unknown "nowhere"'));
});

test('events are listed per state and the diagram names every state', (t) => {
  t.deepEqual(eventsFrom(def, 'open'), ['finish', 'back']);
  const m = toMermaid(def);
  t.true(m.startsWith('stateDiagram-v2'));
  t.true(m.includes('s0 --> s1: open'));
});
