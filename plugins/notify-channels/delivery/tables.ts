// What the notifications plugin keeps: each firm's channel settings (the secret sealed with the keyring),
// each person's preferences, the vendor user id each person was found under, and every copy of a
// notification (event × person × channel), unique by its idempotency key.
import type { Migration } from 'yunzhou/plugin';

export const notificationTables: Migration = {
  name: '202612070401_notifications',
  async up(knex) {
    await knex.schema.createTable('notifications_channels', (t) => {
      t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('channel').notNullable(); // wecom | dingtalk | sms
      t.boolean('enabled').notNullable();
      /** The vendor's API (or the firm's proxy); null for the vendor's own. */
      t.text('base_url');
      /** Non-secret settings: WeCom { corpId, agentId }, DingTalk { appKey, agentId }, SMS { accessKeyId, signName, templates }. */
      t.jsonb('settings').notNullable();
      /** The application secret or AccessKey Secret, sealed (v1:<keyId>:…). */
      t.text('secret_sealed').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.primary(['tenant_id', 'channel']);
    });
    await knex.schema.createTable('notifications_preferences', (t) => {
      t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('user_id').notNullable();
      t.jsonb('preferences').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.primary(['tenant_id', 'user_id']);
    });
    await knex.schema.createTable('notifications_addresses', (t) => {
      t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('user_id').notNullable();
      t.text('channel').notNullable();
      /** The vendor's user id, found by the person's mobile. */
      t.text('address').notNullable();
      t.timestamp('found_at', { useTz: true }).notNullable();
      t.primary(['tenant_id', 'user_id', 'channel']);
    });
    await knex.schema.createTable('notifications_deliveries', (t) => {
      t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable();
      /** notificationKey(): source × recipient × channel. Unique: a copy is stored, and so sent, once. */
      t.text('key').notNullable();
      t.text('channel').notNullable();
      t.text('kind').notNullable();
      t.uuid('recipient_id').notNullable();
      t.text('source_key').notNullable();
      t.bigInteger('event_id');
      t.text('title').notNullable();
      t.text('text').notNullable();
      t.text('link').notNullable();
      t.jsonb('values').notNullable();
      /** Held for the person's daily digest at this time (then sent inside the digest copy, digest_id). */
      t.timestamp('digest_at', { useTz: true });
      t.uuid('digest_id');
      t.text('state').notNullable(); // pending | retrying | rate_limited | sent | parked
      t.integer('attempts').notNullable().defaultTo(0);
      t.timestamp('next_attempt_at', { useTz: true });
      /** A sender process holds the copy until then; after a crash another takes it up. */
      t.timestamp('lease_until', { useTz: true });
      t.timestamp('last_attempt_at', { useTz: true });
      t.text('vendor_code');
      t.text('vendor_message');
      t.text('vendor_message_id');
      t.timestamp('sent_at', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'key']);
    });
    await knex.raw(`create index notifications_deliveries_due on notifications_deliveries (next_attempt_at)
      where state in ('pending', 'retrying', 'rate_limited')`);
    await knex.raw('create index notifications_deliveries_log on notifications_deliveries (tenant_id, created_at desc, id desc)');
  },
};
