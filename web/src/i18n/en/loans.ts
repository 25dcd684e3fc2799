import type zh from '../zh/loans.js';

export default {
  title: 'Repayment calculator',
  amount: 'Amount (yuan)',
  rate: 'Annual rate (%)',
  months: 'Term (months)',
  method: {
    'equal-installment': 'Equal instalments',
    'equal-principal': 'Equal principal',
    'interest-first': 'Interest first',
    bullet: 'All at maturity',
  },
  badRate: 'Enter an annual rate between 0 and 100 with at most four decimals (e.g. 4.9)',
  monthly: 'Monthly payment',
  monthlyFalling: '{first} in month 1, then less',
  monthlyInterest: 'Interest {first} a month',
  atEnd: 'All at maturity',
  first: 'First payment',
  last: 'Last payment',
  interest: 'Total interest',
  total: 'Total repaid',
  offered: 'Offered by the product',
  notOffered: 'Not offered by the product',
  hint: 'Enter amount, rate and term to compare the four methods at once',
  terms: '{amount} yuan · {rate}% a year · {months} months',
} satisfies typeof zh;
