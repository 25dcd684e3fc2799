// The sections of 系统设置, each opening a screen by route name. A section is listed only when its screen
// exists in this console (several areas add theirs), so no entry leads nowhere.
export interface SettingsSection {
  /** The key of its label under settings.section. */
  readonly key: string;
  readonly route: string;
  readonly icon: string;
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { key: 'departments', route: 'settings-departments', icon: 'cluster-o' },
  { key: 'users', route: 'settings-users', icon: 'friends-o' },
  { key: 'roles', route: 'settings-roles', icon: 'shield-o' },
  { key: 'pipeline', route: 'settings-pipeline', icon: 'exchange' },
  { key: 'approvalFlows', route: 'settings-approval-flows', icon: 'passed' },
  { key: 'inquiries', route: 'settings-inquiries', icon: 'phone-circle-o' },
  { key: 'invoices', route: 'settings-invoices', icon: 'description' },
  { key: 'webhooks', route: 'settings-webhooks', icon: 'link-o' },
  { key: 'import', route: 'settings-import', icon: 'upgrade' },
  { key: 'workbench', route: 'settings-workbench', icon: 'apps-o' },
  { key: 'notifications', route: 'settings-notifications', icon: 'bullhorn-o' },
];
