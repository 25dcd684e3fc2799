// Repayment calculators (还款计算器): one method's schedule, and the four methods side by side. Pure
// computation from core/loans; any signed-in user may use them.
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { compareMethods, repaymentSchedule, REPAYMENT_METHODS, type RepaymentMethod } from '../../core/loans/index.js';
import { objectSchema } from '../schemas.js';

const terms = {
  principalFen: { type: 'integer', minimum: 1, description: 'Amount borrowed in fen' },
  annualRate: { type: 'string', maxLength: 12, description: 'Nominal annual rate as an exact decimal: "0.0435" is 4.35 %' },
  months: { type: 'integer', minimum: 1, maximum: 360 },
};

export function loansRoutes(): RouteDef[] {
  return [
    {
      method: 'post', path: '/loans/schedule', tags: ['loans'], summary: '还款计划 The month-by-month schedule of one repayment method',
      description: 'Integer fen; monthly rate = annualRate / 12 kept exact; every rounding half-up (ties away from zero).',
      schemas: { body: objectSchema({ ...terms, method: { type: 'string', enum: REPAYMENT_METHODS } }, ['principalFen', 'annualRate', 'months', 'method']) },
      handler: async ({ body }) =>
        repaymentSchedule({ principalFen: body.principalFen, annualRate: body.annualRate, months: body.months, method: body.method as RepaymentMethod }),
    },
    {
      method: 'post', path: '/loans/compare', tags: ['loans'], summary: '还款方式对比 First and last payment, total interest and total paid of the four methods',
      schemas: { body: objectSchema(terms, ['principalFen', 'annualRate', 'months']) },
      handler: async ({ body }) => ({ items: compareMethods({ principalFen: body.principalFen, annualRate: body.annualRate, months: body.months }) }),
    },
  ];
}
