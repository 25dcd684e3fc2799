// Which area answers for which subject type. Filled explicitly by the composition root (contributions bound
// in each area's ContainerModule) or by a host calling register(); files of an unregistered type are refused.
import type { Tx } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import { unknownSubjectType } from './errors.js';
import type { SubjectAccess, SubjectAccessContribution } from './ports.js';

export class SubjectAccessRegistry implements SubjectAccess {
  private readonly byType = new Map<string, SubjectAccess>();

  constructor(contributions: readonly SubjectAccessContribution[] = []) {
    for (const c of contributions) this.register(c.subjectType, c.access);
  }

  /** Adds the access check of one subject type; registering a type twice is a wiring bug. */
  register(subjectType: string, access: SubjectAccess): void {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(subjectType)) throw new Error(`Subject type '${subjectType}' must be lowercase snake_case`);
    if (this.byType.has(subjectType)) throw new Error(`Subject type '${subjectType}' already has a SubjectAccess`);
    this.byType.set(subjectType, access);
  }

  has(subjectType: string): boolean {
    return this.byType.has(subjectType);
  }

  types(): string[] {
    return [...this.byType.keys()].sort();
  }

  async assertCanRead(tx: Tx, actor: Actor, subjectType: string, subjectId: string): Promise<void> {
    return this.of(subjectType).assertCanRead(tx, actor, subjectType, subjectId);
  }

  async assertCanWrite(tx: Tx, actor: Actor, subjectType: string, subjectId: string): Promise<void> {
    return this.of(subjectType).assertCanWrite(tx, actor, subjectType, subjectId);
  }

  private of(subjectType: string): SubjectAccess {
    const access = this.byType.get(subjectType);
    if (!access) throw unknownSubjectType(subjectType);
    return access;
  }
}
