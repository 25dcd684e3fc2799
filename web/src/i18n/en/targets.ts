import type zh from '../zh/targets.js';

export default {
  title: 'Targets',
  kind: 'Period type',
  period: 'Period',
  kinds: { month: 'Monthly', quarter: 'Quarterly', person: 'Person', department: 'Department' },
  hint: 'Leave a field blank for no target of its own; a month without one is measured against a third of its quarter’s.',
  none: 'No target',
  source: {
    month: 'Month’s target {amount}',
    quarter_share: 'A third of the quarter: {amount}',
    quarter: 'Quarter’s target {amount}',
    months_sum: 'Sum of its months: {amount}',
    year_sum: 'Sum of its quarters: {amount}',
  },
  yuan: 'yuan',
  badAmount: 'Enter an amount of 0 or more, at most two decimals',
  save: 'Save targets',
  saved: 'Targets saved',
} satisfies typeof zh;
