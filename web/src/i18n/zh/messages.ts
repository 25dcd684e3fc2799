export default {
  title: '消息',
  all: '全部',
  unread: '未读',
  unreadCount: '{n}条未读',
  readAll: '全部已读',
  allRead: '已全部标为已读',
  read: '已读',
  nothing: '暂无消息',
};
