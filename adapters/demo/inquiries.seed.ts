// Demo inquiries for 大鑫金服: about 200 records across levels, sources, owners and lifecycles, with follow-ups,
// some overdue, some in 咨询公海 and 客户公海, and the brochure's own 盛博科技 / 郑盛; a handful for 大熹金服.
// Written in bulk through the repositories, with historical times, in one transaction per firm (well under a
// second). The records sit inside the default recycling policy, so the server's first recycler pass leaves
// them with their owners (a few fall in the reminder window, as in a real firm).
import type { Crm } from '../composition/create-crm.js';
import type { DemoOrganisation } from './organisation.seed.js';
import { makeUscc, normalizeCompanyName, usccCharset } from '../../core/identity/index.js';
import { nextFollowUpAt } from '../../core/grading/next-follow-up.js';
import { DEFAULT_INQUIRY_SETTINGS, gradingPolicyOf, poolPolicyOf } from '../../core/inquiries/settings.js';
import { FollowUpRepository, InquiryRepository, PoolRepository } from '../../core/inquiries/ports.js';
import type { FollowUp, Inquiry, Lifecycle, PoolMove } from '../../core/inquiries/types.js';
import { IdGenerator, UnitOfWork } from '../../core/shared/ports.js';
import { sql } from '../knex/unit-of-work.js';

/** The brochure's example record, for later areas' demo steps (its orders, profile and plan). */
export const DEMO_SHENGBO = { companyName: '盛博科技', mobile: '15213801285', contactName: '郑盛' } as const;

const DAY = 86_400_000;
const PREFIXES = ['华信', '恒达', '鑫源', '瑞丰', '宏图', '博远', '金石', '天成', '汇通', '中晟', '锦程', '嘉禾', '同创', '永盛', '德润', '新锐', '泰和', '广源', '启明', '安泰'];
const TRADES = ['科技', '贸易', '建材', '餐饮管理', '物流', '电子', '服装', '机械', '装饰工程', '农业发展', '医疗器械', '文化传媒'];
const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '涛', '明', '超', '霞', '平', '刚', '丽', '鹏'];
const CONTENTS = [
  '客户有资金需求，约下周面谈', '已发送产品方案，等待客户回复', '客户考虑中，需要50万额度', '回访：企业开票正常，可做发票贷',
  '税贷、发票贷都能做', '客户关心还款方式：先息后本、等额本息', '邀约到公司面谈，客户答应周五来', '客户暂时不缺资金，下月再联系',
];

/** A small deterministic generator, so every demo database looks the same. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Owner {
  readonly id: string | null;
  readonly name: string;
  readonly departmentId: string | null;
}

interface Built {
  readonly inquiries: Inquiry[];
  readonly followUps: FollowUp[];
  readonly moves: PoolMove[];
  readonly activities: Record<string, unknown>[];
}

class Builder {
  readonly out: Built = { inquiries: [], followUps: [], moves: [], activities: [] };
  private readonly mobiles = new Set<string>([DEMO_SHENGBO.mobile]);
  constructor(private readonly tenantId: string, private readonly ids: IdGenerator, private readonly rand: () => number, private readonly now: Date) {}

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)] as T;
  }
  between(a: number, b: number): number {
    return a + this.rand() * (b - a);
  }
  mobile(): string {
    for (;;) {
      const m = `1${this.pick(['36', '39', '58', '59', '86', '87', '77'])}${String(Math.floor(this.rand() * 1e8)).padStart(8, '0')}`;
      if (!this.mobiles.has(m)) {
        this.mobiles.add(m);
        return m;
      }
    }
  }
  taxId(): string {
    let body = '91';
    for (let i = 0; i < 15; i++) body += usccCharset.charAt(Math.floor(this.rand() * usccCharset.length));
    return makeUscc(body);
  }

  activity(subjectId: string, actorId: string | null, action: string, summary: string, at: Date): void {
    this.out.activities.push({ tenant_id: this.tenantId, id: this.ids.id(), subject_type: 'inquiry', subject_id: subjectId, actor_id: actorId, action, summary, data: '{}', at });
  }

  /** One record with its history: created, followed up a few times, maybe released to its pool. */
  record(spec: {
    companyName: string; contactName: string; mobile: string; level: string; source: string; propertyType: string; remark: string;
    owner: Owner; pooledFrom?: Owner; lifecycle: Lifecycle; createdAt: Date; contacts: Date[]; overdueDays: number | null; taxId: string | null;
    notes?: readonly { type: string; content: string }[];
  }): Inquiry {
    const policy = gradingPolicyOf(DEFAULT_INQUIRY_SETTINGS, 'Asia/Shanghai');
    const id = this.ids.id();
    const author = spec.owner.id ?? spec.pooledFrom?.id ?? null;
    const level = spec.level;
    let last: Date | null = null;
    for (const [i, at] of spec.contacts.entries()) {
      const type = spec.notes?.[i]?.type ?? this.pick(DEFAULT_INQUIRY_SETTINGS.dictionaries.followUpTypes);
      const content = spec.notes?.[i]?.content ?? this.pick(CONTENTS);
      const next = nextFollowUpAt(level, at, policy);
      this.out.followUps.push({
        tenantId: this.tenantId, id: this.ids.id(), inquiryId: id, authorId: author, type, content, nextFollowUpAt: next, levelBefore: level, levelAfter: level, createdAt: at,
      });
      this.activity(id, author, 'inquiry.followed_up', `${type}：${content}`, at);
      last = at;
    }
    const planned = nextFollowUpAt(level, last ?? spec.createdAt, policy);
    const next = spec.overdueDays !== null ? new Date(this.now.getTime() - spec.overdueDays * DAY) : planned > this.now ? planned : new Date(this.now.getTime() + this.between(1, 48) * 3_600_000);
    const pooledAt = spec.owner.id === null ? new Date(Math.max((last ?? spec.createdAt).getTime() + DAY, this.now.getTime() - this.between(1, 20) * DAY)) : null;
    const r: Inquiry = {
      tenantId: this.tenantId, id, companyName: spec.companyName, companyKey: normalizeCompanyName(spec.companyName),
      contactName: spec.contactName, mobile: spec.mobile, gender: this.rand() < 0.6 ? 'male' : 'female', level, nextFollowUpAt: next, lastFollowUpAt: last,
      source: spec.source, propertyType: spec.propertyType, ownerId: spec.owner.id, departmentId: spec.owner.departmentId ?? spec.pooledFrom?.departmentId ?? null,
      remark: spec.remark, taxId: spec.taxId, lifecycle: spec.lifecycle, mergedIntoId: null, assignedAt: null, poolEnteredAt: pooledAt, recycleRemindedFor: null,
      createdBy: author, createdAt: spec.createdAt, updatedAt: pooledAt ?? last ?? spec.createdAt, version: 1 + spec.contacts.length,
    };
    this.activity(id, author, 'inquiry.created', `新建咨询：${r.companyName}（${r.contactName}）`, spec.createdAt);
    if (pooledAt && spec.pooledFrom?.id) {
      const recycled = this.rand() < 0.5;
      this.out.moves.push({
        tenantId: this.tenantId, id: this.ids.id(), inquiryId: id, kind: recycled ? 'recycle' : 'release', fromOwnerId: spec.pooledFrom.id, toOwnerId: null,
        actorId: recycled ? null : spec.pooledFrom.id, reason: recycled ? 'no_follow_up' : '客户暂无需求', at: pooledAt,
      });
      const where = spec.lifecycle === 'inquiry' ? '咨询公海' : '客户公海';
      this.activity(id, recycled ? null : spec.pooledFrom.id, recycled ? 'inquiry.recycled' : 'inquiry.released', recycled ? `长期未跟进，自动退回${where}` : `释放到${where}：客户暂无需求`, pooledAt);
    }
    this.out.inquiries.push(r);
    return r;
  }
}

async function write(crm: Crm, built: Built): Promise<void> {
  const c = crm.container;
  const uow = c.get<UnitOfWork>(UnitOfWork);
  await uow.run(async (tx) => {
    await c.get<InquiryRepository>(InquiryRepository).insertMany(tx, built.inquiries);
    await c.get<FollowUpRepository>(FollowUpRepository).insert(tx, built.followUps);
    await c.get<PoolRepository>(PoolRepository).insertMoves(tx, built.moves);
    // Historical times on the timeline (the Timeline port stamps "now"), oldest first so the order reads right.
    const acts = [...built.activities].sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
    for (let i = 0; i < acts.length; i += 500) await sql(tx)('activities').insert(acts.slice(i, i + 500));
  });
}

export async function seedDemoInquiries(crm: Crm, demo: DemoOrganisation): Promise<void> {
  const ids = crm.container.get<IdGenerator>(IdGenerator);
  const now = crm.clock.now();
  const main = demo.main;
  const rand = rng(20211015);
  const b = new Builder(main.tenantId, ids, rand, now);
  const zhou = (await crm.organisation.listUsers(main.admin, { keyword: '周销售' }, { limit: 1 })).items[0];
  const dept = main.departments.newMedia;
  const sun: Owner = { id: main.users.sunLulu.id, name: main.users.sunLulu.name, departmentId: dept };
  const owners: Owner[] = [
    sun, sun, sun, sun,
    { id: main.users.manager.id, name: main.users.manager.name, departmentId: dept },
    ...(zhou ? [{ id: zhou.id, name: zhou.name, departmentId: zhou.departmentId }, { id: zhou.id, name: zhou.name, departmentId: zhou.departmentId }] : []),
    { id: main.users.admin.id, name: main.users.admin.name, departmentId: main.departments.root },
  ];
  const pool: Owner = { id: null, name: '公海', departmentId: null };
  const recyclePolicy = poolPolicyOf(DEFAULT_INQUIRY_SETTINGS, 'inquiry');
  const { sources, propertyTypes } = DEFAULT_INQUIRY_SETTINGS.dictionaries;

  // The brochure's record: created two days ago by 孙露露, one follow-up today.
  b.record({
    ...DEMO_SHENGBO, level: 'B', source: '电销', propertyType: '按揭房', remark: '测试', owner: sun, lifecycle: 'inquiry',
    createdAt: new Date(now.getTime() - 2 * DAY), contacts: [new Date(now.getTime() - 2 * 3_600_000)], overdueDays: null, taxId: null,
    notes: [{ type: '产品方案', content: '税贷、发票贷都能做' }],
  });

  const names = PREFIXES.flatMap((p) => TRADES.map((t) => `${p}${t}`)).sort(() => rand() - 0.5);
  for (let i = 0; i < 199; i++) {
    const level = rand() < 0.25 ? 'A' : rand() < 0.6 ? 'B' : 'C';
    const quiet = recyclePolicy.noFollowUpDays[level] ?? 15;
    const overdueLimit = recyclePolicy.overdueDays[level] ?? 7;
    const inPool = rand() < 0.18;
    const lifecycle: Lifecycle = rand() < 0.82 ? 'inquiry' : rand() < 0.8 ? 'prospect' : 'customer';
    // Owned records stay inside the recycling rules (a few in the last days before their reminder opens).
    const lastContact = new Date(now.getTime() - b.between(0.1, rand() < 0.92 ? quiet - 4 : quiet - 1) * DAY);
    const n = Math.floor(rand() * 4);
    // Without follow-ups the creation is the last contact; with them, it lies up to 40 days earlier.
    const createdAt = n === 0 ? lastContact : new Date(lastContact.getTime() - b.between(0, 40) * DAY);
    const contacts: Date[] = [];
    for (let k = n; k >= 1; k--) contacts.push(new Date(createdAt.getTime() + ((lastContact.getTime() - createdAt.getTime()) * k) / n));
    contacts.reverse();
    const overdue = !inPool && rand() < 0.2 ? Math.max(0.2, b.between(0.2, overdueLimit - 1)) : null;
    const from = b.pick(owners);
    b.record({
      companyName: `${names[i % names.length] as string}${rand() < 0.7 ? '有限公司' : ''}`,
      contactName: b.pick(FAMILY) + b.pick(GIVEN) + (rand() < 0.5 ? b.pick(GIVEN) : ''),
      mobile: b.mobile(), level, source: rand() < 0.35 ? '电销' : b.pick(sources), propertyType: b.pick(propertyTypes),
      remark: b.pick(['老板有贷款意向', '朋友介绍', '抖音留资', '需要流动资金', '企业年开票 500 万以上', '测试']),
      owner: inPool ? pool : from, pooledFrom: inPool ? from : undefined, lifecycle, createdAt, contacts, overdueDays: overdue,
      taxId: rand() < 0.3 ? b.taxId() : null,
    });
  }
  await write(crm, b.out);

  // 大熹金服 has a few of its own, which 大鑫金服 never sees.
  const small = new Builder(demo.small.tenantId, ids, rng(7), now);
  const smallAdmin: Owner = { id: demo.small.admin.userId, name: demo.small.admin.name, departmentId: demo.small.admin.departmentId };
  for (let i = 0; i < 5; i++) {
    small.record({
      companyName: `${PREFIXES[i] as string}实业有限公司`, contactName: (FAMILY[i] as string) + (GIVEN[i] as string), mobile: small.mobile(), level: 'B',
      source: '转介绍', propertyType: '全款房', remark: '大熹金服的客户', owner: smallAdmin, lifecycle: 'inquiry',
      createdAt: new Date(now.getTime() - (i + 1) * DAY), contacts: [], overdueDays: null, taxId: null,
    });
  }
  await write(crm, small.out);
}
