import type zh from '../zh/pools.js';

export default {
  inquiryPool: 'Inquiry pool',
  customerPool: 'Customer pool',
  claim: 'Claim',
  claimed: 'Claimed: it is in your {list} now',
  pooledAt: 'In the pool since',
  from: 'Former owner',
} satisfies typeof zh;
