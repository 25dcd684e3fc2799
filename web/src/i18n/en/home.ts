import type zh from '../zh/home.js';

export default {
  title: 'Home',
  hello: 'Hello, {name}',
  subtitle: 'Have a good day',
  modules: 'Modules',
  notFound: 'No such page',
  module: {
    inquiryPool: 'Inquiry pool',
    customerPool: 'Customer pool',
    inquiries: 'Inquiries',
    prospects: 'Prospects',
    workcenter: 'Work center',
    orders: 'Orders',
    tasks: 'Tasks',
    accounts: 'Accounts',
    products: 'Products',
    calculator: 'Repayments',
  },
  briefing: {
    title: 'Briefing',
    period: 'Period',
    department: 'Department',
    allDepartments: 'All departments',
    periods: { today: 'Today', week: 'This week', month: 'This month', quarter: 'This quarter', year: 'This year' },
    contract: 'Contracts',
    disbursed: 'Disbursed',
    collected: 'Collected',
    ranking: 'Ranking by collected',
    trend: 'Trend',
  },
} satisfies typeof zh;
