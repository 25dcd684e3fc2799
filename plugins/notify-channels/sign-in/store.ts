// What the workbench sign-in keeps: each firm's vendor credentials (the secret sealed with the keyring),
// the link from a vendor's user id to a yunzhou user, and the one-time `state` of each sign-in under way.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Cipher, Migration } from 'yunzhou/plugin';

export type WorkbenchVendor = 'wecom' | 'dingtalk';
export const VENDORS: readonly WorkbenchVendor[] = ['wecom', 'dingtalk'];

export const signInTables: Migration = {
  name: '202612060001_workbench_sign_in',
  async up(knex) {
    await knex.schema.createTable('workbench_credentials', (t) => {
      t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('vendor').notNullable();
      /** WeCom 企业ID (CorpID) or DingTalk CorpId. */
      t.text('corp_id').notNullable();
      /** DingTalk AppKey (Client ID); null for WeCom. */
      t.text('app_key');
      t.integer('agent_id').notNullable();
      /** The application's secret, sealed with the installation's keyring (v1:<keyId>:…). */
      t.text('secret_sealed').notNullable();
      /** The vendor's server API; null for the vendor's own. */
      t.text('base_url');
      /** WeCom: the OAuth authorize page's base; DingTalk: the JSAPI script's URL. Null for the vendor's own. */
      t.text('browser_url');
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.primary(['tenant_id', 'vendor']);
    });
    await knex.schema.createTable('workbench_identities', (t) => {
      t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('vendor').notNullable();
      t.text('vendor_user_id').notNullable();
      t.uuid('user_id').notNullable();
      t.timestamp('linked_at', { useTz: true }).notNullable();
      t.primary(['tenant_id', 'vendor', 'vendor_user_id']);
      t.index(['tenant_id', 'user_id']);
    });
    await knex.schema.createTable('workbench_states', (t) => {
      /** SHA-256 of the state: the database never holds a usable one. */
      t.text('digest').primary();
      t.uuid('tenant_id').notNullable();
      t.text('vendor').notNullable();
      /** Where in the console to land after sign-in (a path of this server). */
      t.text('next').notNullable();
      t.timestamp('expires_at', { useTz: true }).notNullable();
    });
  },
};

export interface Credentials {
  readonly vendor: WorkbenchVendor;
  readonly corpId: string;
  readonly appKey: string | null;
  readonly agentId: number;
  readonly secret: string;
  readonly baseUrl: string | null;
  readonly browserUrl: string | null;
  readonly updatedAt: Date;
}

export class SignInStore {
  constructor(private readonly knex: () => Knex, private readonly cipher: () => Cipher) {}

  async credentials(tenantId: string, vendor: WorkbenchVendor): Promise<Credentials | null> {
    const r = await this.knex()('workbench_credentials').where({ tenant_id: tenantId, vendor }).first();
    if (!r) return null;
    return {
      vendor, corpId: r.corp_id, appKey: r.app_key ?? null, agentId: Number(r.agent_id), secret: this.cipher().decrypt(r.secret_sealed),
      baseUrl: r.base_url ?? null, browserUrl: r.browser_url ?? null, updatedAt: new Date(r.updated_at),
    };
  }

  /** Saves whole; a null secret keeps the stored one (the console never sees it to send back). */
  async saveCredentials(tenantId: string, c: Omit<Credentials, 'secret'> & { secret: string | null }): Promise<boolean> {
    const existing = await this.knex()('workbench_credentials').where({ tenant_id: tenantId, vendor: c.vendor }).first();
    if (c.secret === null && !existing) return false;
    const row = {
      tenant_id: tenantId, vendor: c.vendor, corp_id: c.corpId, app_key: c.appKey, agent_id: c.agentId,
      secret_sealed: c.secret === null ? existing.secret_sealed : this.cipher().encrypt(c.secret),
      base_url: c.baseUrl, browser_url: c.browserUrl, updated_at: c.updatedAt,
    };
    await this.knex()('workbench_credentials').insert(row).onConflict(['tenant_id', 'vendor']).merge();
    return true;
  }

  async linkedUser(tenantId: string, vendor: WorkbenchVendor, vendorUserId: string): Promise<string | null> {
    const r = await this.knex()('workbench_identities').where({ tenant_id: tenantId, vendor, vendor_user_id: vendorUserId }).first();
    return r ? (r.user_id as string) : null;
  }

  async link(tenantId: string, vendor: WorkbenchVendor, vendorUserId: string, userId: string, at: Date): Promise<void> {
    await this.knex()('workbench_identities')
      .insert({ tenant_id: tenantId, vendor, vendor_user_id: vendorUserId, user_id: userId, linked_at: at })
      .onConflict(['tenant_id', 'vendor', 'vendor_user_id']).merge(['user_id', 'linked_at']);
  }

  async saveState(state: string, s: { tenantId: string; vendor: WorkbenchVendor; next: string; expiresAt: Date }): Promise<void> {
    await this.knex()('workbench_states').insert({ digest: digest(state), tenant_id: s.tenantId, vendor: s.vendor, next: s.next, expires_at: s.expiresAt });
  }

  /** The state's sign-in, once: it is deleted as it is read, so a second use finds nothing. */
  async takeState(state: string, now: Date): Promise<{ tenantId: string; vendor: WorkbenchVendor; next: string } | null> {
    const [r] = await this.knex()('workbench_states').where({ digest: digest(state) }).delete().returning(['tenant_id', 'vendor', 'next', 'expires_at']);
    // Expired states are swept on the way (a sign-in abandoned at the vendor's page leaves one behind).
    await this.knex()('workbench_states').where('expires_at', '<', now).delete();
    if (!r || new Date(r.expires_at) <= now) return null;
    return { tenantId: r.tenant_id, vendor: r.vendor, next: r.next };
  }
}

function digest(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('base64url');
}
