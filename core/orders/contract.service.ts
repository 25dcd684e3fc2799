// 上传合同、确认合同 (step 6): record the contract of an order, confirm it (who, when), which sets the order's
// contract amount, makes the inquiry a 客户 and, when the guards allow, moves the order to its won stage.
import { requireDrawable, domainError, isDomainError, notFound, localDate, type UnmetCondition, type Tx } from '../shared/index.js';
import { formatYuanGrouped } from '../money/index.js';
import type { Actor } from '../organisation/index.js';
import type { ContractDocument } from '../documents/index.js';
import type { FileRecord } from '../files/index.js';
import { checkContractInput, confirmProblem, contractLocked, type ContractInput } from './contract.js';
import { buildContractDocument } from './contract-document.js';
import { customerMobileFor } from '../security/index.js';
import {
  changeableOrder, currentFileKinds, orderEntry, orderEvent, orderSettings, readableOrder, record, saveOrder, ORDER_SUBJECT, type OrdersDeps,
} from './order-records.js';
import type { OrderPipeline } from './order-pipeline.js';
import { wonStage } from './order-settings.js';
import type { Contract, Order, OrderSettings } from './types.js';

export interface ContractView {
  readonly contract: Contract | null;
  /** The current signed copy (合同扫描件), or null. */
  readonly scan: FileRecord | null;
}

/** What confirming did to the order's stage: moved to the won stage, or why not. */
export interface WonMove {
  readonly moved: boolean;
  /** The won stage (合同赢单) of the tenant's pipeline, if it has one. */
  readonly wonStage: string | null;
  readonly unmet: readonly UnmetCondition[];
}

export interface ConfirmResult {
  readonly contract: Contract;
  readonly version: number;
  readonly stage: string;
  readonly won: WonMove;
}

export interface ContractServiceDeps
  extends Pick<OrdersDeps, 'uow' | 'orders' | 'settings' | 'contracts' | 'files' | 'inquiries' | 'org' | 'profiles' | 'timeline' | 'events' | 'clock' | 'charset'> {
  /** 合同赢单 is a pipeline move. */
  readonly pipeline: OrderPipeline;
}

export class ContractService {
  constructor(private readonly d: ContractServiceDeps) {}

  /** The contract of an order the actor may see, with its signed copy. */
  async get(actor: Actor, orderId: string): Promise<ContractView> {
    return this.d.uow.read(async (tx) => {
      await readableOrder(this.d, tx, actor, orderId);
      const files = await this.d.files.listBySubject(tx, actor.tenantId, ORDER_SUBJECT, orderId, false);
      return { contract: await this.d.contracts.get(tx, actor.tenantId, orderId), scan: files.find((f) => f.kind === 'contract_scan') ?? null };
    });
  }

  /** Records the contract's number, amount, signing date and parties; refused once confirmed. Numbers are unique in the firm. */
  async save(actor: Actor, orderId: string, input: ContractInput & { readonly version: number }): Promise<{ contract: Contract; version: number }> {
    requireDrawable(this.d.charset, {
      '/number': input.number, '/customerParty': input.customerParty, '/customerSignatory': input.customerSignatory, '/firmParty': input.firmParty, '/firmSignatory': input.firmSignatory,
    });
    return this.d.uow.run(async (tx) => {
      const checked = checkContractInput(input, localDate(this.d.clock.now(), actor.timeZone));
      const settings = await orderSettings(this.d, tx, actor.tenantId);
      const order = await changeableOrder(this.d, tx, actor, orderId, input.version, settings);
      const current = await this.d.contracts.get(tx, actor.tenantId, orderId);
      const locked = current ? contractLocked(current) : null;
      if (locked) throw locked;
      const taken = await this.d.contracts.findByNumber(tx, actor.tenantId, checked.number);
      if (taken && taken.orderId !== orderId) {
        throw domainError('order.contract_number_taken', 'conflict', `合同编号 ${checked.number} 已被其他订单使用`, `Contract number ${checked.number} is already used by another order`, { number: checked.number });
      }
      const now = this.d.clock.now();
      const contract: Contract = {
        tenantId: actor.tenantId, orderId, ...checked, confirmedAt: null, confirmedBy: null,
        createdBy: current?.createdBy ?? actor.userId, createdAt: current?.createdAt ?? now, updatedBy: actor.userId, updatedAt: now,
      };
      await this.d.contracts.save(tx, contract);
      const saved = await saveOrder(this.d, tx, order, {});
      const data = { number: contract.number, amountFen: contract.amountFen, signedOn: contract.signedOn };
      await record(
        this.d, tx,
        [orderEntry(saved, actor.userId, 'order.contract_saved', `录入合同 ${contract.number}，金额 ¥${formatYuanGrouped(contract.amountFen)}，签订日期 ${contract.signedOn}`, data)],
        [orderEvent(saved, actor.userId, 'order.contract_saved', data)],
      );
      return { contract, version: saved.version };
    });
  }

  /**
   * Confirms the recorded contract (its signed copy must be uploaded): sets the order's contract amount, makes
   * the inquiry a 客户, and fires 下一步 into the won stage (合同赢单) when the order is just before it and the
   * guards allow; otherwise the order stays and `won.unmet` says why.
   */
  async confirm(actor: Actor, orderId: string, input: { readonly version: number }): Promise<ConfirmResult> {
    return this.d.uow.run(async (tx) => {
      const settings = await orderSettings(this.d, tx, actor.tenantId);
      const order = await changeableOrder(this.d, tx, actor, orderId, input.version, settings);
      const current = await this.d.contracts.get(tx, actor.tenantId, orderId);
      const problem = confirmProblem(current, (await currentFileKinds(this.d, tx, order)).includes('contract_scan'));
      if (problem || !current) throw problem ?? new Error('unreachable');
      const now = this.d.clock.now();
      const contract: Contract = { ...current, confirmedAt: now, confirmedBy: actor.userId, updatedAt: now, updatedBy: actor.userId };
      await this.d.contracts.save(tx, contract);
      let saved = await saveOrder(this.d, tx, order, {});
      await this.d.inquiries.markCustomer(tx, actor.tenantId, order.inquiryId, actor.userId);
      const data = { number: contract.number, amountFen: contract.amountFen, signedOn: contract.signedOn, confirmedBy: actor.userId };
      await record(
        this.d, tx,
        [orderEntry(saved, actor.userId, 'order.contract_confirmed', `确认了合同 ${contract.number}，合同金额 ¥${formatYuanGrouped(contract.amountFen)}`, data)],
        [orderEvent(saved, actor.userId, 'order.contract_confirmed', data)],
      );
      const won = await this.wonMove(tx, saved, settings);
      if (won.moved) saved = (await this.d.pipeline.move(tx, actor.userId, saved, [{ type: 'advance' }], settings)).order;
      return { contract, version: saved.version, stage: saved.stageKey, won };
    });
  }

  /** The contract document for the PDF renderer (a ContractDocumentSource). */
  async document(actor: Actor, orderId: string): Promise<ContractDocument> {
    return this.d.uow.read(async (tx) => {
      const order = await readableOrder(this.d, tx, actor, orderId);
      const contract = await this.d.contracts.get(tx, actor.tenantId, orderId);
      if (!contract) throw notFound('contract', '合同', orderId);
      const tenant = await this.d.org.getTenant(tx, actor.tenantId);
      const owner = await this.d.org.getUser(tx, actor.tenantId, order.ownerId);
      const profile = await this.d.profiles.get(tx, actor.tenantId, orderId);
      const shown = profile && { ...profile, legalPersonMobile: customerMobileFor(actor, order.ownerId, profile.legalPersonMobile) };
      return buildContractDocument({
        order, contract, profile: shown, firmName: tenant?.name ?? '', agentName: owner?.name ?? null,
      });
    });
  }

  // Whether 下一步 would now take the order into the won stage: only from the stage just before it.
  private async wonMove(tx: Tx, order: Order, settings: OrderSettings): Promise<WonMove> {
    const won = wonStage(settings.pipeline);
    if (!won) return { moved: false, wonStage: null, unmet: [] };
    const at = settings.pipeline.stages.indexOf(won);
    if (settings.pipeline.stages[at - 1]?.key !== order.stageKey) return { moved: false, wonStage: won.key, unmet: [] };
    const r = await this.d.pipeline.attempt(tx, order, { type: 'advance' }, settings);
    if (!isDomainError(r)) return { moved: true, wonStage: won.key, unmet: [] };
    return { moved: false, wonStage: won.key, unmet: (r.details.unmet as UnmetCondition[] | undefined) ?? [] };
  }
}
