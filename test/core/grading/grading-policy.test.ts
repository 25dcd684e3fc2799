import test from 'ava';
import { DEFAULT_GRADING_POLICY, findLevel, levelLabel, requireLevel, type GradingPolicy } from '../../../core/grading/grading-policy.js';
import { validateGradingPolicy } from '../../../core/grading/validate-grading-policy.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { aLevel, aPolicy, D_LEVEL, OFFICE_HOURS } from './builders.js';

test('the default levels are A 高价值 1 day, B 潜在价值 3 days, C 低价值 7 days, in Shanghai, without working hours', (t) => {
  t.deepEqual(
    DEFAULT_GRADING_POLICY.levels.map((l) => [l.code, l.name, l.followUpIntervalMinutes / 1440]),
    [['A', '高价值', 1], ['B', '潜在价值', 3], ['C', '低价值', 7]],
  );
  t.is(DEFAULT_GRADING_POLICY.timeZone, 'Asia/Shanghai');
  t.is(DEFAULT_GRADING_POLICY.workingHours, undefined);
});

test('levels are labelled as on screen: B类 潜在价值', (t) => {
  t.is(levelLabel('A'), 'A类 高价值');
  t.is(levelLabel('B'), 'B类 潜在价值');
  t.is(levelLabel('C'), 'C类 低价值');
});

test('a tenant’s own names and levels label with its policy; a vanished code shows its code only', (t) => {
  const p = aPolicy({ levels: [aLevel({ name: '重点客户' }), D_LEVEL] });
  t.is(levelLabel('A', p), 'A类 重点客户');
  t.is(levelLabel('D', p), 'D类 无效');
  t.is(levelLabel('B', p), 'B类');
});

test('findLevel finds by code and requireLevel refuses an unknown one', (t) => {
  t.is(findLevel(DEFAULT_GRADING_POLICY, 'C')?.name, '低价值');
  t.is(findLevel(DEFAULT_GRADING_POLICY, 'c'), undefined);
  t.is(requireLevel(DEFAULT_GRADING_POLICY, 'B').followUpIntervalMinutes, 3 * 1440);
  t.is(t.throws(() => requireLevel(DEFAULT_GRADING_POLICY, 'Z'), { instanceOf: DomainError }).code, 'grading.unknown_level');
});

test('the default policy, a policy with office hours and one with a D level are valid', (t) => {
  t.is(validateGradingPolicy(DEFAULT_GRADING_POLICY), null);
  t.is(validateGradingPolicy(aPolicy({ workingHours: OFFICE_HOURS })), null);
  t.is(validateGradingPolicy(aPolicy({ levels: [...DEFAULT_GRADING_POLICY.levels, D_LEVEL] })), null);
});

const invalid: { name: string; policy: GradingPolicy; problems: string[] }[] = [
  { name: 'no levels', policy: aPolicy({ levels: [] }), problems: ['/levels no_levels'] },
  { name: 'a duplicate code', policy: aPolicy({ levels: [aLevel(), aLevel({ name: '重复' })] }), problems: ['/levels/1/code duplicate_code'] },
  { name: 'a code that is not letters or digits', policy: aPolicy({ levels: [aLevel({ code: 'A 类' })] }), problems: ['/levels/0/code bad_code'] },
  { name: 'an empty name', policy: aPolicy({ levels: [aLevel({ name: '  ' })] }), problems: ['/levels/0/name bad_name'] },
  { name: 'a zero interval', policy: aPolicy({ levels: [aLevel({ followUpIntervalMinutes: 0 })] }), problems: ['/levels/0/followUpIntervalMinutes non_positive_interval'] },
  { name: 'a negative interval', policy: aPolicy({ levels: [aLevel({ followUpIntervalMinutes: -1440 })] }), problems: ['/levels/0/followUpIntervalMinutes non_positive_interval'] },
  { name: 'a fractional interval', policy: aPolicy({ levels: [aLevel({ followUpIntervalMinutes: 1.5 })] }), problems: ['/levels/0/followUpIntervalMinutes non_positive_interval'] },
  { name: 'zero recycling days', policy: aPolicy({ levels: [aLevel({ poolRecycle: { noFollowUpDays: 0, overdueDays: null } })] }), problems: ['/levels/0/poolRecycle/noFollowUpDays non_positive_days'] },
  { name: 'an unknown time zone', policy: aPolicy({ timeZone: 'Asia/Beijing' }), problems: ['/timeZone unknown_time_zone'] },
  { name: 'a start time that is not HH:mm', policy: aPolicy({ workingHours: { ...OFFICE_HOURS, start: '9:00' } }), problems: ['/workingHours/start bad_time'] },
  { name: 'an end time past 23:59', policy: aPolicy({ workingHours: { ...OFFICE_HOURS, end: '24:00' } }), problems: ['/workingHours/end bad_time'] },
  { name: 'start equal to end', policy: aPolicy({ workingHours: { ...OFFICE_HOURS, start: '18:00' } }), problems: ['/workingHours/end end_not_after_start'] },
  { name: 'start after end', policy: aPolicy({ workingHours: { ...OFFICE_HOURS, start: '19:00' } }), problems: ['/workingHours/end end_not_after_start'] },
  { name: 'no workdays', policy: aPolicy({ workingHours: { ...OFFICE_HOURS, workdays: [] } }), problems: ['/workingHours/workdays no_workdays'] },
  { name: 'workday 0 and 8', policy: aPolicy({ workingHours: { ...OFFICE_HOURS, workdays: [0, 1, 8] } }), problems: ['/workingHours/workdays/0 unknown_workday', '/workingHours/workdays/2 unknown_workday'] },
  { name: 'a duplicate workday', policy: aPolicy({ workingHours: { ...OFFICE_HOURS, workdays: [1, 2, 2] } }), problems: ['/workingHours/workdays/2 duplicate_workday'] },
  { name: 'a holiday that is not a date', policy: aPolicy({ workingHours: { ...OFFICE_HOURS, holidays: ['2021-02-30'] } }), problems: ['/workingHours/holidays/0 bad_date'] },
  { name: 'a make-up day that is also a holiday', policy: aPolicy({ workingHours: { ...OFFICE_HOURS, extraWorkdays: ['2021-10-01'] } }), problems: ['/workingHours/extraWorkdays/0 holiday_and_workday'] },
];

for (const c of invalid) {
  test(`validateGradingPolicy refuses ${c.name}`, (t) => {
    const e = validateGradingPolicy(c.policy);
    t.true(e instanceof DomainError);
    t.is(e?.code, 'grading.invalid_policy');
    t.is(e?.kind, 'invalid');
    t.deepEqual(e?.details.problems, c.problems);
  });
}

test('validateGradingPolicy lists every problem at once, in both languages', (t) => {
  const e = validateGradingPolicy(
    aPolicy({ levels: [aLevel(), aLevel({ followUpIntervalMinutes: 0 })], workingHours: { ...OFFICE_HOURS, start: '20:00', workdays: [9] } }),
  );
  t.deepEqual(e?.fieldErrors.map((f) => `${f.path} ${f.code}`), [
    '/levels/1/code duplicate_code',
    '/levels/1/followUpIntervalMinutes non_positive_interval',
    '/workingHours/end end_not_after_start',
    '/workingHours/workdays/0 unknown_workday',
  ]);
  t.is(e?.text.zh, '客户级别设置有误：级别代码「A」重复；跟进间隔应为正整数分钟；下班时间应晚于上班时间；工作日 9 无效，应为 1（周一）到 7（周日）');
  t.true(e?.text.en.startsWith('The grading policy is invalid: level code "A" is used twice; '));
});
