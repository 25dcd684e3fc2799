import type zh from '../zh/workcenter.js';

export default {
  overdue: 'Overdue',
  nothing: 'Nothing waits on you here',
  total: '{n} waiting on you',
} satisfies typeof zh;
