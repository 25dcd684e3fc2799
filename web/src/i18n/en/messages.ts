import type zh from '../zh/messages.js';

export default {
  title: 'Messages',
  all: 'All',
  unread: 'Unread',
  unreadCount: '{n} unread',
  readAll: 'Mark all read',
  allRead: 'All marked read',
  read: 'Read',
  nothing: 'No messages',
} satisfies typeof zh;
