import { token } from '../area.js';
import type { CollectionsDeps } from '../../../core/collections/collections-deps.js';
import type { CollectionPlanService } from '../../../core/collections/plan.service.js';
import type { ReceiptService } from '../../../core/collections/receipt.service.js';
import type { CloseService } from '../../../core/collections/close.service.js';
import type { AccountsService } from '../../../core/collections/accounts.service.js';
import type { CollectionSettingsService } from '../../../core/collections/settings.service.js';
import type { CollectionReminders } from '../../../core/collections/reminders.js';
import type { OverdueNotices } from '../../../core/collections/overdue-notices.js';

export const CollectionsDepsToken = token<CollectionsDeps>('CollectionsDeps');
export const CollectionPlanServiceToken = token<CollectionPlanService>('CollectionPlanService');
export const ReceiptServiceToken = token<ReceiptService>('ReceiptService');
export const CloseServiceToken = token<CloseService>('CloseService');
export const AccountsServiceToken = token<AccountsService>('AccountsService');
export const CollectionSettingsServiceToken = token<CollectionSettingsService>('CollectionSettingsService');
export const CollectionRemindersToken = token<CollectionReminders>('CollectionReminders');
export const OverdueNoticesToken = token<OverdueNotices>('OverdueNotices');
