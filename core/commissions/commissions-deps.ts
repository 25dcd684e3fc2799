// What every commission use case shares: its ports, the firm's calendar, and who may see whose commission.
import { notFound, localDate, type Clock, type IdGenerator, type Tx, type UnitOfWork } from '../shared/index.js';
import { can, inScope, PERMISSIONS, type Actor, type OrganisationRepository } from '../organisation/index.js';
import type { CommissionRepository, OrderPeopleQuery } from './ports.js';

export interface CommissionsDeps {
  readonly uow: UnitOfWork;
  readonly commissions: CommissionRepository;
  readonly people: OrderPeopleQuery;
  readonly org: OrganisationRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The firm's calendar day of an instant (confirmation, reversal, today). */
export async function firmDay(d: Pick<CommissionsDeps, 'org'>, tx: Tx, tenantId: string, at: Date): Promise<string> {
  const tenant = await d.org.getTenant(tx, tenantId);
  return localDate(at, tenant?.timeZone ?? DEFAULT_TIME_ZONE);
}

/**
 * Whose commission an actor may see: always their own; someone else's with finance.read when the person (as
 * owner) or the person's department is inside the actor's data scope — a 销售 (self) sees only their own, a
 * 部门经理 their department's, finance the whole firm.
 */
export function maySee(actor: Actor, personId: string, departmentId: string | null): boolean {
  if (personId === actor.userId) return true;
  return can(actor, PERMISSIONS.financeRead) && inScope(actor, { ownerId: personId, departmentId });
}

export function commissionNotFound(personId: string): never {
  throw notFound('commission', '提成', personId);
}
