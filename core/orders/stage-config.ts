// A tenant's pipeline stages (阶段) as data: the two stage sets of the brochure ship as presets. A tenant's own
// set is checked by validatePipelineConfig (pipeline-validation.ts) when it is loaded.

/** One stage of the pipeline as a tenant configures it. */
export interface StageConfig {
  /** Stable identifier stored on orders: lower snake_case, e.g. `initial_contact`. */
  readonly key: string;
  /** The name people see: 初次沟通. */
  readonly name: string;
  /** Progress shown on the order (20 means 20%), strictly rising along the pipeline; the final stage is 100. */
  readonly progress: number;
  /**
   * Names of the conditions (order-guards.ts) that must hold to leave this stage forwards: by 下一步, or by the
   * finance close from the stage before the final one. Rolling back, handing over, losing and cancelling are
   * never held up by them.
   */
  readonly exitGuards: readonly string[];
  /** The one stage reached only by the finance close (订单完成): last, 100%, never left. */
  readonly final?: boolean;
  /**
   * The stage a confirmed contract moves an order into (合同赢单): confirming the contract fires 下一步 when the
   * order is in the stage just before this one and the guards allow. At most one; never the first or the final.
   */
  readonly won?: boolean;
}

export interface PipelineConfig {
  readonly stages: readonly StageConfig[];
}

/**
 * The default stage set (大鑫金服 screenshots), guarded along the brochure's 13 steps: the enterprise profile
 * before the plan, the plan before the applications, a matched product and an approved internal review before
 * the contract stage, a confirmed contract (and full collection and the close approval) before completion.
 */
export const DEFAULT_PIPELINE_CONFIG: PipelineConfig = {
  stages: [
    { key: 'initial_contact', name: '初次沟通', progress: 20, exitGuards: ['profile_complete'] },
    { key: 'plan_negotiation', name: '方案洽谈', progress: 40, exitGuards: ['has_plan'] },
    { key: 'application_approval', name: '申请批核', progress: 60, exitGuards: ['products_matched', 'internal_review_approved'] },
    { key: 'contract_won', name: '合同赢单', progress: 80, exitGuards: ['contract_confirmed'], won: true },
    { key: 'completed', name: '订单完成', progress: 100, exitGuards: [], final: true },
  ],
};

/**
 * The brochure's second stage set (大熹金服 screenshots), where the contract is settled before products are
 * applied for. Mapping chosen: leaving 合同洽谈 needs the plan and the confirmed contract, because the stage is
 * the negotiation of both and the brochure confirms the contract (step 6) before applying (step 7); leaving
 * 产品申请 needs a matched product; leaving 内部审核 (by the finance close) needs the approved internal review,
 * and the close itself always needs the contract, full collection and the close approval. Confirming the
 * contract in 合同洽谈 moves the order on to 产品申请 (its `won` stage) when the plan is there too.
 */
export const CONTRACT_FIRST_PIPELINE_CONFIG: PipelineConfig = {
  stages: [
    { key: 'initial_contact', name: '初次沟通', progress: 20, exitGuards: ['profile_complete'] },
    { key: 'contract_negotiation', name: '合同洽谈', progress: 40, exitGuards: ['has_plan', 'contract_confirmed'] },
    { key: 'product_application', name: '产品申请', progress: 60, exitGuards: ['products_matched'], won: true },
    { key: 'internal_review', name: '内部审核', progress: 80, exitGuards: ['internal_review_approved'] },
    { key: 'completed', name: '订单完成', progress: 100, exitGuards: [], final: true },
  ],
};

/** The stage sets a tenant can start from; `default` is what a new tenant gets. */
export const PIPELINE_PRESETS: Readonly<Record<'default' | 'contract_first', PipelineConfig>> = {
  default: DEFAULT_PIPELINE_CONFIG,
  contract_first: CONTRACT_FIRST_PIPELINE_CONFIG,
};
