// The one rule for a customer's contact data on the way out of every route and document: a customer's
// mobile shows in full to the record's owner and to holders of inquiry.view_mobile, as 138****5678 to anyone
// else. (ID numbers, bank cards and tax secrets are sealed and go through revealSensitive with
// order.view_sensitive; staff's own mobiles in the user directory follow org.manage, see docs/security.md.)
import { maskMobile } from '../identity/index.js';
import { can, PERMISSIONS, type Actor } from '../organisation/index.js';

/** Whether the actor may see the mobile of a customer record owned by `ownerId` (null: in a pool) in clear. */
export function maySeeCustomerMobile(actor: Actor, ownerId: string | null): boolean {
  return ownerId === actor.userId || can(actor, PERMISSIONS.mobileView);
}

/** A customer's mobile as the actor may see it: in full or masked; empty stays empty. */
export function customerMobileFor<T extends string | null | undefined>(actor: Actor, ownerId: string | null, mobile: T): T {
  if (!mobile || maySeeCustomerMobile(actor, ownerId)) return mobile;
  return maskMobile(mobile) as T;
}
