// A plugin's settings: one JSON object per firm, checked against the plugin's JSON schema, kept in the
// plugin's own table (<name>_settings, in the plugin's migration history) and served at GET/PUT /settings
// under the plugin's routes. What a firm never saved reads as the defaults.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Knex } from 'knex';
import type { Clock } from '../../core/shared/ports.js';
import { validationFailed } from '../../core/shared/domain-error.js';
import { requirePermission, type Actor } from '../../core/organisation/actor.js';
import { PERMISSIONS } from '../../core/organisation/permissions.js';
import type { Migration } from '../knex/migrator.js';
import type { JsonSchema, RouteDef } from './route-def.js';

export interface SettingsSpec<S> {
  /** A JSON schema of the whole object (type 'object'); a saved object must satisfy it. */
  readonly schema: JsonSchema;
  /** What a firm has until it saves its own; must satisfy the schema. */
  readonly defaults: S;
  /** The permission needed to change them (default org.manage); reading needs only a signed-in person of the firm. */
  readonly permission?: string;
}

export interface PluginSettings<S> {
  /** The firm's settings (the defaults under what it saved). */
  get(tenantId: string, trx?: Knex): Promise<S>;
  /** Saves the firm's settings whole; refused with validation.failed when they break the schema. */
  update(actor: Actor, value: S): Promise<S>;
}

interface DataAccess {
  readonly knex: Knex;
}

export function settingsTable(plugin: string): string {
  return `${plugin.replace(/-/g, '_')}_settings`;
}

export function settingsMigration(plugin: string): Migration {
  const table = settingsTable(plugin);
  return {
    name: `000000000000_${table}`,
    async up(knex) {
      await knex.schema.createTable(table, (t) => {
        t.uuid('tenant_id').primary().references('id').inTable('tenants');
        t.jsonb('value').notNullable();
        t.uuid('updated_by');
        t.timestamp('updated_at', { useTz: true }).notNullable();
      });
    },
  };
}

const ajv = new Ajv({ allErrors: true, strict: false });

function problems(errors: readonly ErrorObject[]) {
  return errors.map((e) => {
    const path = e.keyword === 'required' ? `${e.instancePath}/${String(e.params.missingProperty)}`
      : e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.additionalProperty)}`
      : e.instancePath || '/';
    return { path, code: e.keyword, zh: '不符合设置的要求', en: e.message ?? 'is not valid' };
  });
}

const NO_SETTINGS: PluginSettings<never> = {
  get: () => Promise.reject(new Error('This plugin declares no settings')),
  update: () => Promise.reject(new Error('This plugin declares no settings')),
};

/** The schema's validator; throws when the defaults break the schema (a mistake of the plugin's author). */
export function settingsValidator<S>(plugin: string, spec: SettingsSpec<S>): ValidateFunction {
  const check = ajv.compile(spec.schema);
  if (!check(spec.defaults)) throw new Error(`Plugin ${plugin}: its default settings break its schema: ${ajv.errorsText(check.errors)}`);
  return check;
}

export function pluginSettings<S>(plugin: string, spec: SettingsSpec<S> | undefined, data: DataAccess, clock: () => Clock): PluginSettings<S> {
  if (!spec) return NO_SETTINGS as PluginSettings<S>;
  const table = settingsTable(plugin);
  const check = settingsValidator(plugin, spec);
  const permission = spec.permission ?? PERMISSIONS.orgManage;
  return {
    async get(tenantId, trx) {
      const row = await (trx ?? data.knex)(table).where({ tenant_id: tenantId }).first('value');
      return { ...spec.defaults, ...((row?.value as object | undefined) ?? {}) } as S;
    },
    async update(actor, value) {
      requirePermission(actor, permission);
      if (!check(value)) throw validationFailed(problems(check.errors ?? []));
      const now = clock().now();
      await data.knex(table)
        .insert({ tenant_id: actor.tenantId, value: JSON.stringify(value), updated_by: actor.userId, updated_at: now })
        .onConflict('tenant_id').merge();
      return value;
    },
  };
}

/** GET and PUT /settings for the firm of the signed-in person. */
export function settingsRoutes<S>(plugin: string, spec: SettingsSpec<S>, settings: PluginSettings<S>): RouteDef[] {
  const tags = [plugin];
  return [
    {
      method: 'get', path: '/settings', tags, summary: `插件设置 The firm's settings of ${plugin}`,
      schemas: { response: spec.schema },
      handler: async ({ actor }) => settings.get(actor.tenantId),
    },
    {
      method: 'put', path: '/settings', tags, summary: `修改插件设置 Save the firm's settings of ${plugin} (${spec.permission ?? PERMISSIONS.orgManage})`,
      schemas: { body: spec.schema, response: spec.schema },
      handler: async ({ actor, body }) => settings.update(actor, body as S),
    },
  ];
}
