import { token } from '../area.js';
import type { AuditService } from '../../../core/audit/index.js';

export const AuditServiceToken = token<AuditService>('AuditService');
