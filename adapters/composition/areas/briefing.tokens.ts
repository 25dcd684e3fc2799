import { token } from '../area.js';
import type { BriefingService } from '../../../core/briefing/briefing.service.js';

export const BriefingServiceToken = token<BriefingService>('BriefingService');
