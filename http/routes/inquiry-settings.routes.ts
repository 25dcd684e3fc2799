// The firm's inquiry settings: grading (levels, intervals, working hours), the pools' rules, the dictionaries
// (客户来源, 客户房产, 跟进类型) and 常用语. Everyone working with inquiries reads them; admins change them.
import type { InquirySettingsService } from '../../core/inquiries/settings.service.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { objectSchema } from '../schemas.js';

const days = { anyOf: [{ type: 'integer' }, { type: 'null' }] };
const perLevelDays = { type: 'object', additionalProperties: days, maxProperties: 20 };
const strings = (maxLength: number) => ({ type: 'array', items: { type: 'string', maxLength }, maxItems: 50 });
const dates = { type: 'array', items: { type: 'string', maxLength: 10 }, maxItems: 400 };

const level = objectSchema(
  {
    code: { type: 'string', maxLength: 8 },
    name: { type: 'string', maxLength: 20 },
    followUpIntervalMinutes: { type: 'integer', description: 'A day is 1440' },
    poolRecycle: objectSchema({ noFollowUpDays: days, overdueDays: days }, ['noFollowUpDays', 'overdueDays']),
  },
  ['code', 'name', 'followUpIntervalMinutes', 'poolRecycle'],
);

const workingHours = {
  anyOf: [
    objectSchema(
      {
        start: { type: 'string', maxLength: 5, description: 'HH:mm' },
        end: { type: 'string', maxLength: 5 },
        workdays: { type: 'array', items: { type: 'integer' }, maxItems: 7, description: '1 = Monday … 7 = Sunday' },
        holidays: dates,
        extraWorkdays: dates,
      },
      ['start', 'end', 'workdays', 'holidays', 'extraWorkdays'],
    ),
    { type: 'null' },
  ],
};

const poolRules = objectSchema(
  {
    reminderDaysBefore: days,
    reclaimBlockDays: { type: 'integer' },
    maxHoldings: days,
    noFollowUpDays: perLevelDays,
    overdueDays: perLevelDays,
  },
  ['reminderDaysBefore', 'reclaimBlockDays', 'maxHoldings'],
);

export function inquirySettingsRoutes(s: { inquirySettings: InquirySettingsService }): RouteDef[] {
  const svc = s.inquirySettings;
  return [
    {
      method: 'get', path: '/inquiry-settings', tags: ['inquiry settings'], summary: '咨询设置 Grading, pool rules, dictionaries and 常用语',
      handler: async ({ actor }) => svc.get(actor),
    },
    {
      method: 'get', path: '/inquiry-settings/form-lists', tags: ['inquiry settings'], summary: '表单选项 What the 新建咨询 and 新建跟进 forms offer',
      handler: async ({ actor }) => svc.formLists(actor),
    },
    {
      method: 'patch', path: '/inquiry-settings', tags: ['inquiry settings'], summary: '修改咨询设置 Change sections of the settings (org.manage)',
      description: 'The whole result is checked before saving (validation.failed lists each problem); a level still carried by records cannot be removed (grading.level_in_use).',
      schemas: {
        body: objectSchema(
          {
            version: { type: 'integer', minimum: 0 },
            grading: objectSchema({ levels: { type: 'array', items: level, maxItems: 20 }, workingHours }, ['levels']),
            pools: objectSchema({ inquiry: poolRules, customer: poolRules }),
            dictionaries: objectSchema({ sources: strings(50), propertyTypes: strings(50), followUpTypes: strings(50) }),
            cannedPhrases: strings(300),
            allowDuplicateMobiles: { type: 'boolean' },
          },
          ['version'],
        ),
      },
      handler: async ({ actor, body }) => svc.update(actor, body),
    },
    {
      method: 'put', path: '/inquiry-settings/canned-phrases', tags: ['inquiry settings'], summary: '常用语 Replace the firm’s canned phrases (org.manage)',
      schemas: { body: objectSchema({ version: { type: 'integer', minimum: 0 }, phrases: strings(300) }, ['version', 'phrases']) },
      handler: async ({ actor, body }) => {
        const s = await svc.update(actor, { version: body.version, cannedPhrases: body.phrases });
        return { phrases: s.cannedPhrases, version: s.version };
      },
    },
  ];
}
