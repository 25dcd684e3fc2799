// The tenant's collection settings: read by anyone who works with collections, changed by finance or an
// administrator at the version they saw.
import { domainError, forbidden } from '../shared/index.js';
import { settingsChange } from '../audit/index.js';
import { can, PERMISSIONS, requirePermission, type Actor } from '../organisation/index.js';
import { collectionSettings, type CollectionsDeps } from './collections-deps.js';
import { checkCollectionSettings } from './settings.js';
import type { CollectionSettings } from './types.js';

export type CollectionSettingsChanges = Partial<Omit<CollectionSettings, 'version'>> & { readonly version: number };

export class CollectionSettingsService {
  constructor(private readonly d: CollectionsDeps) {}

  async get(actor: Actor): Promise<CollectionSettings> {
    requirePermission(actor, PERMISSIONS.financeRead);
    return this.d.uow.read((tx) => collectionSettings(this.d, tx, actor.tenantId));
  }

  /** Saves the dictionaries and rules (finance.write or org.manage); `collection.settings_conflict` when stale. */
  async update(actor: Actor, changes: CollectionSettingsChanges): Promise<CollectionSettings> {
    if (!can(actor, PERMISSIONS.financeWrite) && !can(actor, PERMISSIONS.orgManage)) throw forbidden(PERMISSIONS.financeWrite);
    return this.d.uow.run(async (tx) => {
      const current = await collectionSettings(this.d, tx, actor.tenantId);
      if (current.version !== changes.version) throw stale(changes.version, current.version);
      const { version: _v, ...fields } = changes;
      const next: CollectionSettings = {
        ...current, ...fields,
        paymentMethods: (fields.paymentMethods ?? current.paymentMethods).map((e) => ({ name: e.name.trim(), active: e.active })),
        receiptTypes: (fields.receiptTypes ?? current.receiptTypes).map((e) => ({ name: e.name.trim(), active: e.active })),
        version: current.version + 1,
      };
      const problem = checkCollectionSettings(next);
      if (problem) throw problem;
      if (!(await this.d.settings.save(tx, actor.tenantId, next, actor.userId, this.d.clock.now()))) throw stale(changes.version, current.version + 1);
      await this.d.operations?.record(tx, [settingsChange(actor, 'collection', current, next)]);
      return next;
    });
  }
}

function stale(expected: number, actual: number) {
  return domainError('collection.settings_conflict', 'conflict', '回款设置已被他人修改，请刷新后重试', 'Someone else changed the settings first; reload and try again', {
    expectedVersion: expected, currentVersion: actual,
  });
}
