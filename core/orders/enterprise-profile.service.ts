// 完善企业信息 (step 4): read and change an order's enterprise profile, and 查重 across the tenant. The ID
// number, bank card and tax secrets are sealed at rest and masked on the way out unless the actor holds
// order.view_sensitive and asks for them in clear; every such read is recorded.
import { requireDrawable, isDomainError, validationFailed, type Tx } from '../shared/index.js';
import { maskBankCard, maskResidentId, normalizeBankCard, normalizeCompanyName, normalizeUscc, parseResidentId, type Gender } from '../identity/index.js';
import { can, requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import { customerMobileFor, revealSensitive } from '../security/index.js';
import { checkProfileInput, deriveFromResidentId, type ProfileChanges, type ProfileInput } from './enterprise-profile.js';
import { canSeeOrder } from './order-visibility.js';
import {
  changeableOrder, completenessOf, orderEntry, orderEvent, orderSettings, readableOrder, record, saveOrder, ORDER_SUBJECT,
  type OrdersDeps,
} from './order-records.js';
import { pipelineStateName } from './pipeline.js';
import type { ProfileDuplicateQuery, ProfileMatchField } from './ports.js';
import { PROFILE_DOCUMENTS, PROFILE_FIELDS, type ProfileCompleteness } from './profile-fields.js';
import type { MaritalStatus, Order, StoredProfile } from './types.js';

/** Blind-index kinds: the same number under two kinds never matches. */
export const RESIDENT_ID_INDEX = 'resident_id';
export const BANK_CARD_INDEX = 'bank_card';

const TAX_SECRETS_MASK = '******';

/** The profile as one actor may see it. */
export interface ProfileView {
  readonly orderId: string;
  readonly companyName: string;
  readonly taxId: string | null;
  readonly legalPersonName: string | null;
  readonly legalPersonMobile: string | null;
  /** Masked (3205**********4885) unless shown in clear. */
  readonly legalPersonIdNumber: string | null;
  /** 法人年龄 and gender, derived from the ID number (never typed). */
  readonly legalPersonAge: number | null;
  readonly legalPersonGender: Gender | null;
  /** Digits 7-14 of the ID number: only when the number is shown in clear. */
  readonly legalPersonBirthDate: string | null;
  /** Masked (****6487) unless shown in clear. */
  readonly bankCard: string | null;
  readonly bankCardLuhnValid: boolean | null;
  readonly bankCardLuhnConfirmed: boolean;
  readonly bankBranch: string | null;
  readonly homeAddress: string | null;
  readonly maritalStatus: MaritalStatus | null;
  /** ****** unless shown in clear. */
  readonly taxSecrets: string | null;
  readonly contactName: string | null;
  readonly contactRelationship: string | null;
  /** The current document of each kind (身份证正面 …), by file id. */
  readonly documents: Readonly<Record<'idCardFront' | 'idCardBack' | 'businessLicence', string | null>>;
  /** 已完善, or what is missing. */
  readonly completeness: ProfileCompleteness;
  /** Whether the sensitive fields are masked in this view. */
  readonly masked: boolean;
  readonly updatedAt: Date | null;
  readonly updatedBy: string | null;
}

/** One other order found by 查重; outside the actor's scope only the match and the owner's name show. */
export interface ProfileDuplicate {
  readonly orderId: string;
  readonly matchedOn: readonly ProfileMatchField[];
  readonly ownerName: string | null;
  readonly visible: boolean;
  readonly title: string | null;
  readonly companyName: string | null;
  readonly stage: string | null;
}

export interface ProfileSaveResult {
  readonly profile: ProfileView;
  readonly version: number;
  /** Other orders of the same company, tax id, legal representative or card (查重), for the user to notice. */
  readonly duplicates: readonly ProfileDuplicate[];
}

export interface DuplicateCheckInput {
  readonly taxId?: string | undefined;
  readonly companyName?: string | undefined;
  readonly legalPersonIdNumber?: string | undefined;
  readonly bankCard?: string | undefined;
  readonly excludeOrderId?: string | undefined;
}

export class EnterpriseProfileService {
  constructor(
    private readonly d: Pick<OrdersDeps, 'uow' | 'orders' | 'settings' | 'profiles' | 'files' | 'inquiries' | 'cipher' | 'sensitiveReads' | 'timeline' | 'events' | 'clock' | 'charset'>,
  ) {}

  /**
   * The profile of an order the actor may see: sensitive fields masked, or in clear when `unmasked` is asked
   * by an actor holding order.view_sensitive (each field shown is then recorded in the sensitive-read log).
   */
  async get(actor: Actor, orderId: string, options: { unmasked?: boolean } = {}): Promise<ProfileView> {
    const unmasked = options.unmasked === true;
    if (unmasked) requirePermission(actor, PERMISSIONS.sensitiveView);
    // Recording an unmasked read writes, so the read runs in a transaction then.
    const work = async (tx: Tx): Promise<ProfileView> => {
      const order = await readableOrder(this.d, tx, actor, orderId);
      return this.view(tx, actor, order, unmasked);
    };
    return unmasked ? this.d.uow.run(work) : this.d.uow.read(work);
  }

  /**
   * Changes the profile of an open order at the version the actor saw: fields left out keep their value,
   * null clears. Checked by the identity rules; a card failing Luhn needs bankCardLuhnConfirmed. Returns
   * the masked profile and the tenant's other orders of the same company (查重).
   */
  async save(actor: Actor, orderId: string, input: ProfileInput & { readonly version: number }): Promise<ProfileSaveResult> {
    // What the contract prints of the profile (甲方's name, tax id, representative, address, phone, contact).
    requireDrawable(this.d.charset, {
      '/companyName': input.companyName, '/taxId': input.taxId, '/legalPersonName': input.legalPersonName, '/legalPersonMobile': input.legalPersonMobile,
      '/homeAddress': input.homeAddress, '/contactName': input.contactName,
    });
    return this.d.uow.run(async (tx) => {
      const settings = await orderSettings(this.d, tx, actor.tenantId);
      const order = await changeableOrder(this.d, tx, actor, orderId, input.version, settings);
      const tz = actor.timeZone;
      const changes = checkProfileInput(input, this.d.clock.now(), tz);
      const current = await this.d.profiles.get(tx, actor.tenantId, orderId);
      const next = this.apply(order, current, changes, actor.userId);
      await this.d.profiles.save(tx, next);
      const renamed = changes.companyName !== undefined && changes.companyName.name !== order.companyName;
      const saved = await saveOrder(this.d, tx, order, renamed && changes.companyName ? { companyName: changes.companyName.name, companyKey: changes.companyName.key } : {});
      if (changes.taxId) await this.d.inquiries.recordTaxId(tx, actor.tenantId, order.inquiryId, changes.taxId, actor.userId);
      const fields = changedFields(changes);
      const completeness = await completenessOf(this.d, tx, saved, settings);
      const data = { fields, complete: completeness.complete }; // names only: never a sensitive value in the log
      await record(
        this.d, tx,
        [orderEntry(saved, actor.userId, 'order.profile_updated', `完善了企业信息${completeness.complete ? '（已完善）' : ''}`, data)],
        [orderEvent(saved, actor.userId, 'order.profile_updated', data)],
      );
      const duplicates = await this.findDuplicates(tx, actor, {
        taxId: next.taxId ?? undefined, companyKey: saved.companyKey, residentIdIndex: next.residentIdIndex ?? undefined,
        bankCardIndex: next.bankCardIndex ?? undefined, excludeOrderId: orderId,
      });
      return { profile: await this.view(tx, actor, saved, false), version: saved.version, duplicates };
    });
  }

  /**
   * 查重: the tenant's orders whose tax id, company name, legal representative's ID number or bank card match
   * (numbers compared by their blind index). Orders outside the actor's scope show only the match and owner.
   */
  async duplicates(actor: Actor, input: DuplicateCheckInput): Promise<ProfileDuplicate[]> {
    requirePermission(actor, PERMISSIONS.orderRead);
    const query = this.duplicateQuery(input);
    if (!query.taxId && !query.companyKey && !query.residentIdIndex && !query.bankCardIndex) {
      throw validationFailed([{ path: '/', code: 'required', zh: '请至少提供税号、企业名称、身份证号或银行卡号之一', en: 'Give a tax id, company name, ID number or bank card' }]);
    }
    return this.d.uow.read((tx) => this.findDuplicates(tx, actor, query));
  }

  private duplicateQuery(input: DuplicateCheckInput): ProfileDuplicateQuery {
    const errors: { path: string; code: string; zh: string; en: string }[] = [];
    const attempt = <T>(path: string, f: () => T): T | undefined => {
      try {
        return f();
      } catch (e) {
        if (!isDomainError(e)) throw e;
        errors.push({ path, code: e.code, zh: e.text.zh, en: e.text.en });
        return undefined;
      }
    };
    const now = this.d.clock.now();
    const taxId = input.taxId?.trim() ? attempt('/taxId', () => normalizeUscc(input.taxId as string)) : undefined;
    const id = input.legalPersonIdNumber?.trim() ? attempt('/legalPersonIdNumber', () => parseResidentId(input.legalPersonIdNumber as string, now).number) : undefined;
    const card = input.bankCard?.trim() ? attempt('/bankCard', () => normalizeBankCard(input.bankCard as string).number) : undefined;
    if (errors.length) throw validationFailed(errors);
    return {
      taxId,
      companyKey: input.companyName?.trim() ? normalizeCompanyName(input.companyName) : undefined,
      residentIdIndex: id ? this.d.cipher.blindIndex(RESIDENT_ID_INDEX, id) : undefined,
      bankCardIndex: card ? this.d.cipher.blindIndex(BANK_CARD_INDEX, card) : undefined,
      excludeOrderId: input.excludeOrderId,
    };
  }

  private async findDuplicates(tx: Tx, actor: Actor, query: ProfileDuplicateQuery): Promise<ProfileDuplicate[]> {
    const settings = await orderSettings(this.d, tx, actor.tenantId);
    return (await this.d.profiles.duplicates(tx, actor.tenantId, query)).map((r) => {
      const visible = canSeeOrder(actor, r);
      return {
        orderId: r.orderId, matchedOn: r.matchedOn, ownerName: r.ownerName, visible,
        title: visible ? r.title : null, companyName: visible ? r.companyName : null,
        stage: visible ? pipelineStateName(settings.pipeline, r.stageKey) : null,
      };
    });
  }

  private apply(order: Order, cur: StoredProfile | null, c: ProfileChanges, by: string): StoredProfile {
    const keep = <K extends keyof StoredProfile>(k: K): StoredProfile[K] | null => (cur ? cur[k] : null);
    const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
    const id = c.legalPersonIdNumber;
    const card = c.bankCard;
    const secrets = c.taxSecrets;
    return {
      tenantId: order.tenantId,
      orderId: order.id,
      taxId: pick(c.taxId, keep('taxId')),
      legalPersonName: pick(c.legalPersonName, keep('legalPersonName')),
      legalPersonMobile: pick(c.legalPersonMobile, keep('legalPersonMobile')),
      residentIdSealed: id === undefined ? keep('residentIdSealed') : id === null ? null : this.d.cipher.encrypt(id),
      residentIdIndex: id === undefined ? keep('residentIdIndex') : id === null ? null : this.d.cipher.blindIndex(RESIDENT_ID_INDEX, id),
      bankCardSealed: card === undefined ? keep('bankCardSealed') : card === null ? null : this.d.cipher.encrypt(card.number),
      bankCardIndex: card === undefined ? keep('bankCardIndex') : card === null ? null : this.d.cipher.blindIndex(BANK_CARD_INDEX, card.number),
      bankCardLuhnConfirmed: card === undefined ? (cur?.bankCardLuhnConfirmed ?? false) : card !== null && card.luhnConfirmed,
      bankBranch: pick(c.bankBranch, keep('bankBranch')),
      homeAddress: pick(c.homeAddress, keep('homeAddress')),
      maritalStatus: pick(c.maritalStatus, keep('maritalStatus')),
      taxSecretsSealed: secrets === undefined ? keep('taxSecretsSealed') : secrets === null ? null : this.d.cipher.encrypt(secrets),
      contactName: pick(c.contactName, keep('contactName')),
      contactRelationship: pick(c.contactRelationship, keep('contactRelationship')),
      updatedBy: by,
      updatedAt: this.d.clock.now(),
    };
  }

  private async view(tx: Tx, actor: Actor, order: Order, unmasked: boolean): Promise<ProfileView> {
    const settings = await orderSettings(this.d, tx, actor.tenantId);
    const p = await this.d.profiles.get(tx, actor.tenantId, order.id);
    const files = await this.d.files.listBySubject(tx, actor.tenantId, ORDER_SUBJECT, order.id, false);
    const kinds = files.map((f) => f.kind);
    const completeness = await completenessOf(this.d, tx, order, settings, kinds);
    const clear = unmasked && can(actor, PERMISSIONS.sensitiveView);
    const shown = await revealSensitive(
      tx, { cipher: this.d.cipher, log: this.d.sensitiveReads }, actor, { type: ORDER_SUBJECT, id: order.id },
      [
        { field: 'legalPersonIdNumber', sealed: p?.residentIdSealed ?? null, mask: maskResidentId },
        { field: 'bankCard', sealed: p?.bankCardSealed ?? null, mask: maskBankCard },
        { field: 'taxSecrets', sealed: p?.taxSecretsSealed ?? null, mask: () => TAX_SECRETS_MASK },
      ],
      { permission: PERMISSIONS.sensitiveView, unmasked: clear },
    );
    // Age and gender show beside the masked number, as on the brochure's screen; the birth date would unmask it.
    const idPlain = p?.residentIdSealed ? this.d.cipher.decrypt(p.residentIdSealed) : null;
    const derived = idPlain ? deriveFromResidentId(idPlain, this.d.clock.now(), actor.timeZone) : null;
    const cardPlain = p?.bankCardSealed ? this.d.cipher.decrypt(p.bankCardSealed) : null;
    const doc = (field: 'idCardFront' | 'idCardBack' | 'businessLicence'): string | null => files.find((f) => f.kind === PROFILE_DOCUMENTS[field])?.id ?? null;
    return {
      orderId: order.id,
      companyName: order.companyName,
      taxId: p?.taxId ?? null,
      legalPersonName: p?.legalPersonName ?? null,
      legalPersonMobile: customerMobileFor(actor, order.ownerId, p?.legalPersonMobile ?? null),
      legalPersonIdNumber: shown.legalPersonIdNumber ?? null,
      legalPersonAge: derived?.age ?? null,
      legalPersonGender: derived?.gender ?? null,
      legalPersonBirthDate: clear ? (derived?.birthDate ?? null) : null,
      bankCard: shown.bankCard ?? null,
      bankCardLuhnValid: cardPlain === null ? null : normalizeBankCard(cardPlain).luhnValid,
      bankCardLuhnConfirmed: p?.bankCardLuhnConfirmed ?? false,
      bankBranch: p?.bankBranch ?? null,
      homeAddress: p?.homeAddress ?? null,
      maritalStatus: p?.maritalStatus ?? null,
      taxSecrets: shown.taxSecrets ?? null,
      contactName: p?.contactName ?? null,
      contactRelationship: p?.contactRelationship ?? null,
      documents: { idCardFront: doc('idCardFront'), idCardBack: doc('idCardBack'), businessLicence: doc('businessLicence') },
      completeness,
      masked: !clear,
      updatedAt: p?.updatedAt ?? null,
      updatedBy: p?.updatedBy ?? null,
    };
  }
}

/** The names of the fields a change touched, in form order. */
function changedFields(c: ProfileChanges): string[] {
  const touched = new Set<string>(Object.keys(c));
  return PROFILE_FIELDS.filter((f) => touched.has(f));
}
