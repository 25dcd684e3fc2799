// Core migrations in order. One change per file, named by date (STYLE.md habit 6).
import type { MigrationSet } from '../migrator.js';
import * as rateLimitCounters from './202612061500_rate_limit_counters.js';
import * as auditLog from './202612061510_audit_log.js';
import * as organisation from './202611261940_organisation.js';
import * as timelineOutbox from './202611261941_timeline_outbox.js';
import * as inquiries from './202611262100_inquiries.js';
import * as inquiryFollowUps from './202611262101_inquiry_follow_ups.js';
import * as inquiryPoolMoves from './202611262102_inquiry_pool_moves.js';
import * as inquirySettings from './202611262103_inquiry_settings.js';
import * as inquiryCountIndex from './202611262104_inquiry_count_index.js';
import * as files from './202611262200_files.js';
import * as sensitiveReads from './202611262201_sensitive_reads.js';
import * as products from './202611270000_products.js';
import * as orderProducts from './202611270001_order_products.js';
import * as orders from './202611262300_orders.js';
import * as orderProfilePlanContract from './202611262301_order_profile_plan_contract.js';
import * as orderAmounts from './202611262302_order_amounts.js';
import * as orderProductsFk from './202611270010_order_products_fk.js';
import * as approvalFlows from './202611270100_approval_flows.js';
import * as approvalInstances from './202611270101_approval_instances.js';
import * as orderReviewStatus from './202611270102_order_review_status.js';
import * as collectionPlans from './202611270200_collection_plans.js';
import * as receipts from './202611270201_receipts.js';
import * as briefingSummaries from './202611270202_briefing_summaries.js';
import * as instalmentDisbursementDue from './202611270203_instalment_disbursement_due.js';
import * as briefingMonthly from './202611270204_briefing_monthly.js';
import * as instalmentAttribution from './202611270205_instalment_attribution.js';
import * as outboxDelivery from './202611270400_outbox_delivery.js';
import * as scheduledRuns from './202611270401_scheduled_runs.js';
import * as messages from './202611270402_messages.js';
import * as tasks from './202611270403_tasks.js';
import * as invoices from './202611270300_invoices.js';
import * as orderInvoiceTotals from './202611270301_order_invoice_totals.js';
import * as invoiceReceiptsFk from './202611270302_invoice_receipts_fk.js';
import * as inquiryIdempotencyKey from './202612060500_inquiry_idempotency_key.js';
import * as followUpIdempotencyKey from './202612060501_follow_up_idempotency_key.js';
import * as approvalTasksDecided from './202612061900_approval_tasks_decided.js';
import * as fileStoreTables from './202612062100_file_store_tables.js';
import * as departmentFkNoAction from './202612062100_department_fk_no_action.js';
import * as fees from './202612070100_fees.js';
import * as commissions from './202612070200_commissions.js';
import * as commissionLinesCredited from './202612070250_commission_lines_credited.js';
import * as targets from './202612070300_targets.js';
import * as checklists from './202612070301_checklists.js';
import * as collectionOverdueNotices from './202612070400_collection_overdue_notices.js';
import * as outboxPendingIndex from './202612070500_outbox_pending_index.js';
import * as checklistSettings from './202612071100_checklist_settings.js';

export const coreMigrations: MigrationSet = {
  owner: 'core',
  migrations: [organisation, timelineOutbox, inquiries, inquiryFollowUps, inquiryPoolMoves, inquirySettings, inquiryCountIndex, files, sensitiveReads, products, orderProducts,
    // Orders after the products' order_lines table, which their amounts view reads.
    orders, orderProfilePlanContract, orderAmounts, orderProductsFk,
    // Approvals after the orders' order_review_status view, which 202611270102 answers.
    approvalFlows, approvalInstances, orderReviewStatus,
    // Collections after approvals: order_close_status reads the order_close approvals.
    collectionPlans, receipts, briefingSummaries, instalmentDisbursementDue, briefingMonthly, instalmentAttribution,
    // Work center: the outbox relay's bookkeeping, the scheduler's slots, messages and tasks.
    outboxDelivery, scheduledRuns, messages, tasks,
    // Invoices after the orders' order_invoice_totals view, which 202611270301 answers.
    invoices, orderInvoiceTotals, invoiceReceiptsFk,
    // Hardening (issue 14): the shared request counters of the rate limiter, the append-only operation log.
    rateLimitCounters, auditLog,
    // Idempotency-Key on 新建咨询 and 新建跟进 (the console's offline queue).
    inquiryIdempotencyKey, followUpIdempotencyKey,
    // 已办 of 内部审核: one person's decided tasks, newest first.
    approvalTasksDecided,
    // Files on shared storage (issue 18): the PostgreSQL file store's chunks, files moved between stores.
    fileStoreTables,
    // Citus readiness (issue 18): the department keys no longer `set null`; deleting a department does it.
    departmentFkNoAction,
    // Fees wired (issue 16): fee rules on products and lines, the refund rule, fee adjustments, proposed instalments.
    fees,
    // 提成 (issue 16): scheme versions, lines, the running totals per person and month, statements.
    commissions,
    // 本月提成 of a department head: the owner and source lines only, without the override lines (issue 16 bench).
    commissionLinesCredited,
    // 业绩目标 and 资料清单 (issue 16): targets per person and department; products' checklists and the files that satisfy them.
    targets, checklists,
    // Notifications (issue 17): one 逾期回款 notice per instalment and day.
    collectionOverdueNotices,
    // Mixed load (issue 18): the relay's claim walks an index of the pending events, whatever the statistics say.
    outboxPendingIndex,
    // 资料到期提醒提前天数: a firm's own notice for the document expiry reminders.
    checklistSettings],
};
