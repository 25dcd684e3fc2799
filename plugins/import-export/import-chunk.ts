// One chunk of an import in one transaction: rows checked by the inquiry rules, duplicates found (earlier in
// the file, or in the firm: 查重 by mobile through the inquiries repository, naming the owner as 新建咨询's
// refusal does), the rest inserted in bulk claiming their mobiles, each with its 动态 line and its
// inquiry.created event, and the chunk's results and the job's progress written in the same transaction.
import {
  duplicateMobileError, levelLabel, localDateTime,
  type ActivityEntry, type DomainEvent, type EventSink, type IdGenerator, type Inquiry, type InquiryDetail, type InquiryRepository,
  type PluginData, type Timeline,
} from 'yunzhou/plugin';
import type { RawRow } from './import-file.js';
import type { ImportJobStore, RowResult } from './job-store.js';
import { prepareRow, type RowContext } from './prepare-row.js';

export interface ChunkDeps {
  readonly data: PluginData;
  readonly inquiries: InquiryRepository;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly ids: IdGenerator;
  readonly store: ImportJobStore;
}

export interface ChunkJob {
  readonly tenantId: string;
  readonly id: string;
  readonly fileName: string;
  readonly runner: string;
}

export interface ChunkInput {
  readonly chunk: number;
  readonly firstIndex: number;
  readonly rows: readonly RawRow[];
  /** The normalised mobiles of the file's valid rows so far, with the first row that had each. */
  readonly seen: Map<string, number>;
  readonly leaseUntil: Date;
  /** Refresh the planner's statistics after this chunk (the table grew a lot). */
  readonly analyze: boolean;
}

/** Thrown when the job's lease went to another runner: the chunk is rolled back and this runner stops. */
export class LostLease extends Error {
  constructor() {
    super('The import job was taken over by another runner');
  }
}

function whoHasIt(existing: InquiryDetail): string {
  return duplicateMobileError(existing).text.zh;
}

/** Processes the rows of one chunk; returns their results (already committed with the job's progress). */
export async function processChunk(d: ChunkDeps, job: ChunkJob, ctx: RowContext & { readonly allowDuplicates: boolean }, input: ChunkInput): Promise<RowResult[]> {
  const results = new Array<RowResult>(input.rows.length);
  const seen = new Map(input.seen);
  const candidates: { index: number; raw: RawRow; record: Inquiry; ownerName: string | null; sameAsRow?: number }[] = [];
  input.rows.forEach((raw, index) => {
    const p = prepareRow(raw, ctx);
    if (!p.ok) {
      results[index] = { row: raw.row, outcome: 'invalid', message: p.message, cells: raw.cells };
      return;
    }
    const earlier = seen.get(p.fields.mobile);
    if (earlier !== undefined && !ctx.allowDuplicates) {
      results[index] = { row: raw.row, outcome: 'duplicate', message: `与文件第 ${earlier} 行的手机号重复（${p.fields.mobile}）`, mobile: p.fields.mobile, cells: raw.cells };
      return;
    }
    if (earlier === undefined) seen.set(p.fields.mobile, raw.row);
    const now = ctx.now;
    const record: Inquiry = {
      tenantId: job.tenantId, id: d.ids.id(), ...p.fields, lastFollowUpAt: null, ownerId: p.ownerId, departmentId: p.departmentId, lifecycle: 'inquiry',
      mergedIntoId: null, assignedAt: null, poolEnteredAt: p.ownerId === null ? now : null, recycleRemindedFor: null, createdBy: ctx.actor.userId,
      createdAt: now, updatedAt: now, version: 1,
    };
    candidates.push({ index, raw, record, ownerName: p.ownerName, ...(earlier !== undefined ? { sameAsRow: earlier } : {}) });
  });

  await d.data.transaction(async (trx, tx) => {
    const byMobile = async (mobiles: string[]): Promise<Map<string, InquiryDetail>> => {
      const found = new Map<string, InquiryDetail>();
      for (const r of await d.inquiries.findByMobiles(tx, job.tenantId, mobiles)) if (!found.has(r.mobile)) found.set(r.mobile, r);
      return found;
    };
    const existing = await byMobile(candidates.map((c) => c.record.mobile));
    const toInsert = candidates.filter((c) => {
      const other = existing.get(c.record.mobile);
      if (!other || ctx.allowDuplicates) return true;
      results[c.index] = { row: c.raw.row, outcome: 'duplicate', message: whoHasIt(other), mobile: c.record.mobile, cells: c.raw.cells };
      return false;
    });
    const inserted = new Set(await d.inquiries.insertMany(tx, toInsert.map((c) => c.record), { exclusiveMobile: !ctx.allowDuplicates }));
    // A record someone created a moment ago holds the mobile now: that row is a duplicate of it.
    const lost = toInsert.filter((c) => !inserted.has(c.record.id));
    const winners = lost.length ? await byMobile(lost.map((c) => c.record.mobile)) : new Map<string, InquiryDetail>();
    const activities: ActivityEntry[] = [];
    const events: DomainEvent[] = [];
    const zone = ctx.timeZone;
    const minutes = new Map<number, string>();
    const minuteText = (d: Date): string => {
      let m = minutes.get(d.getTime());
      if (m === undefined) minutes.set(d.getTime(), (m = localDateTime(d, zone).slice(0, 16)));
      return m;
    };
    for (const c of toInsert) {
      const r = c.record;
      if (!inserted.has(r.id)) {
        const winner = winners.get(r.mobile);
        results[c.index] = { row: c.raw.row, outcome: 'duplicate', message: winner ? whoHasIt(winner) : duplicateMobileError(undefined).text.zh, mobile: r.mobile, cells: c.raw.cells };
        continue;
      }
      const where = r.ownerId === null ? '，放入咨询公海' : r.ownerId !== ctx.actor.userId ? `，负责人：${c.ownerName ?? ''}` : '';
      const other = existing.get(r.mobile);
      const note = other ? `（该手机号已有记录：${whoHasIt(other).replace(/^该手机号已录入：/, '')}）` : c.sameAsRow !== undefined ? `（与文件第 ${c.sameAsRow} 行手机号相同）` : '';
      results[c.index] = { row: c.raw.row, outcome: 'imported', message: `已导入${where}${note}`, inquiryId: r.id, mobile: r.mobile, cells: c.raw.cells };
      activities.push({
        tenantId: r.tenantId, subjectType: 'inquiry', subjectId: r.id, actorId: ctx.actor.userId, action: 'inquiry.created',
        summary: `导入咨询：${r.companyName}（${r.contactName}），${levelLabel(r.level, ctx.settings.grading)}，下次跟进 ${minuteText(r.nextFollowUpAt)}${where}（${job.fileName} 第 ${c.raw.row} 行）`,
        data: { importJobId: job.id, row: c.raw.row },
      });
      events.push({
        type: 'inquiry.created', tenantId: r.tenantId, subjectType: 'inquiry', subjectId: r.id, actorId: ctx.actor.userId,
        data: { ownerId: r.ownerId, level: r.level, source: r.source, importJobId: job.id },
      });
    }
    await d.timeline.record(tx, activities);
    await d.events.publish(tx, events);
    if (input.analyze) await d.inquiries.refreshStatistics(tx);
    const ok = await d.store.commitChunk(trx, job.tenantId, job.id, job.runner, {
      chunk: input.chunk, firstIndex: input.firstIndex, results, leaseUntil: input.leaseUntil, now: ctx.now,
    });
    if (!ok) throw new LostLease();
  });
  for (const [mobile, row] of seen) if (!input.seen.has(mobile)) input.seen.set(mobile, row);
  return results;
}
