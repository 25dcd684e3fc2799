import { token } from '../area.js';
import type { KnexOutboxStore } from '../../events/knex-outbox-store.js';
import type { OutboxRelay } from '../../events/outbox-relay.js';
import type { OutboxAdmin } from '../../events/outbox-admin.js';
import type { KnexSlotStore } from '../../scheduler/knex-slot-store.js';
import type { Scheduler } from '../../scheduler/scheduler.js';

export const OutboxStoreToken = token<KnexOutboxStore>('OutboxStore');
export const OutboxRelayToken = token<OutboxRelay>('OutboxRelay');
export const OutboxAdminToken = token<OutboxAdmin>('OutboxAdmin');
export const SlotStoreToken = token<KnexSlotStore>('SlotStore');
export const SchedulerToken = token<Scheduler>('Scheduler');
