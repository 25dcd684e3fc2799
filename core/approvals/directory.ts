// Who can approve: the people data a use case loads before calling the engine (no I/O in here).
import type { NodeDef } from './flow-definition.js';

export interface DirectoryUser {
  readonly id: string;
  /** A person who left or was disabled never receives a task. */
  readonly active: boolean;
  readonly roles: readonly string[];
}

export interface Directory {
  /** The tenant's users (administrators included), in the order approvers of a role are asked. */
  readonly users: readonly DirectoryUser[];
  /** Heads of the submitter's department, then of its parent, and so on up (null where none is set). */
  readonly submitterDepartmentHeads: readonly (string | null)[];
  /** Users who administer approvals (approval.admin): they may decide on behalf (代审); the first takes
   * unassignable and escalated work. */
  readonly administratorIds: readonly string[];
}

function user(directory: Directory, id: string): DirectoryUser | undefined {
  return directory.users.find((u) => u.id === id);
}

/** Only active users of the directory can act or receive work. */
export function isActiveUser(directory: Directory, id: string): boolean {
  return user(directory, id)?.active === true;
}

/** Whether the person holds the role (a node limited to a role accepts only such people). */
export function hasRole(directory: Directory, id: string, role: string): boolean {
  return user(directory, id)?.roles.includes(role) === true;
}

/** An administrator may decide on behalf of an approver (代审) only while active. */
export function isAdministrator(directory: Directory, id: string): boolean {
  return directory.administratorIds.includes(id) && isActiveUser(directory, id);
}

/** The administrator who takes work nobody else can do: the first active one, other than `except`. */
export function pickAdministrator(directory: Directory, except: string | null = null): string | null {
  return directory.administratorIds.find((id) => id !== except && isActiveUser(directory, id)) ?? null;
}

/** The approvers the submitter chose for a node (own keys only: a node key never reaches a prototype). */
export function chosenFor(chosen: Readonly<Record<string, readonly string[]>>, nodeKey: string): readonly string[] {
  return Object.hasOwn(chosen, nodeKey) ? chosen[nodeKey] ?? [] : [];
}

/** The active approvers of a node, in order, each once; empty when nobody can approve it. */
export function resolveApprovers(node: NodeDef, directory: Directory, chosen: readonly string[] = []): string[] {
  let ids: readonly string[];
  const spec = node.approvers;
  switch (spec.kind) {
    case 'users':
      ids = spec.userIds;
      break;
    case 'role':
      ids = directory.users.filter((u) => u.roles.includes(spec.role)).map((u) => u.id);
      break;
    case 'department_head': {
      const head = directory.submitterDepartmentHeads[spec.levelsUp];
      ids = head ? [head] : [];
      break;
    }
    case 'submitter_chooses':
      ids = spec.role === undefined ? chosen : chosen.filter((id) => hasRole(directory, id, spec.role as string));
      break;
  }
  return [...new Set(ids)].filter((id) => isActiveUser(directory, id));
}
