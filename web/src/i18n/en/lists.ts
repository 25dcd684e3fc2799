import type zh from '../zh/lists.js';

export default {
  nth: '{label} {n}',
  up: 'Move “{item}” up',
  down: 'Move “{item}” down',
  remove: 'Remove “{item}”',
  new: 'New {label}',
  newPlaceholder: 'Type, then Add',
  add: 'Add',
} satisfies typeof zh;
