// The brochure's module grid (首页), each module with the route it opens and the 办理中心 kinds its badge
// counts. A module whose screens this console does not have yet is not shown, so no tile leads nowhere;
// nor is one the person's roles do not allow (its screen says 没有权限 and the server refuses its data).
import type { InboxKind } from '@core/workcenter/inbox.js';

export interface HomeModule {
  readonly key: string;
  readonly route: string;
  readonly icon: string;
  readonly badgeKinds: readonly InboxKind[];
  /** Its badge counts unread 消息 instead of 办理中心 kinds. */
  readonly unreadMessages?: true;
  /** The permission the module needs; none when everyone signed in may use it. */
  readonly permission?: string;
}

export const HOME_MODULES: readonly HomeModule[] = [
  { key: 'inquiryPool', route: 'inquiry-pool', icon: 'cluster-o', badgeKinds: [] },
  { key: 'customerPool', route: 'customer-pool', icon: 'friends-o', badgeKinds: [] },
  { key: 'inquiries', route: 'inquiries', icon: 'phone-circle-o', badgeKinds: ['follow_up'] },
  { key: 'prospects', route: 'prospects', icon: 'user-circle-o', badgeKinds: [] },
  { key: 'workcenter', route: 'workcenter', icon: 'todo-list-o', badgeKinds: ['approval', 'order', 'follow_up', 'receipt', 'instalment', 'task'] },
  { key: 'orders', route: 'orders', icon: 'orders-o', badgeKinds: ['order'] },
  { key: 'approvals', route: 'approvals', icon: 'passed', badgeKinds: ['approval'] },
  { key: 'tasks', route: 'tasks', icon: 'completed-o', badgeKinds: ['task'] },
  { key: 'messages', route: 'messages', icon: 'chat-o', badgeKinds: [], unreadMessages: true },
  { key: 'accounts', route: 'accounts', icon: 'balance-o', badgeKinds: ['receipt', 'instalment'], permission: 'finance.read' },
  { key: 'invoices', route: 'invoices', icon: 'description-o', badgeKinds: [], permission: 'finance.read' },
  { key: 'products', route: 'products', icon: 'bag-o', badgeKinds: [], permission: 'product.manage' },
  { key: 'commissions', route: 'my-commission', icon: 'gold-coin-o', badgeKinds: [] },
  { key: 'calculator', route: 'loan-calculator', icon: 'balance-list-o', badgeKinds: [] },
  { key: 'targets', route: 'targets', icon: 'aim', badgeKinds: [], permission: 'target.manage' },
  { key: 'settings', route: 'settings', icon: 'setting-o', badgeKinds: [], permission: 'org.manage' },
];
