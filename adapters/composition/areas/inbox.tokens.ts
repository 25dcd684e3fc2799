import { token } from '../area.js';
import type { InboxService } from '../../../core/workcenter/inbox.service.js';
import type { InboxChanges } from '../../live/inbox-changes.js';

/** 办理中心: the signed-in person's inbox (counts per kind and the list of a kind). */
export const InboxServiceToken = token<InboxService>('InboxService');

/** The console's live badges in this process: whose 办理中心 changed, from one LISTEN connection. */
export const InboxChangesToken = token<InboxChanges>('InboxChanges');
