// 审批流程设置: administrators (approval.admin) create, edit and archive the tenant's flows, one active flow
// per business type. Every save is a new version; running instances keep the version they started on.
// Everyone in the tenant may read the flows (a submitter needs to know which nodes ask 请选择审批人).
import { DomainError, type OperationLog, type Clock, type IdGenerator, type Tx, type UnitOfWork } from '../shared/index.js';
import { requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import type { BusinessType, FlowDefinition, NodeDef, NoApproverRule } from './flow-definition.js';
import { validateFlow } from './flow-validation.js';
import { flowReferenceProblems } from './flow-references.js';
import type { ApprovalDirectoryLoader, ApprovalFlowRepository, FlowListFilter, FlowVersionInfo, StoredFlow } from './ports.js';
import { flowArchived, flowExists, flowNotFound, flowVersionConflict } from './use-case-errors.js';

export interface ApprovalFlowDeps {
  readonly uow: UnitOfWork;
  readonly flows: ApprovalFlowRepository;
  readonly directory: ApprovalDirectoryLoader;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The operation log: every saved version and every archiving is recorded with the flow before and after. */
  readonly operations?: OperationLog;
}

export interface NewFlow {
  readonly businessType: BusinessType;
  readonly name: string;
  readonly nodes: readonly NodeDef[];
  /** Defaults to 'admin': a node nobody can approve goes to the administrator rather than passing unseen. */
  readonly noApproverRule?: NoApproverRule | undefined;
}

export interface FlowChanges {
  /** The version the editor loaded. */
  readonly version: number;
  readonly name?: string | undefined;
  readonly nodes?: readonly NodeDef[] | undefined;
  readonly noApproverRule?: NoApproverRule | undefined;
}

export class ApprovalFlowService {
  constructor(private readonly d: ApprovalFlowDeps) {}

  /** The tenant's flows at their current versions (archived ones on request). */
  list(actor: Actor, filter: FlowListFilter = {}): Promise<StoredFlow[]> {
    return this.d.uow.read((tx) => this.d.flows.list(tx, actor.tenantId, filter));
  }

  get(actor: Actor, id: string): Promise<StoredFlow> {
    return this.d.uow.read((tx) => this.stored(tx, actor, id));
  }

  /** Every saved version, newest first. */
  async versions(actor: Actor, id: string): Promise<FlowVersionInfo[]> {
    return this.d.uow.read(async (tx) => {
      await this.stored(tx, actor, id);
      return this.d.flows.versions(tx, actor.tenantId, id);
    });
  }

  /** One saved version as it was (what an older instance runs on). */
  async version(actor: Actor, id: string, version: number): Promise<FlowDefinition> {
    const flow = await this.d.uow.read((tx) => this.d.flows.getVersion(tx, actor.tenantId, id, version));
    if (!flow) throw flowNotFound(`${id}@${version}`);
    return flow;
  }

  /** Creates version 1 of the business type's flow; `approval.flow_exists` when one is already active. */
  async create(actor: Actor, input: NewFlow): Promise<StoredFlow> {
    requirePermission(actor, PERMISSIONS.approvalAdmin);
    const candidate = {
      id: this.d.ids.id(), tenantId: actor.tenantId, businessType: input.businessType, name: input.name.trim(),
      version: 1, nodes: input.nodes, noApproverRule: input.noApproverRule ?? 'admin',
    };
    const flow = validateFlow(candidate);
    return this.d.uow.run(async (tx) => {
      await this.checkReferences(tx, actor, flow);
      if (!(await this.d.flows.insert(tx, flow, actor.userId, this.d.clock.now()))) throw flowExists(flow.businessType);
      await this.recordChange(tx, actor, 'approval_flow.created', flow.id, null, flow);
      return this.stored(tx, actor, flow.id);
    });
  }

  /** Saves the changes as the next version, at the version the editor loaded. */
  async update(actor: Actor, id: string, changes: FlowChanges): Promise<StoredFlow> {
    requirePermission(actor, PERMISSIONS.approvalAdmin);
    return this.d.uow.run(async (tx) => {
      const current = await this.stored(tx, actor, id);
      if (current.archivedAt !== null) throw flowArchived(id);
      if (current.flow.version !== changes.version) throw flowVersionConflict(changes.version, current.flow.version);
      const next = validateFlow({
        ...current.flow,
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.nodes !== undefined ? { nodes: changes.nodes } : {}),
        ...(changes.noApproverRule !== undefined ? { noApproverRule: changes.noApproverRule } : {}),
        version: current.flow.version + 1,
      });
      await this.checkReferences(tx, actor, next);
      if (!(await this.d.flows.saveVersion(tx, next, actor.userId, this.d.clock.now()))) throw flowVersionConflict(changes.version, null);
      await this.recordChange(tx, actor, 'approval_flow.updated', id, current.flow, next);
      return this.stored(tx, actor, id);
    });
  }

  /** Archives the flow: nothing new is submitted on it; running instances finish on their snapshot. */
  async archive(actor: Actor, id: string, version: number): Promise<void> {
    requirePermission(actor, PERMISSIONS.approvalAdmin);
    await this.d.uow.run(async (tx) => {
      const current = await this.stored(tx, actor, id);
      if (current.archivedAt !== null) throw flowArchived(id);
      if (current.flow.version !== version) throw flowVersionConflict(version, current.flow.version);
      if (!(await this.d.flows.archive(tx, actor.tenantId, id, version, actor.userId, this.d.clock.now()))) throw flowVersionConflict(version, null);
      await this.recordChange(tx, actor, 'approval_flow.archived', id, current.flow, null);
    });
  }

  private async recordChange(tx: Tx, actor: Actor, kind: string, id: string, before: FlowDefinition | null, after: FlowDefinition | null): Promise<void> {
    const snapshot = (f: FlowDefinition | null) => f && { businessType: f.businessType, name: f.name, version: f.version, nodes: f.nodes, noApproverRule: f.noApproverRule };
    await this.d.operations?.record(tx, [{ tenantId: actor.tenantId, actorId: actor.userId, kind, subjectType: 'approval_flow', subjectId: id, before: snapshot(before), after: snapshot(after) }]);
  }

  private async stored(tx: Tx, actor: Actor, id: string): Promise<StoredFlow> {
    const s = await this.d.flows.get(tx, actor.tenantId, id);
    if (!s) throw flowNotFound(id);
    return s;
  }

  /** The named people and roles must exist in the tenant; reported like shape problems, all at once. */
  private async checkReferences(tx: Tx, actor: Actor, flow: FlowDefinition): Promise<void> {
    const directory = await this.d.directory.load(tx, actor.tenantId, actor.userId);
    const problems = flowReferenceProblems(flow, directory, await this.d.directory.roleCodes(tx, actor.tenantId));
    if (problems.length === 0) return;
    // Same code and shape as validateFlow's refusal, so a client handles one kind of answer.
    throw new DomainError('approval.invalid_flow', 'invalid', {
      zh: `审批流程配置有误：${problems.map((p) => `${p.path} ${p.zh}`).join('；')}`,
      en: `The approval flow is not valid: ${problems.map((p) => `${p.path} ${p.en}`).join('; ')}`,
    }, { problems }, problems);
  }
}
