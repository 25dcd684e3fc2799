// The brochure's module grid (首页), each module with the route it opens and the 办理中心 kinds its badge
// counts. A module whose screens this console does not have yet is not shown, so no tile leads nowhere.
import type { InboxKind } from '@core/workcenter/inbox.js';

export interface HomeModule {
  readonly key: string;
  readonly route: string;
  readonly icon: string;
  readonly badgeKinds: readonly InboxKind[];
}

export const HOME_MODULES: readonly HomeModule[] = [
  { key: 'inquiryPool', route: 'inquiry-pool', icon: 'cluster-o', badgeKinds: [] },
  { key: 'customerPool', route: 'customer-pool', icon: 'friends-o', badgeKinds: [] },
  { key: 'inquiries', route: 'inquiries', icon: 'phone-circle-o', badgeKinds: ['follow_up'] },
  { key: 'prospects', route: 'prospects', icon: 'user-circle-o', badgeKinds: [] },
  { key: 'workcenter', route: 'workcenter', icon: 'todo-list-o', badgeKinds: ['approval', 'order', 'follow_up', 'receipt', 'instalment', 'task'] },
  { key: 'orders', route: 'orders', icon: 'orders-o', badgeKinds: ['order'] },
  { key: 'tasks', route: 'tasks', icon: 'completed-o', badgeKinds: ['task'] },
  { key: 'accounts', route: 'accounts', icon: 'balance-o', badgeKinds: ['receipt', 'instalment'] },
  { key: 'products', route: 'products', icon: 'bag-o', badgeKinds: [] },
  { key: 'calculator', route: 'loan-calculator', icon: 'calculator-o', badgeKinds: [] },
];
