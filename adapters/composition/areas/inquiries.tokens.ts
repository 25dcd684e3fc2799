import { token, type Token } from '../area.js';
import type { InquiryService } from '../../../core/inquiries/inquiry.service.js';
import type { FollowUpService } from '../../../core/inquiries/follow-up.service.js';
import type { PoolService } from '../../../core/inquiries/pool.service.js';
import type { PoolRecycler } from '../../../core/inquiries/pool-recycler.js';
import type { InquirySettingsService } from '../../../core/inquiries/settings.service.js';
import { InquiryLifecycle } from '../../../core/inquiries/ports.js';

export const InquiryServiceToken = token<InquiryService>('InquiryService');
export const FollowUpServiceToken = token<FollowUpService>('FollowUpService');
export const PoolServiceToken = token<PoolService>('PoolService');
export const PoolRecyclerToken = token<PoolRecycler>('PoolRecycler');
export const InquirySettingsServiceToken = token<InquirySettingsService>('InquirySettingsService');
/** The core port InquiryLifecycle (already a symbol), typed for the facade. */
export const InquiryLifecycleToken = InquiryLifecycle as Token<InquiryLifecycle>;
