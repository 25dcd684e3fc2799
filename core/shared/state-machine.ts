// The one generic state machine: a process is data (states and allowed transitions), this file runs it.
// Used by the order pipeline, application status, approvals and invoices; validated when loaded.
import { DomainError, domainError } from './domain-error.js';

/** A guard is a pure check on data loaded beforehand; it returns the unmet condition or null. */
export interface UnmetCondition {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}
export type Guard<C> = (context: C) => UnmetCondition | null;

export interface TransitionDef<S extends string, E extends string, C, P> {
  readonly from: readonly S[] | '*';
  readonly event: E;
  /** A fixed target, or one computed from the current state and the event's payload (回退 to a chosen stage). */
  readonly to: S | ((from: S, payload: P) => S | DomainError);
  readonly guards?: readonly Guard<C>[];
}

export interface MachineDef<S extends string, E extends string, C = unknown, P = unknown> {
  /** Prefix of the error codes: `${name}.transition_not_allowed`, `${name}.guard_failed`. */
  readonly name: string;
  readonly states: readonly S[];
  readonly initial: S;
  readonly final: readonly S[];
  readonly transitions: readonly TransitionDef<S, E, C, P>[];
  /** Names shown to people, for error messages and diagrams. */
  readonly labels?: Partial<Record<S | E, string>>;
}

export interface Fired<S extends string, E extends string> {
  readonly from: S;
  readonly to: S;
  readonly event: E;
}

function matches<S extends string>(from: readonly S[] | '*', state: S): boolean {
  return from === '*' || from.includes(state);
}

/** Events that the table allows from a state (guards not evaluated). */
export function eventsFrom<S extends string, E extends string, C, P>(def: MachineDef<S, E, C, P>, state: S): E[] {
  return [...new Set(def.transitions.filter((t) => matches(t.from, state)).map((t) => t.event))];
}

/** Fires an event: the target state, or a DomainError naming the state and event, listing every unmet guard. */
export function fire<S extends string, E extends string, C, P>(
  def: MachineDef<S, E, C, P>,
  state: S,
  event: E,
  context: C,
  payload: P,
): Fired<S, E> | DomainError {
  const label = (k: S | E): string => def.labels?.[k] ?? k;
  const t = def.transitions.find((x) => x.event === event && matches(x.from, state));
  if (!t) {
    return domainError(
      `${def.name}.transition_not_allowed`,
      'rule',
      `当前状态「${label(state)}」不能执行「${label(event)}」`,
      `"${event}" is not allowed in state "${state}"`,
      { state, event },
    );
  }
  const unmet = (t.guards ?? []).map((g) => g(context)).filter((u): u is UnmetCondition => u !== null);
  if (unmet.length > 0) {
    return domainError(
      `${def.name}.guard_failed`,
      'rule',
      `「${label(state)}」还不能「${label(event)}」：${unmet.map((u) => u.zh).join('；')}`,
      `Cannot ${event} from "${state}" yet: ${unmet.map((u) => u.en).join('; ')}`,
      { state, event, unmet },
    );
  }
  const to = typeof t.to === 'function' ? t.to(state, payload) : t.to;
  if (to instanceof DomainError) return to;
  if (!def.states.includes(to)) {
    return domainError(`${def.name}.unknown_state`, 'invalid', `没有状态「${to}」`, `There is no state "${to}"`, { to });
  }
  return { from: state, to, event };
}

/** Checks a definition when it is loaded: known states, an initial and final state, everything reachable. */
export function validateMachine<S extends string, E extends string, C, P>(def: MachineDef<S, E, C, P>): string[] {
  const problems: string[] = [];
  const known = new Set<string>(def.states);
  if (new Set(def.states).size !== def.states.length) problems.push('duplicate state names');
  if (!known.has(def.initial)) problems.push(`initial state "${def.initial}" is not a state`);
  if (def.final.length === 0) problems.push('no final state');
  for (const f of def.final) if (!known.has(f)) problems.push(`final state "${f}" is not a state`);
  for (const t of def.transitions) {
    if (t.from !== '*') for (const f of t.from) if (!known.has(f)) problems.push(`transition ${t.event} from unknown "${f}"`);
    if (typeof t.to === 'string' && !known.has(t.to)) problems.push(`transition ${t.event} to unknown "${t.to}"`);
  }
  // Reachability from the initial state; a computed target may reach any state, so it counts as all.
  const seen = new Set<string>([def.initial]);
  const queue: S[] = [def.initial];
  while (queue.length > 0) {
    const s = queue.shift() as S;
    for (const t of def.transitions) {
      if (!matches(t.from, s)) continue;
      const targets = typeof t.to === 'string' ? [t.to] : def.states;
      for (const x of targets) if (!seen.has(x)) { seen.add(x); queue.push(x); }
    }
  }
  for (const s of def.states) if (!seen.has(s)) problems.push(`state "${s}" cannot be reached`);
  return problems;
}

/** A Mermaid state diagram of the table, for docs/. */
export function toMermaid<S extends string, E extends string, C, P>(def: MachineDef<S, E, C, P>): string {
  const id = (s: string): string => `s${def.states.indexOf(s as S)}`;
  const lines = ['stateDiagram-v2'];
  for (const s of def.states) lines.push(`  ${id(s)}: ${def.labels?.[s] ?? s}`);
  lines.push(`  [*] --> ${id(def.initial)}`);
  for (const t of def.transitions) {
    const froms = t.from === '*' ? def.states : t.from;
    const label = def.labels?.[t.event] ?? t.event;
    for (const f of froms) {
      if (typeof t.to === 'string') lines.push(`  ${id(f)} --> ${id(t.to)}: ${label}`);
      else lines.push(`  ${id(f)} --> ${id(f)}: ${label} (target chosen)`);
    }
  }
  for (const f of def.final) lines.push(`  ${id(f)} --> [*]`);
  return lines.join('\n') + '\n';
}
