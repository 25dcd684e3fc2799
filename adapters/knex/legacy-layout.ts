// What a database made before yunzhou had its own schema holds in `public`, by owner (core and the bundled
// plugins). Frozen: every later table is created in the schema, so this list never grows.
export interface LegacyObjects {
  readonly tables: readonly string[];
  readonly views: readonly string[];
  readonly functions: readonly string[]; // regprocedure text: name(argument types)
}

const core: LegacyObjects = {
  tables: [
    'activities', 'approval_flow_versions', 'approval_flows', 'approval_instances', 'approval_tasks', 'audit_log', 'auth_tokens',
    'briefing_daily', 'briefing_daily_follow_ups', 'briefing_daily_orders', 'briefing_monthly', 'briefing_monthly_follow_ups',
    'briefing_monthly_orders', 'collection_instalments', 'collection_plan_revisions', 'collection_plans', 'collection_settings',
    'departments', 'files', 'inquiries', 'inquiry_follow_ups', 'inquiry_pool_moves', 'inquiry_settings', 'invoice_lines',
    'invoice_number_counters', 'invoice_receipts', 'invoice_settings', 'invoices', 'messages', 'order_contracts', 'order_line_sets',
    'order_lines', 'order_match_facts', 'order_plans', 'order_profiles', 'order_settings', 'order_status_codes', 'orders',
    'outbox_events', 'product_categories', 'products', 'rate_limit_counters', 'receipt_allocations', 'receipts', 'roles',
    'scheduled_runs', 'sensitive_reads', 'status_lookup_failures', 'task_comments', 'task_rule_settings', 'tasks', 'tenants',
    'user_roles', 'users',
  ],
  views: ['order_amounts', 'order_close_status', 'order_guard_facts', 'order_invoice_totals', 'order_product_totals', 'order_receipt_totals', 'order_review_status'],
  functions: [
    'briefing_tz(uuid)', 'collections_instalment_attribution()', 'briefing_order_money(uuid,uuid,uuid,uuid,integer)', 'briefing_on_receipt()',
    'briefing_on_contract()', 'briefing_on_order_line()', 'briefing_on_inquiry()', 'briefing_on_tenant_zone()', 'collections_due_on_disbursement()',
    'briefing_add(uuid,date,uuid,uuid,bigint,integer,bigint,bigint,integer,integer)', 'briefing_add_order(uuid,date,uuid,text,text,integer)',
    'briefing_add_follow_up(uuid,date,uuid,integer)', 'briefing_on_follow_up()', 'briefing_rebuild_daily(uuid)', 'briefing_rebuild(uuid)',
    'briefing_on_order()', 'refuse_audit_change()',
  ],
};

const byOwner: Record<string, LegacyObjects> = {
  core,
  webhooks: { tables: ['webhook_endpoints', 'webhook_deliveries', 'webhook_attempts'], views: [], functions: [] },
  'import-export': { tables: ['import_jobs', 'import_job_chunks'], views: [], functions: [] },
  example: { tables: ['example_notes', 'example_heartbeats', 'example_settings'], views: [], functions: [] },
};

/** An unknown plugin's tables stay in public, still found through search_path (`<schema>, public`). */
export function legacyObjects(owner: string): LegacyObjects {
  return byOwner[owner] ?? { tables: [], views: [], functions: [] };
}

/** The history table a set had in public before the schema. */
export function legacyHistoryTable(owner: string): string {
  return owner === 'core' ? 'knex_migrations' : `knex_migrations_${owner.replace(/[^a-z0-9_]/gi, '_')}`;
}
