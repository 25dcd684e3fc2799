import { token } from '../area.js';
import type { CommissionsDeps } from '../../../core/commissions/commissions-deps.js';
import type { SchemeService } from '../../../core/commissions/scheme.service.js';
import type { StatementService } from '../../../core/commissions/statement.service.js';
import type { RunningService } from '../../../core/commissions/running.service.js';

export const CommissionsDepsToken = token<CommissionsDeps>('CommissionsDeps');
export const CommissionSchemeServiceToken = token<SchemeService>('CommissionSchemeService');
export const CommissionStatementServiceToken = token<StatementService>('CommissionStatementService');
export const CommissionRunningServiceToken = token<RunningService>('CommissionRunningService');
