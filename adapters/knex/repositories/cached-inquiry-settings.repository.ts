// The inquiry settings are read by nearly every inquiry request (levels for labels, lists for checks) and
// change a few times a year: this decorator keeps each firm's for a few seconds, so 查重 and lists cost one
// round trip instead of two. A save in this process drops the firm's entry at once; another process sees it
// within the TTL. A use case that must see the stored version (saving settings) asks for a fresh read.
import type { Tx } from '../../../core/shared/ports.js';
import type { InquirySettingsRepository } from '../../../core/inquiries/ports.js';
import type { InquirySettings, TenantInquirySettings } from '../../../core/inquiries/types.js';

export class CachedInquirySettingsRepository implements InquirySettingsRepository {
  private readonly entries = new Map<string, { value: TenantInquirySettings; until: number }>();
  /** After a save, a firm's settings are read through for a TTL: its transaction may not have committed yet. */
  private readonly readThroughUntil = new Map<string, number>();

  constructor(private readonly inner: InquirySettingsRepository, private readonly ttlMs = 5000) {}

  async load(tx: Tx, tenantId: string, options: { fresh?: boolean } = {}): Promise<TenantInquirySettings | null> {
    const now = performance.now();
    const hit = this.entries.get(tenantId);
    if (!options.fresh && hit && hit.until > now) return hit.value;
    const value = await this.inner.load(tx, tenantId, options);
    if (value && (this.readThroughUntil.get(tenantId) ?? 0) <= now) this.entries.set(tenantId, { value, until: now + this.ttlMs });
    else this.entries.delete(tenantId);
    return value;
  }

  async save(tx: Tx, tenantId: string, settings: InquirySettings, actorId: string): Promise<boolean> {
    this.entries.delete(tenantId);
    this.readThroughUntil.set(tenantId, performance.now() + this.ttlMs);
    return this.inner.save(tx, tenantId, settings, actorId);
  }

  tenantIds(tx: Tx): Promise<string[]> {
    return this.inner.tenantIds(tx);
  }
}
