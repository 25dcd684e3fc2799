import test from 'ava';
import { rankByAmount } from '../../../core/briefing/ranking.js';
import { bucketOf, bucketsBetween, checkBucketCount, defaultGranularity, fillBuckets } from '../../../core/briefing/trend.js';

test('the ranking orders by amount, ties share a rank and the next rank skips', (t) => {
  const rows = rankByAmount([
    { id: 'a', name: '孙露露', amountFen: 500 }, { id: 'b', name: '周销售', amountFen: 900 }, { id: 'c', name: '王经理', amountFen: 500 }, { id: 'd', name: '李', amountFen: 100 },
  ], 3);
  t.deepEqual(rows.map((r) => [r.rank, r.id]), [[1, 'b'], [2, 'a'], [2, 'c']]);
});

test('trend buckets are days, weeks from Monday or months, covering the period', (t) => {
  t.is(bucketOf('2026-11-26', 'week'), '2026-11-23');
  t.is(bucketOf('2026-11-23', 'week'), '2026-11-23');
  t.is(bucketOf('2026-11-29', 'week'), '2026-11-23');
  t.is(bucketOf('2026-11-26', 'month'), '2026-11-01');
  t.deepEqual(bucketsBetween('2026-11-28', '2026-12-02', 'day'), ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01']);
  t.deepEqual(bucketsBetween('2026-10-01', '2027-01-01', 'month'), ['2026-10-01', '2026-11-01', '2026-12-01']);
  t.deepEqual(bucketsBetween('2026-11-26', '2026-12-10', 'week'), ['2026-11-23', '2026-11-30', '2026-12-07']);
  t.deepEqual(bucketsBetween('2026-12-01', '2027-02-01', 'month'), ['2026-12-01', '2027-01-01']);
});

test('the default granularity follows the period length, and a trend has at most 400 points', (t) => {
  t.is(defaultGranularity({ fromDate: '2026-11-01', toDate: '2026-12-01' }), 'day');
  t.is(defaultGranularity({ fromDate: '2026-10-01', toDate: '2027-01-01' }), 'week');
  t.is(defaultGranularity({ fromDate: '2026-01-01', toDate: '2027-01-01' }), 'month');
  t.is(checkBucketCount({ fromDate: '2020-01-01', toDate: '2027-01-01' }, 'day')?.code, 'briefing.too_many_buckets');
  t.is(checkBucketCount({ fromDate: '2020-01-01', toDate: '2027-01-01' }, 'month'), null);
  t.deepEqual(fillBuckets(['a', 'b'], [{ bucket: 'b', n: 1 }], (bucket) => ({ bucket, n: 0 })), [{ bucket: 'a', n: 0 }, { bucket: 'b', n: 1 }]);
});
