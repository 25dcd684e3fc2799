// The OrderSource that products read, made of the orders, inquiries and organisation areas' own ports: the
// order (scope, handler, stage), its enterprise profile (legal representative's ID number → birth date, tax
// id, mobile), the inquiry it came from (客户房产, the customer's mobile), the tenant's stage names and its
// time zone. No second copy of their queries.
import {
  deriveFromResidentId, DEFAULT_ORDER_SETTINGS, stageRows, pipelineStateName, type OrderRepository,
  type OrderSettingsRepository, type ProfileRepository,
} from '../orders/index.js';
import type { InquiryRepository } from '../inquiries/index.js';
import type { OrganisationRepository } from '../organisation/index.js';
import { SealedValueError, type Cipher } from '../security/index.js';
import { isDomainError, type Clock, type Tx } from '../shared/index.js';
import type { OrderProfileFacts } from './match-facts.js';
import type { OrderRef, OrderSource } from './ports.js';
import type { OrderStage } from './status-view.js';

export interface OrdersAreaSourceDeps {
  readonly orders: OrderRepository;
  readonly profiles: ProfileRepository;
  readonly settings: OrderSettingsRepository;
  readonly inquiries: InquiryRepository;
  readonly org: OrganisationRepository;
  readonly cipher: Cipher;
  readonly clock: Clock;
}

const NIL = '00000000-0000-0000-0000-000000000000';

export class OrdersAreaSource implements OrderSource {
  constructor(private readonly d: OrdersAreaSourceDeps) {}

  async findOrder(tx: Tx, tenantId: string, orderId: string): Promise<OrderRef | null> {
    const o = await this.d.orders.get(tx, tenantId, orderId);
    return o ? { id: o.id, title: o.title, ownerId: o.ownerId, departmentId: o.departmentId, handlerId: o.handlerId } : null;
  }

  async profileFacts(tx: Tx, tenantId: string, orderId: string): Promise<OrderProfileFacts> {
    const order = await this.d.orders.get(tx, tenantId, orderId);
    if (!order) return {};
    const profile = await this.d.profiles.get(tx, tenantId, orderId);
    const inquiry = await this.d.inquiries.get(tx, tenantId, order.inquiryId);
    const tenant = await this.d.org.getTenant(tx, tenantId);
    let birthDate: string | null = null;
    if (profile?.residentIdSealed) {
      try {
        // Only the birth date leaves this function: the number itself is never shown, so no unmasked read is logged.
        const derived = deriveFromResidentId(this.d.cipher.decrypt(profile.residentIdSealed), this.d.clock.now(), tenant?.timeZone ?? 'Asia/Shanghai');
        birthDate = derived?.birthDate ?? null;
      } catch (e) {
        if (!(e instanceof SealedValueError)) throw e; // a key no longer configured: the age is simply unknown
      }
    }
    return { legalRepBirthDate: birthDate, taxId: profile?.taxId ?? inquiry?.taxId ?? null, propertyType: inquiry?.propertyType ?? null };
  }

  /**
   * The order's stage for the status page and the mobiles the customer's digits are checked against. Every
   * lookup runs the same five queries, with a nil id where the order is missing, so that an unknown code
   * costs what a known one does.
   */
  async statusFacts(tx: Tx, tenantId: string, orderId: string): Promise<{ stage: OrderStage; mobiles: readonly string[]; timeZone: string } | null> {
    const order = await this.d.orders.get(tx, tenantId, orderId);
    const settings = (await this.d.settings.get(tx, tenantId)) ?? DEFAULT_ORDER_SETTINGS;
    const tenant = await this.d.org.getTenant(tx, tenantId);
    const inquiry = await this.d.inquiries.get(tx, tenantId, order?.inquiryId ?? NIL);
    const profile = await this.d.profiles.get(tx, tenantId, order?.id ?? NIL);
    if (!order || !tenant) return null;
    const config = settings.pipeline;
    let stages: OrderStage['stages'] = [];
    let progress = 0;
    try {
      const rows = stageRows(config, { stageKey: order.stageKey, ...(order.stageBeforeOff ? { stageBeforeOff: order.stageBeforeOff } : {}) });
      stages = rows.map((r) => ({ name: r.name, progress: r.progress }));
      progress = rows.filter((r) => r.reached).reduce((max, r) => Math.max(max, r.progress), 0);
    } catch (e) {
      if (!isDomainError(e)) throw e; // a stage since removed from the configuration: show its key, no bar
    }
    const mobiles = [inquiry?.mobile, profile?.legalPersonMobile].filter((m): m is string => typeof m === 'string' && m.length > 0);
    return { stage: { stageName: pipelineStateName(config, order.stageKey), progress, stages }, mobiles, timeZone: tenant.timeZone };
  }
}
