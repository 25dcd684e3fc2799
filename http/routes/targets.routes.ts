// 业绩目标: the targets of a month or quarter for the people and departments you see, set in one go and removed
// one by one (target.manage); and 我的完成率, your own figures against your own targets.
import type { TargetsService } from '../../core/targets/targets.service.js';
import type { BriefingService } from '../../core/briefing/briefing.service.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { TARGET_METRICS, TARGET_SUBJECT_KINDS } from '../../core/targets/types.js';
import { fen, objectSchema, uuid } from '../schemas.js';

const tags = ['targets'];
const period = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2]|Q[1-4])$', description: "A month '2026-12' or a quarter '2026-Q4' (Q1 = January–March)" };
const subjectKind = { type: 'string', enum: [...TARGET_SUBJECT_KINDS], description: 'person 人员 or department 部门' };
const metric = { type: 'string', enum: [...TARGET_METRICS], description: 'contract 合同金额, disbursed 放款金额, collected 回款金额' };
const target = objectSchema({ subjectKind, subjectId: uuid, metric, period, amountFen: { ...fen, description: '目标金额 in fen; 0 shows no percentage' } }, ['subjectKind', 'subjectId', 'metric', 'period', 'amountFen']);

export function targetsRoutes(s: { targets: TargetsService; briefing: BriefingService }): RouteDef[] {
  return [
    {
      method: 'get', path: '/targets', tags, summary: '业绩目标 The targets of a month or quarter for the departments and people you see',
      description: 'Each row has, per figure, the amount set for exactly this period (setFen) and what the period is compared with (resolvedFen: its own, its third of the quarter, or its months’ sum).',
      schemas: { query: objectSchema({ period }, ['period']) },
      handler: async ({ actor, query }) => s.targets.board(actor, query.period),
    },
    {
      method: 'put', path: '/targets', tags, summary: '设置业绩目标 Set targets (each replaces the amount set for its subject, figure and period; all or none)',
      schemas: { body: objectSchema({ targets: { type: 'array', items: target, minItems: 1, maxItems: 1000 } }, ['targets']) },
      handler: async ({ actor, body }) => ({ targets: await s.targets.save(actor, body.targets) }),
    },
    {
      method: 'delete', path: '/targets/:subjectKind/:subjectId/:metric/:period', tags, summary: '删除业绩目标 Remove one target',
      schemas: { params: objectSchema({ subjectKind, subjectId: uuid, metric, period }, ['subjectKind', 'subjectId', 'metric', 'period']) },
      handler: async ({ actor, params }) => {
        await s.targets.remove(actor, { subjectKind: params.subjectKind, subjectId: params.subjectId, metric: params.metric, period: params.period });
        return undefined;
      },
    },
    {
      method: 'get', path: '/briefing/mine', tags: ['briefing', ...tags], summary: '我的完成率 Your own figures of this month, quarter or year against your own targets',
      schemas: { query: objectSchema({ period: { type: 'string', enum: ['month', 'quarter', 'year'], default: 'month' } }) },
      handler: async ({ actor, query }) => s.briefing.myAttainment(actor, query.period ?? 'month'),
    },
  ];
}
