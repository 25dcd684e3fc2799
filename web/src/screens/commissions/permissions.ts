// Who may use which commission screen: the permissions the server's commission routes check.
export const COMMISSION_PERMISSIONS = {
  /** 提成方案: reading its versions. */
  scheme: 'finance.read',
  /** 提成月结单: the month's statements of the people one sees. */
  statements: 'finance.read',
  /** Adding a scheme version; drawing up, adjusting, submitting and locking statements (finance, administrator). */
  settle: 'finance.write',
} as const;
