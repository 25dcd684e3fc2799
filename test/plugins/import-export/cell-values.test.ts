// What people write in import cells: genders, levels by code, label or name, times in the firm's zone; and
// the header row's mapping, table-driven.
import test from 'ava';
import { genderOf, instantOf, levelOf } from '../../../plugins/import-export/cell-values.js';
import { mapHeaders } from '../../../plugins/import-export/columns.js';
import { DEFAULT_INQUIRY_SETTINGS } from '../../../core/inquiries/settings.js';

const levels = DEFAULT_INQUIRY_SETTINGS.grading.levels;

test('genders: 男/女 and the words and letters for them; anything else stays as written', (t) => {
  const cases: [string, string][] = [['男', 'male'], [' 女士 ', 'female'], ['M', 'male'], ['female', 'female'], ['未知', '未知']];
  for (const [text, expected] of cases) t.is(genderOf(text), expected, text);
});

test('levels by code, label or name', (t) => {
  const cases: [string, string][] = [['A', 'A'], ['a', 'A'], ['B类', 'B'], ['B类 潜在价值', 'B'], ['C级', 'C'], ['高价值', 'A'], ['Ｂ', 'B'], ['Z', 'Z']];
  for (const [text, expected] of cases) t.is(levelOf(text, levels), expected, text);
});

test('times: wall clocks in the firm’s zone, a date alone at the day’s start, Excel serials, ISO with offset', (t) => {
  const zone = 'Asia/Shanghai';
  const cases: [string, string | undefined][] = [
    ['2030-12-03 14:30', '2030-12-03T06:30:00.000Z'],
    ['2030/12/3 14:30:15', '2030-12-03T06:30:15.000Z'],
    ['2030年12月3日 14点30分', '2030-12-03T06:30:00.000Z'],
    ['2030-12-03', '2030-12-03T01:00:00.000Z'],
    ['2030-12-03T14:30:00+08:00', '2030-12-03T06:30:00.000Z'],
    ['2030-12-03T06:30:00Z', '2030-12-03T06:30:00.000Z'],
    ['47455.5', '2029-12-03T04:00:00.000Z'],
    ['', undefined],
  ];
  for (const [text, expected] of cases) t.is(instantOf(text, zone)?.toISOString(), expected, text);
  t.is(instantOf('2030-12-03', 'America/New_York', '08:30')?.toISOString(), '2030-12-03T13:30:00.000Z');
  for (const bad of ['明天', '2030-02-30 10:00', '2030-12-03 25:00', '12/03/2030']) t.true(Number.isNaN(instantOf(bad, zone)?.getTime()), bad);
});

test('headers map by name and alias, ignoring stars, spaces and notes in brackets; unknown ones are listed', (t) => {
  const m = mapHeaders(['企业名称*', ' 手机号 ', '联系人（必填）', '性别', '级别', '来源', '房产', '备注', '微信', '']);
  t.deepEqual(m.columns.map((c) => [c.index, c.field]), [[0, 'companyName'], [1, 'mobile'], [2, 'contactName'], [3, 'gender'], [4, 'level'], [5, 'source'], [6, 'propertyType'], [7, 'remark']]);
  t.deepEqual(m.ignored, ['微信']);
});
