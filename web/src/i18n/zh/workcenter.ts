export default {
  overdue: '已逾期',
  nothing: '这里没有等你办理的事',
  total: '共{n}项待办',
};
