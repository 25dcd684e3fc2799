// 提成: commission schemes in versions, the lines a confirmed receipt accrues and its reversal claws back, the
// month-end tier true-up, monthly statements per person and department, and the running figure — pure rules.
export * from './types.js';
export { percentUnits, applyPercent, PERCENT_DENOMINATOR } from './percent.js';
export { isMonthText, monthOf, lastDayOf, monthEnded } from './month.js';
export { ANY, validateSchemeVersion, checkNextVersion, versionOn, versionNumbered, rateRuleFor, overrideRateFor, type SchemeVersionInput } from './scheme.js';
export { tierIndex, tieredAmount, type TieredAmount } from './tiers.js';
export { splitAmount } from './split.js';
export { lineId, trueUpId, creditedInMonth, survivingAccruals, linesNotYetRecorded, sortLines } from './lines.js';
export { accrueReceipt } from './accrual.js';
export { clawbackLines } from './clawback.js';
export { monthEndTrueUp } from './true-up.js';
export { validateAdjustment, MAX_REASON_LENGTH } from './adjustment.js';
export {
  STATEMENT_MACHINE, STATEMENT_EVENTS, fireStatement, isEditable, monthIsOver, outcomeEvent as statementOutcomeEvent,
  type StatementEvent, type StatementMachineContext, type StatementApprovalOutcome,
} from './statement-machine.js';
export { drawUpStatement, redrawStatement, addAdjustment, removeAdjustment, moveStatement, statementTotals, type DrawUpInput } from './statement.js';
export { departmentStatement, type DepartmentStatement, type DepartmentStatementRow } from './department.js';
export { runningCommission, runningCommissionOf, type OverrideSummary, type RunningCommission } from './running.js';
// The ports and the use cases: scheme versions, accrual and clawback with the receipt, statements through the
// approval engine ('commission_statement'), the running figures.
export * from './ports.js';
export { maySee, firmDay, type CommissionsDeps } from './commissions-deps.js';
export { ReceiptCommissions, roleCodeFor, runningDelta } from './receipt-commissions.js';
export { SchemeService, type SchemeView } from './scheme.service.js';
export {
  StatementService, asStatement, statementNotFound, type StatementServiceDeps, type StatementApprovalSubmitter, type StatementSummary, type StatementView,
  type DepartmentStatementView, type AdjustmentInput,
} from './statement.service.js';
export { StatementSubject, STATEMENT_SUBJECT } from './statement-subject.js';
export { StatementDrawing } from './statement-drawing.js';
export { RunningService, type PersonRunning, type RunningRow, type RunningList } from './running.service.js';
export { STATEMENT_SHEET, DEPARTMENT_SHEET, statementSheetRows, departmentSheetRows, StatementPdfRenderer, type StatementDocument, type DepartmentStatementDocument } from './statement-export.js';
