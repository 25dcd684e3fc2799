// The firm's inquiry settings through the API: everyone who works with inquiries reads them (the forms need
// the lists); administrators (org.manage) change them, checked as a whole before they are saved.
import { domainError, type UnitOfWork } from '../shared/index.js';
import { settingsChange, type OperationLog } from '../audit/index.js';
import { requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import { levelLabel, type GradingLevel, type WorkingHours } from '../grading/index.js';
import type { InquiryRepository, InquirySettingsRepository } from './ports.js';
import { loadSettings, versionConflict } from './records.js';
import { tidySettings, validateInquirySettings } from './settings.js';
import type { InquiryDictionaries, InquirySettings, PoolKind, PoolRules } from './types.js';

export interface SettingsDeps {
  readonly uow: UnitOfWork;
  readonly settings: InquirySettingsRepository;
  readonly inquiries: InquiryRepository;
  /** The operation log: changed settings are recorded before and after. */
  readonly operations?: OperationLog | undefined;
}

/** A change of some sections; `version` must be the current one. */
export interface InquirySettingsChanges {
  readonly version: number;
  readonly grading?: { readonly levels: readonly GradingLevel[]; readonly workingHours?: WorkingHours | null | undefined } | undefined;
  readonly pools?: Partial<Record<PoolKind, PoolRules>> | undefined;
  readonly dictionaries?: Partial<InquiryDictionaries> | undefined;
  readonly cannedPhrases?: readonly string[] | undefined;
  readonly allowDuplicateMobiles?: boolean | undefined;
}

export interface InquirySettingsView extends InquirySettings {
  readonly timeZone: string;
}

/** What the 新建咨询 and 新建跟进 forms offer. */
export interface InquiryFormLists extends InquiryDictionaries {
  readonly levels: readonly { readonly code: string; readonly name: string; readonly label: string; readonly followUpIntervalMinutes: number }[];
  readonly cannedPhrases: readonly string[];
}

export class InquirySettingsService {
  constructor(private readonly d: SettingsDeps) {}

  async get(actor: Actor): Promise<InquirySettingsView> {
    requirePermission(actor, PERMISSIONS.inquiryRead);
    // Fresh: an administrator editing the settings needs the stored version.
    const { settings, timeZone } = await this.d.uow.read((tx) => loadSettings(tx, this.d.settings, actor.tenantId, true));
    return { ...settings, timeZone };
  }

  /** The lists the forms offer: levels with labels, sources, property types, follow-up types, 常用语. */
  async formLists(actor: Actor): Promise<InquiryFormLists> {
    const s = await this.get(actor);
    return {
      ...s.dictionaries,
      levels: s.grading.levels.map((l) => ({ code: l.code, name: l.name, label: levelLabel(l.code, s.grading), followUpIntervalMinutes: l.followUpIntervalMinutes })),
      cannedPhrases: s.cannedPhrases,
    };
  }

  /**
   * Saves the sections given, after checking the whole result (validateInquirySettings); a level that active
   * records still carry cannot be removed (grading.level_in_use, with the counts).
   */
  async update(actor: Actor, changes: InquirySettingsChanges): Promise<InquirySettingsView> {
    requirePermission(actor, PERMISSIONS.orgManage);
    return this.d.uow.run(async (tx) => {
      const { settings: cur, timeZone } = await loadSettings(tx, this.d.settings, actor.tenantId, true);
      if (cur.version !== changes.version) throw versionConflict();
      const next = tidySettings({
        grading: changes.grading
          ? { levels: changes.grading.levels, workingHours: changes.grading.workingHours === undefined ? cur.grading.workingHours : changes.grading.workingHours }
          : cur.grading,
        pools: { inquiry: changes.pools?.inquiry ?? cur.pools.inquiry, customer: changes.pools?.customer ?? cur.pools.customer },
        dictionaries: { ...cur.dictionaries, ...(changes.dictionaries ?? {}) },
        cannedPhrases: changes.cannedPhrases ?? cur.cannedPhrases,
        allowDuplicateMobiles: changes.allowDuplicateMobiles ?? cur.allowDuplicateMobiles,
        version: cur.version + 1,
      });
      const invalid = validateInquirySettings(next, timeZone);
      if (invalid) throw invalid;
      const kept = new Set(next.grading.levels.map((l) => l.code));
      const removed = cur.grading.levels.map((l) => l.code).filter((c) => !kept.has(c));
      if (removed.length) {
        const counts = await this.d.inquiries.countByLevel(tx, actor.tenantId);
        const used = Object.fromEntries(removed.filter((c) => (counts[c] ?? 0) > 0).map((c) => [c, counts[c] as number]));
        if (Object.keys(used).length) {
          const list = Object.entries(used).map(([c, n]) => `${levelLabel(c, cur.grading)}（${n} 条）`).join('、');
          throw domainError('grading.level_in_use', 'rule', `仍有记录使用这些级别，请先调整它们的级别：${list}`, `Records still carry these levels; re-grade them first: ${Object.keys(used).join(', ')}`, { levels: used });
        }
      }
      if (!(await this.d.settings.save(tx, actor.tenantId, next, actor.userId))) throw versionConflict();
      await this.d.operations?.record(tx, [settingsChange(actor, 'inquiry', cur, next)]);
      return { ...next, timeZone };
    });
  }
}
