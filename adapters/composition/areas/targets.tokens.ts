import { token } from '../area.js';
import type { TargetsService } from '../../../core/targets/targets.service.js';

export const TargetsServiceToken = token<TargetsService>('TargetsService');
