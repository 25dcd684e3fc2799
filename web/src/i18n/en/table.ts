import type zh from '../zh/table.js';

export default {
  columns: 'Columns',
  columnsOf: '{caption}: columns shown',
  sort: 'Sort',
  unsorted: 'Default order',
  asc: '{label} ascending',
  desc: '{label} descending',
} satisfies typeof zh;
