import { token } from '../area.js';
import type { InboxService } from '../../../core/workcenter/inbox.service.js';

/** 办理中心: the signed-in person's inbox (counts per kind and the list of a kind). */
export const InboxServiceToken = token<InboxService>('InboxService');
