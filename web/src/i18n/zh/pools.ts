export default {
  inquiryPool: '咨询公海',
  customerPool: '客户公海',
  claim: '领取',
  claimed: '已领取，已加入你的{list}',
  pooledAt: '进入公海',
  from: '原负责人',
};
