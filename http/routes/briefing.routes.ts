// 数据简报: the home screen's briefing for a period (today, this week, month, quarter, year, or custom dates in
// the firm's calendar) and a scope (the firm, a department and its subtree, or a person; never beyond your
// data scope): contract, disbursed and collected amounts, new inquiries, follow-ups, the order funnel, overdue
// instalments, the ranking by collected amount, and the trend.
import type { BriefingService } from '../../core/briefing/briefing.service.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { PERIOD_KINDS } from '../../core/briefing/period.js';
import { TREND_GRANULARITIES } from '../../core/briefing/trend.js';
import { date, objectSchema, uuid } from '../schemas.js';

export function briefingRoutes(s: { briefing: BriefingService }): RouteDef[] {
  return [
    {
      method: 'get', path: '/briefing', tags: ['briefing'], summary: '数据简报 Figures, funnel, ranking and trend of a period and scope',
      description: 'period: today 今日, week 本周 (from Monday), month 本月, quarter 本季度, year 本年, custom 自定义 (from and to, inclusive). Without departmentId or userId: the widest scope you may see. Amounts are integer fen.',
      schemas: {
        query: objectSchema({
          period: { type: 'string', enum: [...PERIOD_KINDS], default: 'month' },
          from: date,
          to: date,
          departmentId: { ...uuid, description: 'A department and its subtree' },
          userId: { ...uuid, description: 'One person (the orders’ owner)' },
          granularity: { type: 'string', enum: [...TREND_GRANULARITIES], description: 'The trend’s buckets (default by the period’s length)' },
          rankingLimit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
        }),
      },
      handler: async ({ actor, query }) => s.briefing.briefing(actor, {
        period: query.period ?? 'month', from: query.from, to: query.to, departmentId: query.departmentId, userId: query.userId, granularity: query.granularity,
        rankingLimit: query.rankingLimit,
      }),
    },
  ];
}
