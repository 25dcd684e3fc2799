// One row of an import through the rules of 新建咨询: the inquiries area's field checks (the identity rules
// for mobile and tax id, the firm's levels and dictionaries, the next follow-up not in the past), the 生成
// rule when 下次跟进时间 is blank, and the owner and department the way InquiryService.create resolves them.
// Every problem of the row is reported at once, in Chinese, naming the column.
import {
  BAD_TEXT_MESSAGE, PERMISSIONS, can, checkInquiryFields, isCleanText, findLevel, gradingPolicyOf, inScope, isDomainError, nextFollowUpAt, normalizeMobile, undrawableFields,
  type Actor, type Department, type DocumentCharset, type InquiryFields, type InquirySettings, type User,
} from 'yunzhou/plugin';
import { genderOf, instantOf, levelOf } from './cell-values.js';
import { HEADER_OF, type ImportField } from './columns.js';
import type { RawRow } from './import-file.js';

/** The firm's people and departments, looked up by what an import row names them by. */
export interface Directory {
  readonly usersByMobile: ReadonlyMap<string, User>;
  readonly usersByName: ReadonlyMap<string, readonly User[]>;
  readonly departmentsByName: ReadonlyMap<string, readonly Department[]>;
}

export function directoryOf(users: readonly User[], departments: readonly Department[]): Directory {
  const usersByMobile = new Map<string, User>();
  const usersByName = new Map<string, User[]>();
  for (const u of users) {
    if (!u.active) continue;
    usersByMobile.set(u.mobile, u);
    usersByName.set(u.name.trim(), [...(usersByName.get(u.name.trim()) ?? []), u]);
  }
  const departmentsByName = new Map<string, Department[]>();
  for (const d of departments) departmentsByName.set(d.name.trim(), [...(departmentsByName.get(d.name.trim()) ?? []), d]);
  return { usersByMobile, usersByName, departmentsByName };
}

export interface RowContext {
  readonly actor: Actor;
  readonly settings: InquirySettings;
  readonly timeZone: string;
  readonly now: Date;
  readonly directory: Directory;
  /** What the documents can print: the company name becomes an order's, printed on its contract and invoices. */
  readonly charset: DocumentCharset;
}

export type PreparedRow =
  | { readonly ok: true; readonly fields: InquiryFields; readonly ownerId: string | null; readonly ownerName: string | null; readonly departmentId: string | null }
  | { readonly ok: false; readonly message: string };

/** Words that put a row straight into 咨询公海 instead of a person. */
export const POOL_WORDS: readonly string[] = ['公海', '咨询公海'];

const FIELD_OF_PATH: Readonly<Record<string, ImportField>> = {
  '/companyName': 'companyName', '/mobile': 'mobile', '/contactName': 'contactName', '/gender': 'gender', '/level': 'level',
  '/nextFollowUpAt': 'nextFollowUpAt', '/source': 'source', '/propertyType': 'propertyType', '/remark': 'remark', '/taxId': 'taxId',
};

function problem(field: ImportField, zh: string): string {
  return `${HEADER_OF[field]}：${zh}`;
}

interface Owner {
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  readonly departmentId: string | null;
}

/**
 * 负责人: blank or oneself is the importer; 公海 puts the record in 咨询公海; anyone else is found by mobile or
 * by name among the firm's active people. Like InquiryService.create, another owner or the pool needs
 * pool.assign and the person must be in the importer's data scope; 所属部门 (by name) defaults to the
 * owner's department.
 */
function ownerOf(values: RawRow['values'], ctx: RowContext, problems: string[]): Owner | undefined {
  const { actor, directory } = ctx;
  const ownerText = (values.owner ?? '').trim();
  const deptText = (values.department ?? '').trim();
  let departmentId: string | null | undefined;
  if (deptText) {
    const found = directory.departmentsByName.get(deptText) ?? [];
    if (found.length === 0) problems.push(problem('department', `找不到部门「${deptText}」`));
    else if (found.length > 1) problems.push(problem('department', `有 ${found.length} 个部门都叫「${deptText}」，请在系统中改名后再导入`));
    else departmentId = (found[0] as Department).id;
    if (departmentId === undefined) return undefined;
  }
  if (!ownerText) return { ownerId: actor.userId, ownerName: actor.name, departmentId: departmentId ?? actor.departmentId };
  const mayAssign = can(actor, PERMISSIONS.poolAssign);
  if (POOL_WORDS.includes(ownerText)) {
    if (!mayAssign) {
      problems.push(problem('owner', `放入咨询公海需要「分配」权限（${PERMISSIONS.poolAssign}）`));
      return undefined;
    }
    return { ownerId: null, ownerName: null, departmentId: departmentId ?? null };
  }
  let user: User | undefined;
  let mobile: string | null = null;
  try {
    mobile = normalizeMobile(ownerText);
  } catch (e) {
    if (!isDomainError(e)) throw e;
  }
  if (mobile) {
    user = directory.usersByMobile.get(mobile);
  } else {
    const named = directory.usersByName.get(ownerText) ?? [];
    if (named.length > 1) {
      problems.push(problem('owner', `有 ${named.length} 位同名的「${ownerText}」，请改填负责人的手机号`));
      return undefined;
    }
    user = named[0];
  }
  if (!user) {
    problems.push(problem('owner', `找不到在职的负责人「${ownerText}」（请填写本机构用户的姓名或手机号）`));
    return undefined;
  }
  if (user.id === actor.userId) return { ownerId: user.id, ownerName: user.name, departmentId: departmentId ?? actor.departmentId };
  if (!mayAssign) {
    problems.push(problem('owner', `指定他人为负责人需要「分配」权限（${PERMISSIONS.poolAssign}）；留空则负责人为您本人`));
    return undefined;
  }
  if (!inScope(actor, { ownerId: user.id, departmentId: user.departmentId })) {
    problems.push(problem('owner', `负责人「${user.name}」不在您的管理范围内`));
    return undefined;
  }
  return { ownerId: user.id, ownerName: user.name, departmentId: departmentId ?? user.departmentId };
}

const generatedByContext = new WeakMap<RowContext, Map<string, Date>>();

/** 生成 gives every row of a level the same time within one chunk (same `now`): worked out once. */
function generated(ctx: RowContext, level: string, make: () => Date): Date {
  let byLevel = generatedByContext.get(ctx);
  if (!byLevel) generatedByContext.set(ctx, (byLevel = new Map()));
  let d = byLevel.get(level);
  if (!d) byLevel.set(level, (d = make()));
  return d;
}

/** The row checked by the inquiry rules and resolved to an owner, or every reason it cannot be imported. */
export function prepareRow(raw: RawRow, ctx: RowContext): PreparedRow {
  const v = raw.values;
  const problems: string[] = [];
  // A cell with NUL or a lone surrogate (an XML character reference can carry one) is never stored.
  for (const [field, text] of Object.entries(v) as [ImportField, string | undefined][]) {
    if (text !== undefined && !isCleanText(text)) problems.push(problem(field, BAD_TEXT_MESSAGE.zh));
  }
  const level = levelOf(v.level ?? '', ctx.settings.grading.levels);
  const policy = gradingPolicyOf(ctx.settings, ctx.timeZone);
  let next = instantOf(v.nextFollowUpAt ?? '', ctx.timeZone, ctx.settings.grading.workingHours?.start ?? '09:00');
  // 生成: a blank next follow-up comes from the level's interval (an unknown level is reported by itself).
  if (next === undefined) next = findLevel(policy, level) ? generated(ctx, level, () => nextFollowUpAt(level, ctx.now, policy)) : ctx.now;
  let fields: InquiryFields | undefined;
  try {
    fields = checkInquiryFields({
      companyName: v.companyName ?? '', mobile: v.mobile ?? '', contactName: v.contactName ?? '', gender: genderOf(v.gender ?? ''), level,
      nextFollowUpAt: next, source: v.source ?? '', propertyType: v.propertyType ?? '', remark: v.remark ?? '', taxId: v.taxId || null,
    }, { settings: ctx.settings, now: ctx.now });
  } catch (e) {
    if (!isDomainError(e) || e.fieldErrors.length === 0) throw e;
    for (const f of e.fieldErrors) {
      const field = FIELD_OF_PATH[f.path];
      problems.push(field ? problem(field, f.zh) : f.zh);
    }
  }
  for (const f of undrawableFields(ctx.charset, { '/companyName': v.companyName })) problems.push(problem('companyName', f.zh));
  const owner = ownerOf(v, ctx, problems);
  if (problems.length || !fields || !owner) return { ok: false, message: problems.join('；') };
  return { ok: true, fields, ...owner };
}
