// Demo orders: 盛博科技's 企业信用贷 worked through steps 3 to 6 (complete profile with valid synthetic numbers,
// ID card and licence, 提交到下一步, a plan with its attachment, a confirmed contract), and orders of other
// prospects and customers in every stage, lost and cancelled ones included; 大熹金服 runs the brochure's second
// stage set. Everything goes through the use cases, so the timeline, outbox and inquiries' lifecycles are real.
// Only 合同赢单 and 订单完成 are set directly (marked 演示数据): their guards need matched products, the internal
// review and the finance close, which later areas' demo steps provide.
import { Readable } from 'node:stream';
import type { Crm } from '../composition/create-crm.js';
import type { DemoOrganisation } from './organisation.seed.js';
import { DEMO_SHENGBO } from './inquiries.seed.js';
import type { Actor } from '../../core/organisation/actor.js';
import { buildActor } from '../../core/organisation/build-actor.js';
import { OrganisationRepository } from '../../core/organisation/ports.js';
import { makeLuhnCard, makeResidentId, makeUscc } from '../../core/identity/index.js';
import { IdGenerator, UnitOfWork } from '../../core/shared/ports.js';
import { sql } from '../knex/unit-of-work.js';

// A 1×1 PNG (身份证, 营业执照) and a one-page PDF (方案附件, 合同扫描件): enough for the screens to open something.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

type Stage = 'initial_contact' | 'plan_negotiation' | 'application_approval' | 'contract_won' | 'completed' | 'lost' | 'cancelled';

/** The stages the other demo orders end in, in the order they are made. */
const SPREAD: readonly { stage: Stage; title: string; amountYuan?: number }[] = [
  { stage: 'initial_contact', title: '税贷' },
  { stage: 'initial_contact', title: '发票贷' },
  { stage: 'plan_negotiation', title: '企业经营性抵押贷' },
  { stage: 'plan_negotiation', title: '企业信用贷' },
  { stage: 'application_approval', title: '税贷' },
  { stage: 'contract_won', title: '企业信用贷', amountYuan: 150_000 },
  { stage: 'contract_won', title: '票贷', amountYuan: 80_000 },
  { stage: 'completed', title: '企业信用贷', amountYuan: 120_000 },
  { stage: 'lost', title: '个人房抵押' },
  { stage: 'cancelled', title: '车辆抵押贷' },
];

async function actorOf(crm: Crm, tenantId: string, userId: string): Promise<Actor> {
  const org = crm.container.get<OrganisationRepository>(OrganisationRepository);
  const uow = crm.container.get<UnitOfWork>(UnitOfWork);
  return uow.read(async (tx) => {
    const tenant = await org.getTenant(tx, tenantId);
    const user = await org.getUser(tx, tenantId, userId);
    if (!tenant || !user) throw new Error('demo: the demo organisation is missing');
    return buildActor(tenant, user, await org.listRoles(tx, tenantId), await org.listDepartments(tx, tenantId));
  });
}

function upload(crm: Crm, actor: Actor, orderId: string, kind: string, name: string): Promise<unknown> {
  return crm.files.upload(actor, { subjectType: 'order', subjectId: orderId, kind, fileName: name, content: Readable.from([name.endsWith('.pdf') ? PDF : PNG]) });
}

/** A legal representative with valid synthetic numbers (GB 11643, GB 32100, Luhn), different for each n. */
function person(n: number): { taxId: string; id: string; card: string } {
  const year = 1965 + (n % 25);
  return {
    taxId: makeUscc(`91320506MA${String(1_000_000 + n * 7919).slice(-7)}`),
    id: makeResidentId({ region: '320525', birthDate: `${year}-0${1 + (n % 9)}-1${n % 9}`, sequence: 100 + n }),
    card: makeLuhnCard(`6227895643${String(10_000 + n).padStart(5, '0')}`),
  };
}

/** Steps 3 to 6 as far as the stage asks, for one inquiry; returns the order id and its version. */
async function workOrder(crm: Crm, actor: Actor, inquiryId: string, n: number, spec: (typeof SPREAD)[number] & { mobile?: string; name?: string }): Promise<{ id: string; version: number }> {
  const order = await crm.orders.create(actor, { inquiryId, title: spec.title });
  let v = order.version;
  const at = (s: Stage): boolean => SPREAD_ORDER.indexOf(spec.stage) >= SPREAD_ORDER.indexOf(s);
  if (spec.stage === 'cancelled') {
    return { id: order.id, version: (await crm.orders.fire(actor, order.id, { version: v, type: 'cancel', reason: '客户暂不需要融资' })).version };
  }
  const p = person(n);
  const profile = await crm.orderProfiles.save(actor, order.id, {
    version: v, taxId: p.taxId, legalPersonName: spec.name ?? '王伟', legalPersonMobile: spec.mobile ?? `1390000${String(1000 + n).slice(-4)}`,
    legalPersonIdNumber: p.id, bankCard: p.card, bankBranch: '苏州市吴中区', homeAddress: '苏州市工业园区', maritalStatus: 'married',
    ...(n % 2 === 0 ? { taxSecrets: '电子税务局：已授权查询', contactName: '王芳', contactRelationship: '财务' } : {}),
  });
  v = profile.version;
  if (spec.stage === 'initial_contact' && n % 2 === 1) return { id: order.id, version: v }; // 未完善: no ID card yet
  await upload(crm, actor, order.id, 'id_card_front', '身份证正面.png');
  await upload(crm, actor, order.id, 'id_card_back', '身份证反面.png');
  await upload(crm, actor, order.id, 'business_licence', '营业执照.png');
  if (spec.stage === 'initial_contact') return { id: order.id, version: v };
  v = (await crm.orders.submit(actor, order.id, { version: v, remark: '企业信息已完善，请编写方案', nextHandlerId: actor.userId })).version;
  if (spec.stage === 'lost') return { id: order.id, version: (await crm.orders.fire(actor, order.id, { version: v, type: 'mark_lost', reason: '客户选择了其他机构' })).version };
  v = (await crm.orderPlans.save(actor, order.id, {
    version: v, projectName: '融资服务', overview: '企业经营三年以上，纳税信用 A 级，开票稳定', expectedCompletion: '2026-12-31', financialPlan: '经营周转', financingAdvice: '以税贷为主，发票贷补充',
  })).version;
  await upload(crm, actor, order.id, 'plan_attachment', '融资方案.pdf');
  if (!at('application_approval')) return { id: order.id, version: v };
  v = (await crm.orders.fire(actor, order.id, { version: v, type: 'advance' })).version;
  if (spec.amountYuan === undefined) return { id: order.id, version: v };
  v = (await crm.orderContracts.save(actor, order.id, {
    version: v, number: `DX-HT-2026-${String(n).padStart(4, '0')}`, amountFen: spec.amountYuan * 100, signedOn: '2026-11-20', customerParty: order.companyName, firmParty: '大鑫金服',
  })).version;
  await upload(crm, actor, order.id, 'contract_scan', '服务合同.pdf');
  return { id: order.id, version: (await crm.orderContracts.confirm(actor, order.id, { version: v })).version };
}

const SPREAD_ORDER: readonly Stage[] = ['cancelled', 'initial_contact', 'lost', 'plan_negotiation', 'application_approval', 'contract_won', 'completed'];

// 合同赢单 and 订单完成 for the demo only: the guards of those moves belong to later areas (see the header).
async function setStageForDemo(crm: Crm, tenantId: string, orderId: string, actorId: string, stage: 'contract_won' | 'completed'): Promise<void> {
  const uow = crm.container.get<UnitOfWork>(UnitOfWork);
  const ids = crm.container.get<IdGenerator>(IdGenerator);
  const now = crm.clock.now();
  await uow.run(async (tx) => {
    const db = sql(tx);
    const steps: [string, string][] = stage === 'completed'
      ? [['申请批核', '合同赢单'], ['合同赢单', '订单完成']]
      : [['申请批核', '合同赢单']];
    await db('orders').where({ tenant_id: tenantId, id: orderId }).update({
      stage_key: stage, stage_entered_at: now, completed_at: stage === 'completed' ? now : null, updated_at: now, version: db.raw('version + 1'),
    });
    await db('activities').insert(steps.map(([from, to]) => ({
      tenant_id: tenantId, id: ids.id(), subject_type: 'order', subject_id: orderId, actor_id: actorId, action: 'order.stage_changed',
      summary: `从「${from}」推进到「${to}」（演示数据）`, data: JSON.stringify({ demo: true }), at: now,
    })));
  });
}

export async function seedDemoOrders(crm: Crm, demo: DemoOrganisation): Promise<void> {
  const { tenantId, users } = demo.main;
  const knex = crm.database.knex;
  const sun = await actorOf(crm, tenantId, users.sunLulu.id);

  // 盛博科技 / 郑盛: the brochure's order, complete profile, plan and confirmed contract (200000 元).
  const shengbo = await knex('inquiries').where({ tenant_id: tenantId, company_name: DEMO_SHENGBO.companyName, owner_id: sun.userId }).first('id');
  if (shengbo) await workOrder(crm, sun, shengbo.id, 0, { stage: 'application_approval', title: '企业信用贷', amountYuan: 200_000, mobile: DEMO_SHENGBO.mobile, name: DEMO_SHENGBO.contactName });

  // Other people's prospects and customers, in every stage.
  const owned = await knex('inquiries')
    .where({ tenant_id: tenantId })
    .whereIn('lifecycle', ['prospect', 'customer'])
    .whereNotNull('owner_id')
    .whereNull('merged_into_id')
    .orderBy([{ column: 'lifecycle', order: 'desc' }, { column: 'created_at' }])
    .limit(SPREAD.length)
    .select('id', 'owner_id');
  const actors = new Map<string, Actor>();
  for (const [i, row] of owned.entries()) {
    const spec = SPREAD[i];
    if (!spec) break;
    const actor = actors.get(row.owner_id) ?? (await actorOf(crm, tenantId, row.owner_id));
    actors.set(row.owner_id, actor);
    const { id } = await workOrder(crm, actor, row.id, i + 1, spec);
    if (spec.stage === 'contract_won' || spec.stage === 'completed') await setStageForDemo(crm, tenantId, id, actor.userId, spec.stage);
  }

  // 大熹金服 works with the brochure's second stage set.
  const small = demo.small.admin;
  await crm.orderSettings.savePipeline(small, { version: 0, preset: 'contract_first' });
  const theirs = await knex('inquiries').where({ tenant_id: demo.small.tenantId }).whereNotNull('owner_id').first('id');
  if (theirs) await crm.orders.create(small, { inquiryId: theirs.id, title: '企业信用贷' });
}
