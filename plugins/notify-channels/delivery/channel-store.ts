// Each firm's channel settings: what the vendor's console gave the administrator. The secret is sealed with
// the installation's keyring as it is saved and opened only to build a client; it is never answered back.
import type { Knex } from 'knex';
import type { Channel, Cipher, NotificationKind } from 'yunzhou/plugin';

export interface WeComSettings { readonly corpId: string; readonly agentId: number }
export interface DingTalkSettings { readonly appKey: string; readonly agentId: number }
export interface SmsSettings {
  readonly accessKeyId: string;
  readonly signName: string;
  /** The approved template's code per kind; a kind without one sends no SMS. */
  readonly templates: Readonly<Partial<Record<NotificationKind, string>>>;
}
export type ChannelSettings = WeComSettings | DingTalkSettings | SmsSettings;

export interface ChannelConfig {
  readonly channel: Channel;
  readonly enabled: boolean;
  readonly baseUrl: string | null;
  readonly settings: Record<string, unknown>;
  readonly updatedAt: Date;
}

export interface OpenChannel extends ChannelConfig {
  readonly secret: string;
}

const toConfig = (r: Record<string, any>): ChannelConfig => ({
  channel: r.channel, enabled: r.enabled, baseUrl: r.base_url ?? null, settings: r.settings, updatedAt: new Date(r.updated_at),
});

export class ChannelStore {
  constructor(private readonly knex: () => Knex, private readonly cipher: () => Cipher) {}

  /** The firm's channels without their secrets (for the settings screen). */
  async list(tenantId: string): Promise<ChannelConfig[]> {
    const rows = await this.knex()('notifications_channels').where({ tenant_id: tenantId }).orderBy('channel');
    return rows.map(toConfig);
  }

  /** A channel with its secret opened, or null when the firm has not set it up. */
  async open(tenantId: string, channel: Channel): Promise<OpenChannel | null> {
    const r = await this.knex()('notifications_channels').where({ tenant_id: tenantId, channel }).first();
    return r ? { ...toConfig(r), secret: this.cipher().decrypt(r.secret_sealed) } : null;
  }

  /** Saves whole; a null secret keeps the stored one. False when there is none to keep (the first save). */
  async save(tenantId: string, c: Omit<ChannelConfig, 'updatedAt'> & { secret: string | null }, at: Date): Promise<boolean> {
    const existing = await this.knex()('notifications_channels').where({ tenant_id: tenantId, channel: c.channel }).first();
    if (c.secret === null && !existing) return false;
    await this.knex()('notifications_channels').insert({
      tenant_id: tenantId, channel: c.channel, enabled: c.enabled, base_url: c.baseUrl, settings: JSON.stringify(c.settings),
      secret_sealed: c.secret === null ? existing.secret_sealed : this.cipher().encrypt(c.secret), updated_at: at,
    }).onConflict(['tenant_id', 'channel']).merge();
    return true;
  }

  /** The chat app a firm's people get by default: the first enabled of WeCom and DingTalk. */
  async chatApp(tenantId: string): Promise<'wecom' | 'dingtalk' | null> {
    const rows = await this.knex()('notifications_channels').where({ tenant_id: tenantId, enabled: true }).whereIn('channel', ['wecom', 'dingtalk']).select('channel');
    const on = new Set(rows.map((r: { channel: string }) => r.channel));
    return on.has('wecom') ? 'wecom' : on.has('dingtalk') ? 'dingtalk' : null;
  }

  async enabled(tenantId: string): Promise<Set<Channel>> {
    const rows = await this.knex()('notifications_channels').where({ tenant_id: tenantId, enabled: true }).select('channel');
    return new Set(rows.map((r: { channel: Channel }) => r.channel));
  }
}

/** Preferences as stored, read back over the defaults (a kind added in a later release gets its default). */
export class PreferenceStore {
  constructor(private readonly knex: () => Knex) {}

  async get(tenantId: string, userId: string): Promise<Record<string, unknown> | null> {
    const r = await this.knex()('notifications_preferences').where({ tenant_id: tenantId, user_id: userId }).first();
    return r ? (r.preferences as Record<string, unknown>) : null;
  }

  async save(tenantId: string, userId: string, preferences: unknown, at: Date): Promise<void> {
    await this.knex()('notifications_preferences').insert({ tenant_id: tenantId, user_id: userId, preferences: JSON.stringify(preferences), updated_at: at })
      .onConflict(['tenant_id', 'user_id']).merge();
  }
}
