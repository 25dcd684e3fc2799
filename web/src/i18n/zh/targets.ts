export default {
  title: '业绩目标',
  kind: '周期类型',
  period: '周期',
  kinds: { month: '月度', quarter: '季度', person: '人员', department: '部门' },
  hint: '留空表示本周期未单独设定目标；月度未设时按季度目标的三分之一计算完成率。',
  none: '未设目标',
  source: {
    month: '本月目标 {amount}',
    quarter_share: '按季度三分之一：{amount}',
    quarter: '本季度目标 {amount}',
    months_sum: '按各月合计：{amount}',
    year_sum: '按各季合计：{amount}',
  },
  yuan: '元',
  badAmount: '请输入不小于 0 的金额，最多两位小数',
  save: '保存目标',
  saved: '目标已保存',
};
