// The lifecycle moves other areas trigger inside their own transaction: 准客户 when an order is created,
// 客户 when a contract is won, and the tax id the enterprise profile learns.
import { notFound, validationFailed, type Clock, type EventSink, type Timeline, type Tx, type FieldError } from '../shared/index.js';
import { normalizeUscc } from '../identity/index.js';
import { identityField } from './field-checks.js';
import { advanceLifecycle, LIFECYCLE_LABELS, poolOf, POOL_LABELS } from './lifecycle.js';
import type { InquiryLifecycle, InquiryRepository, LifecycleChange } from './ports.js';
import { entry, event, requireActive, storedInquiry, versionConflict } from './records.js';
import type { Inquiry, InquiryDetail, Lifecycle } from './types.js';

export interface LifecycleDeps {
  readonly inquiries: InquiryRepository;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
}

export class InquiryLifecycleService implements InquiryLifecycle {
  constructor(private readonly d: LifecycleDeps) {}

  markProspect(tx: Tx, tenantId: string, inquiryId: string, actorId: string | null): Promise<LifecycleChange> {
    return this.move(tx, tenantId, inquiryId, actorId, 'prospect');
  }

  markCustomer(tx: Tx, tenantId: string, inquiryId: string, actorId: string | null): Promise<LifecycleChange> {
    return this.move(tx, tenantId, inquiryId, actorId, 'customer');
  }

  find(tx: Tx, tenantId: string, inquiryId: string): Promise<InquiryDetail | null> {
    return this.d.inquiries.get(tx, tenantId, inquiryId);
  }

  async recordTaxId(tx: Tx, tenantId: string, inquiryId: string, taxId: string, actorId: string | null): Promise<void> {
    const errors: FieldError[] = [];
    const normalized = identityField(taxId, '/taxId', normalizeUscc, errors);
    if (normalized === undefined) throw validationFailed(errors);
    const cur = await this.load(tx, tenantId, inquiryId);
    if (cur.taxId === normalized) return;
    const next: Inquiry = { ...storedInquiry(cur), taxId: normalized, updatedAt: this.d.clock.now(), version: cur.version + 1 };
    if ((await this.d.inquiries.update(tx, next)) !== 'ok') throw versionConflict();
    await this.d.timeline.record(tx, [entry(cur, actorId, 'inquiry.tax_id_recorded', `企业税号：${normalized}`, { taxId: normalized })]);
  }

  private async load(tx: Tx, tenantId: string, inquiryId: string): Promise<InquiryDetail> {
    const cur = await this.d.inquiries.get(tx, tenantId, inquiryId, { lock: true });
    if (!cur) throw notFound('inquiry', '咨询', inquiryId);
    requireActive(cur);
    return cur;
  }

  private async move(tx: Tx, tenantId: string, inquiryId: string, actorId: string | null, target: Lifecycle): Promise<LifecycleChange> {
    const cur = await this.load(tx, tenantId, inquiryId);
    const to = advanceLifecycle(cur.lifecycle, target);
    if (to === cur.lifecycle) return { inquiryId, from: cur.lifecycle, to, changed: false };
    const next: Inquiry = { ...storedInquiry(cur), lifecycle: to, updatedAt: this.d.clock.now(), version: cur.version + 1 };
    if ((await this.d.inquiries.update(tx, next)) !== 'ok') throw versionConflict();
    // A pooled record changes pools with its lifecycle (咨询公海 → 客户公海).
    const poolNote = cur.ownerId === null && poolOf(to) !== poolOf(cur.lifecycle) ? `，移入${POOL_LABELS[poolOf(to)]}` : '';
    await this.d.timeline.record(tx, [
      entry(cur, actorId, 'inquiry.lifecycle_changed', `由${LIFECYCLE_LABELS[cur.lifecycle]}转为${LIFECYCLE_LABELS[to]}${poolNote}`, { from: cur.lifecycle, to }),
    ]);
    await this.d.events.publish(tx, [event(cur, actorId, 'inquiry.lifecycle_changed', { from: cur.lifecycle, to })]);
    return { inquiryId, from: cur.lifecycle, to, changed: true };
  }
}
