// The firm's checklist settings as use cases: read by whoever may read product checklists, changed with
// product.manage (who manages the checklists) at the version they read.
import { settingsChange, type OperationLog } from '../audit/index.js';
import { can, PERMISSIONS, requirePermission, type Actor } from '../organisation/index.js';
import { domainError, forbidden, type Clock, type Tx, type UnitOfWork } from '../shared/index.js';
import { checkChecklistSettings, DEFAULT_CHECKLIST_SETTINGS, type ChecklistSettings } from './checklist-settings.js';
import type { ChecklistSettingsRepository } from './ports.js';

export interface ChecklistSettingsDeps {
  readonly uow: UnitOfWork;
  readonly settings: ChecklistSettingsRepository;
  readonly clock: Clock;
  readonly operations?: OperationLog | undefined;
}

/** The firm's settings, or the defaults while it never saved its own. */
export async function checklistSettings(repo: ChecklistSettingsRepository, tx: Tx, tenantId: string): Promise<ChecklistSettings> {
  return (await repo.get(tx, tenantId)) ?? DEFAULT_CHECKLIST_SETTINGS;
}

export class ChecklistSettingsService {
  constructor(private readonly d: ChecklistSettingsDeps) {}

  async get(actor: Actor): Promise<ChecklistSettings> {
    if (!can(actor, PERMISSIONS.productManage) && !can(actor, PERMISSIONS.orderRead)) throw forbidden(PERMISSIONS.orderRead);
    return this.d.uow.read((tx) => checklistSettings(this.d.settings, tx, actor.tenantId));
  }

  /** Saves 资料到期提醒提前天数 (product.manage); `checklist.settings_conflict` when someone saved first. */
  async update(actor: Actor, changes: { readonly version: number; readonly reminderDaysBefore?: number | undefined }): Promise<ChecklistSettings> {
    requirePermission(actor, PERMISSIONS.productManage);
    return this.d.uow.run(async (tx) => {
      const current = await checklistSettings(this.d.settings, tx, actor.tenantId);
      if (current.version !== changes.version) throw stale(changes.version, current.version);
      const next: ChecklistSettings = { reminderDaysBefore: changes.reminderDaysBefore ?? current.reminderDaysBefore, version: current.version + 1 };
      const problem = checkChecklistSettings(next);
      if (problem) throw problem;
      if (!(await this.d.settings.save(tx, actor.tenantId, next, actor.userId, this.d.clock.now()))) throw stale(changes.version, current.version + 1);
      await this.d.operations?.record(tx, [settingsChange(actor, 'checklist', current, next)]);
      return next;
    });
  }
}

function stale(expected: number, actual: number) {
  return domainError('checklist.settings_conflict', 'conflict', '资料清单设置已被他人修改，请刷新后重试', 'Someone else changed the checklist settings first; reload and try again', {
    expectedVersion: expected, currentVersion: actual,
  });
}
