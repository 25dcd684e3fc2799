// The approval engine's name for a commission statement (the subject finance approves).
import type { BusinessType } from '@core/approvals/flow-definition.js';

export const STATEMENT_BUSINESS_TYPE: BusinessType = 'commission_statement';
