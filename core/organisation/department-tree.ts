// Department tree rules: who sees which departments, and moves that would make a cycle.
import type { Department } from './types.js';

/** The department and all its descendants (the 'department_tree' data scope). */
export function subtreeIds(departments: readonly Department[], rootId: string): string[] {
  const children = new Map<string | null, string[]>();
  for (const d of departments) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  const out: string[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.includes(id)) continue;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** The chain of departments from one up to the root (for "the head N levels up"). */
export function ancestry(departments: readonly Department[], id: string): Department[] {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const chain: Department[] = [];
  let cur = byId.get(id);
  while (cur && !chain.includes(cur)) {
    chain.push(cur);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return chain;
}

/** Moving a department under one of its own descendants would detach a loop from the tree. */
export function wouldCycle(departments: readonly Department[], id: string, newParentId: string | null): boolean {
  return newParentId !== null && subtreeIds(departments, id).includes(newParentId);
}
