import test from 'ava';
import { DEFAULT_CANNED_PHRASES, DEFAULT_INQUIRY_SETTINGS, gradingPolicyOf, poolPolicyOf, validateInquirySettings } from '../../../core/inquiries/settings.js';
import type { InquirySettings } from '../../../core/inquiries/types.js';
import { nextFollowUpAt } from '../../../core/grading/next-follow-up.js';
import { someSettings } from './builders.js';

const paths = (s: InquirySettings): string[] => validateInquirySettings(s, 'Asia/Shanghai')?.fieldErrors.map((f) => `${f.path} ${f.code}`) ?? [];

test('a new firm starts with the brochure’s lists and A/B/C grading', (t) => {
  const s = DEFAULT_INQUIRY_SETTINGS;
  t.true(s.dictionaries.sources.includes('电销'));
  t.true(s.dictionaries.propertyTypes.includes('按揭房'));
  t.deepEqual(s.dictionaries.followUpTypes, ['回访跟进', '产品方案', '邀约面谈', '考虑结果']);
  t.is(DEFAULT_CANNED_PHRASES.length, 4);
  t.true(DEFAULT_CANNED_PHRASES.includes('税贷、发票贷都能做'));
  t.deepEqual(s.grading.levels.map((l) => `${l.code}${l.name}`), ['A高价值', 'B潜在价值', 'C低价值']);
  t.false(s.allowDuplicateMobiles);
  t.deepEqual(paths(s), []);
});

test('生成 from the settings: B is three days later at the same wall-clock time in the firm’s zone', (t) => {
  const at = nextFollowUpAt('B', new Date('2021-10-15T07:10:24Z'), gradingPolicyOf(DEFAULT_INQUIRY_SETTINGS, 'Asia/Shanghai'));
  t.deepEqual(at, new Date('2021-10-18T07:10:24Z'));
});

test('a pool takes its days from the levels unless it overrides a level', (t) => {
  const s = someSettings({ pools: { inquiry: { reminderDaysBefore: 1, reclaimBlockDays: 3, maxHoldings: 100 }, customer: { reminderDaysBefore: null, reclaimBlockDays: 0, maxHoldings: null, noFollowUpDays: { A: null } } } });
  const inquiry = poolPolicyOf(s, 'inquiry');
  t.deepEqual(inquiry.noFollowUpDays, { A: 15, B: 30, C: 60 });
  t.deepEqual([inquiry.reminderDaysBefore, inquiry.reclaimBlockDays, inquiry.maxHoldings], [1, 3, 100]);
  const customer = poolPolicyOf(s, 'customer');
  t.deepEqual(customer.noFollowUpDays, { A: null, B: 30, C: 60 });
  t.deepEqual(customer.overdueDays, { A: 7, B: 15, C: 30 });
});

const BROKEN: [string, Partial<InquirySettings>, string[]][] = [
  ['no levels', { grading: { levels: [], workingHours: null } }, ['/grading/levels no_levels']],
  ['a level code used twice', { grading: { levels: [DEFAULT_INQUIRY_SETTINGS.grading.levels[0]!, DEFAULT_INQUIRY_SETTINGS.grading.levels[0]!], workingHours: null } }, ['/grading/levels/1/code duplicate_code']],
  ['working hours ending before they start', { grading: { levels: DEFAULT_INQUIRY_SETTINGS.grading.levels, workingHours: { start: '18:00', end: '09:00', workdays: [1], holidays: [], extraWorkdays: [] } } }, ['/grading/workingHours/end end_not_after_start']],
  ['a negative reclaim block', { pools: { ...DEFAULT_INQUIRY_SETTINGS.pools, inquiry: { reminderDaysBefore: 3, reclaimBlockDays: -1, maxHoldings: null } } }, ['/pools/inquiry/reclaimBlockDays bad_number']],
  ['an override for a level that does not exist', { pools: { ...DEFAULT_INQUIRY_SETTINGS.pools, customer: { reminderDaysBefore: 3, reclaimBlockDays: 7, maxHoldings: null, overdueDays: { D: 3 } } } }, ['/pools/customer/overdueDays/D unknown_level']],
  ['an empty source list', { dictionaries: { ...DEFAULT_INQUIRY_SETTINGS.dictionaries, sources: [] } }, ['/dictionaries/sources empty']],
  ['a property type listed twice', { dictionaries: { ...DEFAULT_INQUIRY_SETTINGS.dictionaries, propertyTypes: ['按揭房', '按揭房 '] } }, ['/dictionaries/propertyTypes/1 duplicate']],
  ['a blank follow-up type', { dictionaries: { ...DEFAULT_INQUIRY_SETTINGS.dictionaries, followUpTypes: ['回访跟进', ' '] } }, ['/dictionaries/followUpTypes/1 bad_length']],
  ['a canned phrase of 201 characters', { cannedPhrases: ['x'.repeat(201)] }, ['/cannedPhrases/0 bad_length']],
];

for (const [what, over, expected] of BROKEN) {
  test(`settings with ${what} are refused with the path`, (t) => {
    t.deepEqual(paths(someSettings(over)), expected);
  });
}

test('every problem is listed at once, as validation.failed', (t) => {
  const e = validateInquirySettings(someSettings({ cannedPhrases: [], dictionaries: { sources: [], propertyTypes: ['a'], followUpTypes: ['b'] } }), 'Asia/Shanghai');
  t.is(e?.code, 'validation.failed');
  t.deepEqual(e?.fieldErrors.map((f) => f.path), ['/dictionaries/sources', '/cannedPhrases']);
});
