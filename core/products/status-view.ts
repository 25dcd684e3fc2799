// What the customer sees on the status page (客户可查询): the order's stage and progress, and each application's
// status with its dates. Nothing else: no people's names, no mobile or ID numbers, no amounts; the product and
// the bank are named because the customer chose them and cannot tell two applications apart otherwise.
import { localDate } from '../shared/index.js';
import { applicationStatusLabel, type ApplicationStatus } from './application-machine.js';

/** Where the order stands, as the orders area describes it. */
export interface OrderStage {
  readonly stageName: string;
  /** 0–100. */
  readonly progress: number;
  /** The pipeline's stages in order, for the progress bar; empty when unknown. */
  readonly stages: readonly { readonly name: string; readonly progress: number }[];
}

/** An application with the instants its status changed. */
export interface ApplicationTrack {
  readonly productName: string;
  readonly institution: string;
  readonly status: ApplicationStatus;
  readonly createdAt: Date;
  readonly submittedAt: Date | null;
  readonly decidedAt: Date | null;
  readonly disbursedOn: string | null;
  readonly statusChangedAt: Date;
}

export interface PublicApplicationStatus {
  readonly productName: string;
  readonly institution: string;
  readonly status: ApplicationStatus;
  readonly statusLabel: string;
  /** 申请日期: when it was submitted to the bank. */
  readonly appliedOn: string | null;
  /** 批核/拒绝日期. */
  readonly decidedOn: string | null;
  readonly disbursedOn: string | null;
  readonly updatedOn: string;
}

export interface PublicOrderStatus {
  readonly stage: string;
  readonly progress: number;
  readonly stages: readonly { readonly name: string; readonly progress: number; readonly reached: boolean }[];
  readonly applications: readonly PublicApplicationStatus[];
}

/** The status page's answer: stage, progress and each application's status with calendar dates in the tenant's zone. */
export function publicOrderStatus(stage: OrderStage, apps: readonly ApplicationTrack[], timeZone: string): PublicOrderStatus {
  const day = (d: Date | null): string | null => (d === null ? null : localDate(d, timeZone));
  return {
    stage: stage.stageName,
    progress: stage.progress,
    stages: stage.stages.map((s) => ({ name: s.name, progress: s.progress, reached: s.progress <= stage.progress })),
    applications: apps.map((a) => ({
      productName: a.productName,
      institution: a.institution,
      status: a.status,
      statusLabel: applicationStatusLabel(a.status),
      appliedOn: day(a.submittedAt),
      decidedOn: day(a.decidedAt),
      disbursedOn: a.disbursedOn,
      updatedOn: localDate(a.statusChangedAt, timeZone),
    })),
  };
}
