// The filters of the 咨询, 准客户 and pool lists, turned from what a person picks (today, overdue, dates in
// the firm's calendar, a keyword) into instants and keys a repository can use.
import {
  validationFailed, addDaysToLocalDate, addLocalDays, instantOfLocalDateTime, isLocalDateText, startOfLocalDay,
  type FieldError,
} from '../shared/index.js';
import { normalizeMobile } from '../identity/index.js';
import { scopeFilter, subtreeIds, type Actor, type Department } from '../organisation/index.js';
import type { InquiryListFilter, InquirySort } from './ports.js';
import type { Lifecycle } from './types.js';

/** The list's 视图 inside the actor's data scope: 我的 (own), 本部门 (own department and below), 全部 (all in scope). */
export type ListView = 'mine' | 'department' | 'all';

export interface InquiryListQuery {
  /** Default 'all': everything the actor's data scope allows. */
  readonly view?: ListView | undefined;
  /** Default: ['inquiry'] (the 咨询 list); ['prospect'] is the 准客户 list. */
  readonly lifecycles?: readonly Lifecycle[] | undefined;
  readonly level?: string | undefined;
  readonly source?: string | undefined;
  readonly ownerId?: string | undefined;
  /** The department and its sub-departments. */
  readonly departmentId?: string | undefined;
  /** Next follow-up falls today in the firm's calendar. */
  readonly dueToday?: boolean | undefined;
  /** Next follow-up has passed. */
  readonly overdue?: boolean | undefined;
  /** 'YYYY-MM-DD', inclusive, in the firm's calendar. */
  readonly createdFrom?: string | undefined;
  readonly createdTo?: string | undefined;
  /** Contact name, company name, the last four digits of the mobile, or the whole mobile. */
  readonly keyword?: string | undefined;
  /** Default: next follow-up, soonest first; 'created': newest first. */
  readonly sort?: 'nextFollowUp' | 'created' | undefined;
}

function later(a: Date | undefined, b: Date): Date {
  return a === undefined || b > a ? b : a;
}
function earlier(a: Date | undefined, b: Date): Date {
  return a === undefined || b < a ? b : a;
}

function keywordOf(text: string | undefined): InquiryListFilter['keyword'] {
  const t = text?.trim();
  if (!t) return undefined;
  let mobile: string | undefined;
  try {
    mobile = normalizeMobile(t);
  } catch {
    mobile = undefined;
  }
  return { text: t, lastFour: /^\d{4}$/.test(t) ? t : undefined, mobile };
}

/**
 * A list query as a repository filter: owned lists are limited to the actor's data scope (and to the view
 * chosen inside it: 我的 is the actor's own records, 本部门 the actor's department and its sub-departments),
 * pools show the whole tenant; "due today" is the firm's calendar day of `now`, "overdue" is before `now`, and both together
 * mean earlier today; created dates are whole days in the firm's zone, both ends included.
 */
export function listFilter(
  actor: Actor,
  query: InquiryListQuery,
  ctx: { readonly owned: boolean; readonly now: Date; readonly departments: readonly Department[]; readonly defaultLifecycles?: readonly Lifecycle[] },
): { filter: InquiryListFilter; sort: InquirySort } {
  const zone = actor.timeZone;
  const errors: FieldError[] = [];
  for (const k of ['createdFrom', 'createdTo'] as const) {
    const v = query[k];
    if (v !== undefined && !isLocalDateText(v)) errors.push({ path: `/query/${k}`, code: 'bad_date', zh: '日期应为 YYYY-MM-DD', en: 'must be a YYYY-MM-DD date' });
  }
  if (errors.length) throw validationFailed(errors);

  let from: Date | undefined;
  let before: Date | undefined;
  if (query.dueToday) {
    const start = startOfLocalDay(ctx.now, zone);
    from = later(from, start);
    before = earlier(before, addLocalDays(start, 1, zone));
  }
  if (query.overdue) before = earlier(before, ctx.now);

  // The view narrows within the scope; a department filter and the 本部门 view both apply (their overlap).
  let departmentIds = query.departmentId ? subtreeIds(ctx.departments, query.departmentId) : undefined;
  if (query.view === 'department') {
    const mine = actor.departmentId ? subtreeIds(ctx.departments, actor.departmentId) : [];
    departmentIds = departmentIds ? departmentIds.filter((d) => mine.includes(d)) : mine;
  }
  const filter: InquiryListFilter = {
    lifecycles: query.lifecycles?.length ? [...new Set(query.lifecycles)] : [...(ctx.defaultLifecycles ?? ['inquiry'])],
    owned: ctx.owned,
    scope: ctx.owned ? scopeFilter(actor) : null,
    level: query.level,
    source: query.source,
    ownerId: query.view === 'mine' ? actor.userId : query.ownerId,
    departmentIds,
    nextFollowUpFrom: from,
    nextFollowUpBefore: before,
    createdFrom: query.createdFrom ? instantOfLocalDateTime(query.createdFrom, '00:00', zone) : undefined,
    createdBefore: query.createdTo ? instantOfLocalDateTime(addDaysToLocalDate(query.createdTo, 1), '00:00', zone) : undefined,
    keyword: keywordOf(query.keyword),
  };
  return { filter, sort: query.sort === 'created' ? 'created' : 'next_follow_up' };
}
