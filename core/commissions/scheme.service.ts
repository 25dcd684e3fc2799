// 提成方案: the firm's scheme as its versions. Finance (finance.write) adds the next version, effective from
// tomorrow at the earliest (the very first may start in the past); a version not yet in force may be withdrawn
// (the latest only); versions in force are never edited or removed, because lines record them.
import { domainError, isDomainError, notFound, validationFailed, type Tx } from '../shared/index.js';
import { requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import { firmDay, type CommissionsDeps } from './commissions-deps.js';
import { checkNextVersion, validateSchemeVersion, versionOn, type SchemeVersionInput } from './scheme.js';
import type { StoredSchemeVersion } from './ports.js';

export interface SchemeView {
  /** Every version, oldest first. */
  readonly versions: readonly StoredSchemeVersion[];
  /** The version in force today (null before the first takes effect). */
  readonly current: number | null;
  /** The number the next version must carry. */
  readonly nextVersion: number;
  /** The firm's day the answer was computed on. */
  readonly today: string;
}

export class SchemeService {
  constructor(private readonly d: CommissionsDeps) {}

  /** The scheme: every version and the one in force today. Anyone who sees commissions (finance.read) may read it. */
  async get(actor: Actor): Promise<SchemeView> {
    requirePermission(actor, PERMISSIONS.financeRead);
    return this.d.uow.read((tx) => this.view(tx, actor));
  }

  async version(actor: Actor, version: number): Promise<StoredSchemeVersion> {
    requirePermission(actor, PERMISSIONS.financeRead);
    const found = (await this.get(actor)).versions.find((v) => v.version === version);
    if (!found) throw notFound('commission_scheme_version', '提成方案版本', String(version));
    return found;
  }

  /** Adds the next version (`validation.failed` with every problem; not_next_version / not_after_today / not_after_previous). */
  async addVersion(actor: Actor, input: SchemeVersionInput): Promise<SchemeView> {
    requirePermission(actor, PERMISSIONS.financeWrite);
    const v = validateSchemeVersion(input);
    if (isDomainError(v)) throw v;
    return this.d.uow.run(async (tx) => {
      const now = this.d.clock.now();
      const today = await firmDay(this.d, tx, actor.tenantId, now);
      const history = await this.d.commissions.versions(tx, actor.tenantId);
      const problem = checkNextVersion(history, v, today);
      if (problem) throw problem;
      if (!(await this.d.commissions.insertVersion(tx, actor.tenantId, v, actor.userId, now))) {
        throw validationFailed([{ path: '/version', code: 'not_next_version', zh: '该版本号已被占用，请刷新后重试', en: 'that version was just added by someone else; reload and try again' }]);
      }
      return this.view(tx, actor);
    });
  }

  /** Withdraws the latest version while it is not yet in force (a planned change called off). */
  async withdrawVersion(actor: Actor, version: number): Promise<SchemeView> {
    requirePermission(actor, PERMISSIONS.financeWrite);
    return this.d.uow.run(async (tx) => {
      const today = await firmDay(this.d, tx, actor.tenantId, this.d.clock.now());
      const history = await this.d.commissions.versions(tx, actor.tenantId);
      const v = history.find((h) => h.version === version);
      if (!v) throw notFound('commission_scheme_version', '提成方案版本', String(version));
      const latest = Math.max(...history.map((h) => h.version));
      if (v.version !== latest || v.effectiveFrom <= today) {
        throw domainError('commission_scheme.version_in_force', 'rule', '只能撤回尚未生效的最新版本；已生效的版本不能修改或删除',
          'Only the latest version not yet in force can be withdrawn; a version in force is kept for good', { version, effectiveFrom: v.effectiveFrom });
      }
      if (!(await this.d.commissions.deleteVersion(tx, actor.tenantId, version))) throw notFound('commission_scheme_version', '提成方案版本', String(version));
      return this.view(tx, actor);
    });
  }

  private async view(tx: Tx, actor: Actor): Promise<SchemeView> {
    const today = await firmDay(this.d, tx, actor.tenantId, this.d.clock.now());
    const versions = await this.d.commissions.versions(tx, actor.tenantId);
    return {
      versions, current: versionOn(versions, today)?.version ?? null, nextVersion: versions.reduce((a, v) => Math.max(a, v.version), 0) + 1, today,
    };
  }
}
