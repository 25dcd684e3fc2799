// The status of one application (申请) at its bank, as a data table run by the generic state machine:
// 待申请 → 申请中 → 已批核 → 已放款, or 已拒绝; 撤回 is possible until the bank has decided.
import type { MachineDef } from '../shared/index.js';

export type ApplicationStatus = 'pending' | 'applying' | 'approved' | 'rejected' | 'disbursed' | 'withdrawn';
export type ApplicationEventType = 'submit' | 'approve' | 'reject' | 'disburse' | 'withdraw';

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = ['pending', 'applying', 'approved', 'rejected', 'disbursed', 'withdrawn'];
export const APPLICATION_EVENT_TYPES: readonly ApplicationEventType[] = ['submit', 'approve', 'reject', 'disburse', 'withdraw'];

/** The application status table; payload checks (amounts, reason, date) live in applyApplicationEvent. */
export const APPLICATION_MACHINE: MachineDef<ApplicationStatus, ApplicationEventType> = {
  name: 'application',
  states: APPLICATION_STATUSES,
  initial: 'pending',
  final: ['rejected', 'disbursed', 'withdrawn'],
  transitions: [
    { from: ['pending'], event: 'submit', to: 'applying' },
    { from: ['applying'], event: 'approve', to: 'approved' },
    { from: ['applying'], event: 'reject', to: 'rejected' },
    { from: ['approved'], event: 'disburse', to: 'disbursed' },
    { from: ['pending', 'applying'], event: 'withdraw', to: 'withdrawn' },
  ],
  labels: {
    pending: '待申请',
    applying: '申请中',
    approved: '已批核',
    rejected: '已拒绝',
    disbursed: '已放款',
    withdrawn: '已撤回',
    submit: '提交申请',
    approve: '批核通过',
    reject: '拒绝',
    disburse: '放款',
    withdraw: '撤回',
  },
};

/** The Chinese name of a status, as the customer sees it when looking up the application. */
export function applicationStatusLabel(status: ApplicationStatus): string {
  return APPLICATION_MACHINE.labels?.[status] ?? status;
}
